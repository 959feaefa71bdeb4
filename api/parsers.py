"""JSON request bodies with a bounded nesting depth.

Python's JSON decoder recurses once per level: a body nested 1 000 deep raised
RecursionError (a 500). Bodies deeper than MAX_JSON_DEPTH are a 400 naming the
body; a GeoJSON MultiPolygon inside a resource is about six levels deep.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser

MAX_JSON_DEPTH = 32


def json_depth(value: Any) -> int:
    """Levels of arrays and objects in a decoded JSON value (iteratively)."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in children)
    return deepest


def too_deep() -> ValidationError:
    return ValidationError(
        {
            "body": [
                _("The JSON body is nested more than %(limit)d levels deep.")
                % {"limit": MAX_JSON_DEPTH}
            ]
        }
    )


class DepthLimitedJSONParser(JSONParser):
    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep() from None
        if json_depth(data) > MAX_JSON_DEPTH:
            raise too_deep()
        return data
