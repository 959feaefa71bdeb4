"""OpenAPI pieces shared by the views: GeoJSON bodies and their media types."""

from typing import Any, Literal

from drf_spectacular.utils import OpenApiResponse

from .serializers.geometry import GEOMETRY_SCHEMA

FEATURE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "GeoJSON Feature (RFC 7946)",
    "properties": {
        "type": {"type": "string", "enum": ["Feature"]},
        "id": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        "geometry": {**GEOMETRY_SCHEMA, "nullable": True},
        "properties": {"type": "object", "additionalProperties": True},
    },
    "required": ["type", "geometry", "properties"],
}
FEATURE_COLLECTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "GeoJSON FeatureCollection (RFC 7946), rendered by PostGIS",
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": FEATURE_SCHEMA},
        "links": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "features"],
}


def geojson_responses(
    serializer: Any, kind: Literal["list", "detail"]
) -> dict[tuple[int, str], Any]:
    """JSON from the serializer, GeoJSON from PostGIS, for one operation."""
    geojson = FEATURE_COLLECTION_SCHEMA if kind == "list" else FEATURE_SCHEMA
    return {
        (200, "application/json"): serializer,
        (200, "application/geo+json"): OpenApiResponse(response=geojson),
    }
