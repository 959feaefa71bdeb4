"""GeoJSON geometry fields for JSON responses."""

import json
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

GEOMETRY_SCHEMA = {
    "type": "object",
    "description": "GeoJSON geometry (RFC 7946): lon/lat, EPSG:4326, 6 decimals",
    "properties": {
        "type": {"type": "string"},
        "coordinates": {"type": "array", "items": {}},
    },
    "required": ["type", "coordinates"],
}


@extend_schema_field(GEOMETRY_SCHEMA)
class GeoJSONTextField(serializers.Field):
    """Reads GeoJSON text that PostGIS wrote (an AsGeoJSON annotation)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)
