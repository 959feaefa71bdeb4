"""GeoJSON geometry fields: PostGIS-written text out, validated geometries in."""

import json
from collections.abc import Collection
from typing import Any

from django.contrib.gis.geos import GEOSGeometry
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from geo.validation import GeometryError, parse_geometry

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


class GeoJSONText(str):
    """GeoJSON that PostGIS already wrote; decoded, never parsed as geometry."""


class GeoJSONGeometryField(serializers.Field):
    """A writable GeoJSON geometry (RFC 7946, lon/lat).

    In the OpenAPI document it is one of its allowed types (api/schema_geometry.py).

    Reading prefers the `<field>_geojson` annotation written by PostGIS (see
    pilots.selectors), so lists build no geometry objects. Writing goes through
    geo.validation.parse_geometry; its errors name the place inside the value,
    e.g. "location.coordinates[0]".
    """

    def __init__(self, *, allowed_types: Collection[str], **kwargs: Any) -> None:
        self.allowed_types = tuple(allowed_types)
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        annotation = f"{self.source_attrs[-1]}_geojson"
        if len(self.source_attrs) == 1 and annotation in getattr(
            instance, "__dict__", {}
        ):
            text = instance.__dict__[annotation]
            return None if text is None else GeoJSONText(text)
        return super().get_attribute(instance)

    def to_representation(self, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value)
        # A geometry object (only right after a write): one conversion.
        return json.loads(value.geojson)

    def to_internal_value(self, data: Any) -> GEOSGeometry:
        try:
            return parse_geometry(data, allowed_types=self.allowed_types)
        except GeometryError as error:
            if error.path:
                raise serializers.ValidationError(
                    {error.path: [error.message]}
                ) from None
            raise serializers.ValidationError([error.message]) from None
