"""GeoJSON geometries in the OpenAPI document, as GeoJSON (RFC 7946).

Each writable geometry field is described by the types it accepts: a `Point`,
`Polygon` or `MultiPolygon` component with its `type` enum and number arrays,
and a district example, so Swagger UI's generated bodies are valid geometries.
"""

import copy
from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent

from .serializers.geometry import GEOMETRY_SCHEMA, GeoJSONGeometryField

POSITION: dict[str, Any] = {
    "type": "array",
    "description": "Longitude, latitude (EPSG:4326, decimal degrees).",
    "minItems": 2,
    "maxItems": 3,
    "items": {"type": "number"},
}
LINEAR_RING: dict[str, Any] = {
    "type": "array",
    "description": "A closed ring: 4+ positions, the last equal to the first.",
    "minItems": 4,
    "items": POSITION,
}
POLYGON_COORDINATES: dict[str, Any] = {
    "type": "array",
    "description": "The outer ring, then any holes.",
    "minItems": 1,
    "items": LINEAR_RING,
}
# A block at Gløshaugen (the campus zone), closed, counter-clockwise.
GLOSHAUGEN_RING = [
    [10.4000, 63.4150],
    [10.4060, 63.4150],
    [10.4060, 63.4180],
    [10.4000, 63.4180],
    [10.4000, 63.4150],
]
GEOMETRY_COMPONENTS: dict[str, dict[str, Any]] = {
    "Point": {
        "type": "object",
        "description": "GeoJSON Point (RFC 7946): lon/lat, EPSG:4326.",
        "properties": {
            "type": {"type": "string", "enum": ["Point"]},
            "coordinates": POSITION,
        },
        "required": ["type", "coordinates"],
        "example": {"type": "Point", "coordinates": [10.4025, 63.414]},
    },
    "Polygon": {
        "type": "object",
        "description": "GeoJSON Polygon (RFC 7946): lon/lat, EPSG:4326.",
        "properties": {
            "type": {"type": "string", "enum": ["Polygon"]},
            "coordinates": POLYGON_COORDINATES,
        },
        "required": ["type", "coordinates"],
        "example": {"type": "Polygon", "coordinates": [GLOSHAUGEN_RING]},
    },
    "MultiPolygon": {
        "type": "object",
        "description": "GeoJSON MultiPolygon (RFC 7946): lon/lat, EPSG:4326.",
        "properties": {
            "type": {"type": "string", "enum": ["MultiPolygon"]},
            "coordinates": {
                "type": "array",
                "minItems": 1,
                "items": POLYGON_COORDINATES,
            },
        },
        "required": ["type", "coordinates"],
        "example": {"type": "MultiPolygon", "coordinates": [[GLOSHAUGEN_RING]]},
    },
}


def geometry_component(auto_schema: Any, geometry_type: str) -> dict[str, str]:
    component = ResolvedComponent(
        name=geometry_type,
        type=ResolvedComponent.SCHEMA,
        object=geometry_type,
        # A copy: the enum hook edits component schemas in place.
        schema=copy.deepcopy(GEOMETRY_COMPONENTS[geometry_type]),
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


class GeoJSONGeometryFieldExtension(OpenApiSerializerFieldExtension):
    """A geometry field as the GeoJSON types it accepts (one of them)."""

    target_class = GeoJSONGeometryField

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> Any:
        field: GeoJSONGeometryField = self.target
        kinds = field.allowed_types
        if not kinds:  # read-only, any geometry type; null when there is none
            return {**copy.deepcopy(GEOMETRY_SCHEMA), "nullable": True}
        if len(kinds) == 1:
            if field.allow_null:  # inline: OpenAPI 3.0 wants `nullable` by `type`
                return copy.deepcopy(GEOMETRY_COMPONENTS[kinds[0]])
            return geometry_component(auto_schema, kinds[0])
        # `nullable` (allow_null) is turned into a null member of the oneOf by
        # api.schema_contract, the OpenAPI 3.0 form clients read.
        return {"oneOf": [geometry_component(auto_schema, kind) for kind in kinds]}
