"""OpenAPI pieces shared by the views: GeoJSON bodies and their media types, and
the schema class that knows which read-only fields are sometimes left out."""

import copy
from typing import Any, Literal

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer
from rest_framework import serializers

from . import schema_geometry  # noqa: F401 (registers the geometry extension)
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


@extend_schema_serializer(many=False)
class FeatureCollectionDocument(serializers.Serializer):
    """Marks a GeoJSON FeatureCollection body in the schema: one object, never
    wrapped in an array or a JSON pagination envelope (its `links` page it)."""


@extend_schema_serializer(many=False)
class FeatureDocument(serializers.Serializer):
    """Marks a GeoJSON Feature body in the schema."""


class FeatureCollectionDocumentExtension(OpenApiSerializerExtension):
    target_class = FeatureCollectionDocument

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "FeatureCollection"

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return copy.deepcopy(FEATURE_COLLECTION_SCHEMA)  # hooks edit it in place


class FeatureDocumentExtension(OpenApiSerializerExtension):
    target_class = FeatureDocument

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "Feature"

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return copy.deepcopy(FEATURE_SCHEMA)


def geojson_responses(
    serializer: Any, kind: Literal["list", "detail"]
) -> dict[tuple[int, str], Any]:
    """JSON from the serializer, GeoJSON from PostGIS, for one operation."""
    geojson = FeatureCollectionDocument if kind == "list" else FeatureDocument
    return {
        (200, "application/json"): serializer,
        (200, "application/geo+json"): OpenApiResponse(response=geojson),
    }


class FilterParametersExtension(DjangoFilterExtension):
    """The filters as drf-spectacular describes them, plus `allowEmptyValue`:
    django-filter reads `?name=` as no filter at all (the map page and HTML
    forms send empty fields), and the schema says so, so clients and schema
    fuzzers know an empty value is accepted whatever the parameter's type."""

    priority = 1

    def resolve_filter_field(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        parameters = super().resolve_filter_field(*args, **kwargs)
        for parameter in parameters:
            if parameter.get("in") == "query" and not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        return parameters


class RegistryAutoSchema(AutoSchema):
    """drf-spectacular's schema, where a read-only field a serializer names in
    `Meta.optional_read_only_fields` is not required: it is only in some answers
    (`distance_m` only with `near`), and clients must not expect it always."""

    def _map_basic_serializer(self, serializer: Any, direction: Any) -> Any:
        schema = super()._map_basic_serializer(serializer, direction)
        meta = getattr(serializer, "Meta", None)
        optional = set(getattr(meta, "optional_read_only_fields", ()))
        if optional and "required" in schema:
            schema["required"] = [
                name for name in schema["required"] if name not in optional
            ]
            if not schema["required"]:
                del schema["required"]
        return schema
