"""pygeofilter's CQL2-text grammar, completed where it departs from the standard.

pygeofilter 0.4 writes temporal predicates infix (`a T_AFTER b`) and reads
INTERVAL only between two timestamps. CQL2 text calls them as functions,
`T_AFTER(updated_at, TIMESTAMP('2025-01-01T00:00:00Z'))`, has T_DISJOINT, and
allows dates and '..' (an open end) in intervals. This parser is pygeofilter's
grammar and transformer with those additions; everything else is unchanged.
"""

import os
from pathlib import Path
from typing import Any

import pygeofilter.parsers.cql2_text.parser as base
from lark import Lark, v_args
from pygeofilter import ast, values
from pygeofilter.cql2 import TEMPORAL_PREDICATES_MAP

_GRAMMAR_DIR = Path(base.__file__).parent

_TEMPORAL_RULE = (
    "?temporal_predicate: expression _binary_temporal_predicate_func expression "
    "-> binary_temporal_predicate"
)
_INTERVAL_RULE = (
    '?interval: "INTERVAL" "("  "\'" DATETIME "\'" "," "\'" DATETIME "\'" ")"'
)


def _grammar() -> str:
    text = (_GRAMMAR_DIR / "grammar.lark").read_text()
    if _TEMPORAL_RULE not in text or _INTERVAL_RULE not in text:
        raise RuntimeError(
            "pygeofilter's CQL2 grammar changed; review api/ogc/cql2_text.py"
        )
    text = text.replace(
        _TEMPORAL_RULE,
        _TEMPORAL_RULE
        + '\n    | _binary_temporal_predicate_func "(" expression "," expression ")"'
        " -> binary_temporal_function",
    )
    text = text.replace(
        '| "T_INTERSECTS"i',
        '| "T_INTERSECTS"i\n                        | "T_DISJOINT"i',
    )
    return text.replace(
        _INTERVAL_RULE,
        'interval: "INTERVAL"i "(" _interval_bound "," _interval_bound ")"\n'
        '_interval_bound: "\'" DATETIME "\'" | "\'" DATE "\'" | OPEN_END\n'
        "OPEN_END: \"'..'\"",
    )


@v_args(inline=True)
class _Transformer(base.CQLTransformer):
    def binary_temporal_function(self, op: Any, lhs: Any, rhs: Any) -> ast.Node:
        predicates = {**TEMPORAL_PREDICATES_MAP, "t_disjoint": ast.TimeDisjoint}
        return predicates[str(op).lower()](lhs, rhs)

    def OPEN_END(self, token: Any) -> None:  # named after the terminal
        return None

    def interval(self, start: Any, end: Any) -> values.Interval:
        return values.Interval(start, end)


_parser = Lark(
    _grammar(),
    parser="lalr",
    maybe_placeholders=False,
    transformer=_Transformer(),
    import_paths=[os.fspath(_GRAMMAR_DIR), os.fspath(_GRAMMAR_DIR.parent)],
)


def parse(text: str) -> Any:
    return _parser.parse(text)
