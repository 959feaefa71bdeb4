"""CQL2 as clients send it, made readable for pygeofilter, and parse failures
told in words.

pygeofilter 0.4 reads a CQL2-JSON bbox literal as (x1, x2, y1, y2) and
`between` as [property, [low, high]]; the standard writes
`{"bbox": [minx, miny, maxx, maxy]}` (or six numbers with heights) and
`{"op": "between", "args": [property, low, high]}`. `standard_cql2_json`
rewrites the standard forms before pygeofilter walks the tree.
"""

import json
import math
from typing import Any

from django.utils.translation import gettext
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedToken,
    VisitError,
)
from pygeofilter import values
from pygeofilter.cql2 import BINARY_OP_PREDICATES_MAP

_OPERATORS = frozenset(
    {"and", "or", "not", "isNull", "between", "like", "in", "casei"}
    | set(BINARY_OP_PREDICATES_MAP)
)


class Cql2JsonError(ValueError):
    """A CQL2-JSON node that is not the standard's; the message says which."""


def _envelope(numbers: Any) -> values.Envelope:
    if (
        not isinstance(numbers, list)
        or len(numbers) not in (4, 6)
        or not all(
            isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n)
            for n in numbers
        )
    ):
        raise Cql2JsonError(gettext("a bbox is 4 or 6 finite numbers."))
    if len(numbers) == 6:  # heights are ignored
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    min_x, min_y, max_x, max_y = (float(n) for n in numbers)
    return values.Envelope(min_x, max_x, min_y, max_y)


def _operation(node: dict[str, Any]) -> dict[str, Any]:
    op, args = node["op"], node.get("args")
    if not isinstance(op, str) or op not in _OPERATORS:
        raise Cql2JsonError(gettext("unknown operator %(op)r.") % {"op": op})
    if not isinstance(args, list | dict):
        raise Cql2JsonError(gettext("the operator %(op)r needs its args.") % {"op": op})
    args = standard_cql2_json(args)
    if op == "between":
        if isinstance(args, list) and len(args) == 3:
            args = [args[0], [args[1], args[2]]]
        if not (isinstance(args, list) and len(args) == 2 and len(args[1]) == 2):
            raise Cql2JsonError(
                gettext("between takes a property, a lower and an upper bound.")
            )
    return {**node, "args": args}


def standard_cql2_json(node: Any) -> Any:
    """The CQL2-JSON tree with standard bbox literals and `between` arguments
    in the forms pygeofilter reads."""
    if isinstance(node, list):
        return [standard_cql2_json(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "bbox" in node and "op" not in node:
        return _envelope(node["bbox"])
    if "op" in node:
        return _operation(node)
    return {key: standard_cql2_json(value) for key, value in node.items()}


def parse_failure(error: BaseException) -> str:
    """Why a filter does not parse, in words, without the parser's internals."""
    if isinstance(error, VisitError):
        return parse_failure(error.orig_exc)
    if isinstance(error, Cql2JsonError):
        return str(error)
    if isinstance(error, json.JSONDecodeError):
        return gettext("it is not JSON (%(reason)s at column %(column)d).") % {
            "reason": error.msg,
            "column": error.colno,
        }
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        return gettext("it ends before the expression is complete.")
    if isinstance(error, UnexpectedToken | UnexpectedCharacters):
        text = error.token if isinstance(error, UnexpectedToken) else error.char
        return gettext("unexpected %(text)s at column %(column)s.") % {
            "text": json.dumps(str(text)),
            "column": error.column,
        }
    return gettext("it is not a CQL2 expression.")
