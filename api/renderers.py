import json
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework_csv.renderers import PaginatedCSVRenderer


class GeoJSONRenderer(BaseRenderer):
    """RFC 7946 output. Bodies arrive as bytes rendered by PostGIS."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, bytes):
            return data
        # Errors raised before the body was built are plain JSON data.
        return JSONRenderer().render(data)


class ProblemJSONRenderer(JSONRenderer):
    media_type = "application/problem+json"
    format = "problem"


class CatalogueCSVRenderer(PaginatedCSVRenderer):
    """CSV export of a list page (djangorestframework-csv).

    Columns follow the serializer's field order; a Point becomes `<name>.lon`
    and `<name>.lat`, other geometries one GeoJSON column, lists of values one
    `;`-separated column. Errors stay problem details (JSON).
    """

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        response = (renderer_context or {}).get("response")
        if response is not None and response.status_code >= 400:
            return JSONRenderer().render(data)
        if isinstance(data, dict) and self.results_field not in data:
            data = [data]  # a detail: one row
        context = dict(renderer_context or {})
        rows = data.get(self.results_field) if isinstance(data, dict) else data
        view = context.get("view")
        if not rows and "header" not in context and view is not None:
            # No rows: still a header line, so the answer is CSV (an empty body
            # would leave without a Content-Type).
            context["header"] = list(view.get_serializer().fields)
        return super().render(data, accepted_media_type, context)

    def tablize(self, data: Any, header: Any = None, labels: Any = None) -> Any:
        rows = [
            {
                key: neutralise_cell(value)
                for key, value in self.flatten_item(item).items()
            }
            for item in data
        ]
        if not header:
            header = list(dict.fromkeys(key for row in rows for key in row))
        return super().tablize(rows, header=header, labels=labels)

    def flatten_dict(self, d: dict[str, Any]) -> dict[str, Any]:
        flat: dict[str, Any] = {}
        for key, value in d.items():
            if _is_geometry(value):
                if value["type"] == "Point":
                    flat[f"{key}.lon"], flat[f"{key}.lat"] = value["coordinates"]
                else:
                    flat[key] = json.dumps(value, separators=(",", ":"))
            elif isinstance(value, list) and all(
                not isinstance(item, dict | list) for item in value
            ):
                flat[key] = ";".join(str(item) for item in value)
            elif isinstance(value, dict | list):
                flat.update(self.nest_flat_item(self.flatten_item(value), key))
            else:
                flat[key] = value
        return flat


# OWASP "CSV Injection": a spreadsheet runs a cell starting with one of these
# as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would read as a formula with a
    single quote. Numbers stay numbers: -1.5 in a coordinate column is data."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _is_geometry(value: Any) -> bool:
    return isinstance(value, dict) and "type" in value and "coordinates" in value
