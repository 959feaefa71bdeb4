"""What the catalogue's viewsets share: formats, pagination, filters, writes.

A viewset declares its selector, serializer, FilterSet, FeatureSpec and the
three services; this base translates HTTP to them and back.
"""

import json
from collections.abc import Callable
from typing import Any, ClassVar, cast

from django.db import IntegrityError
from django.db.models import Model, ProtectedError, QuerySet
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.serializers import BaseSerializer

from geo.rendering import FeatureSpec

from ..features import with_distance
from ..pagination import KeysetCursorPagination
from ..renderers import CatalogueCSVRenderer, GeoJSONRenderer
from ..schema import geojson_responses
from .geojson import GeoJSONMixin
from .service_errors import Conflict, integrity_conflict


@extend_schema_serializer(many=False)
class CSVDocument(serializers.Serializer):
    """Marks a CSV body in the schema (one text document, not a JSON list)."""


class CSVDocumentExtension(OpenApiSerializerExtension):
    target_class = CSVDocument

    def get_name(self, auto_schema: Any, direction: Any) -> str:
        return "CSV"

    def map_serializer(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "description": (
                "The page as CSV: a header row of field names; a Point as "
                "<name>.lon and <name>.lat, other geometries as GeoJSON text, "
                "lists `;`-separated."
            ),
        }


def format_parameter(*formats: str) -> OpenApiParameter:
    media = {
        "json": "`application/json`",
        "geojson": "`application/geo+json` (RFC 7946, lon/lat, 6 decimals)",
        "csv": "`text/csv`",
    }
    return OpenApiParameter(
        "format",
        str,
        enum=list(formats),
        description="Response format, instead of an Accept header: "
        + ", ".join(f"{name} = {media[name]}" for name in formats)
        + ".",
    )


def catalogue_schema(serializer: type[BaseSerializer], *, geojson: bool = True) -> Any:
    """OpenAPI for list and detail: JSON, GeoJSON (if located) and CSV bodies."""
    csv = {(200, "text/csv"): OpenApiResponse(response=CSVDocument)}
    if geojson:
        formats = format_parameter("json", "geojson", "csv")
        list_bodies = geojson_responses(serializer(many=True), "list")
        detail_bodies = geojson_responses(serializer, "detail")
    else:
        formats = format_parameter("json", "csv")
        list_bodies = {(200, "application/json"): serializer(many=True)}
        detail_bodies = {(200, "application/json"): serializer}
    return extend_schema_view(
        list=extend_schema(parameters=[formats], responses={**list_bodies, **csv}),
        retrieve=extend_schema(
            parameters=[formats], responses={**detail_bodies, **csv}
        ),
    )


class CatalogueViewSet(GeoJSONMixin, viewsets.ModelViewSet):
    renderer_classes = [
        JSONRenderer,
        GeoJSONRenderer,
        CatalogueCSVRenderer,
        BrowsableAPIRenderer,
    ]
    pagination_class = KeysetCursorPagination
    filter_backends = [DjangoFilterBackend]
    lookup_field = "slug"
    feature_spec: ClassVar[FeatureSpec]
    create_service: ClassVar[Callable[..., Model]]
    update_service: ClassVar[Callable[..., Model]]
    delete_service: ClassVar[Callable[..., None]]
    entity_name: ClassVar[str]  # the services' keyword for the instance

    def get_feature_spec(self, queryset: QuerySet) -> FeatureSpec:
        if "distance_m" in queryset.query.annotations:
            return with_distance(self.feature_spec)
        return self.feature_spec

    def paginate_features(self, queryset: QuerySet) -> tuple[bytes, dict[str, bytes]]:
        paginator = cast(KeysetCursorPagination, self.paginator)
        features, links = paginator.paginate_features(
            queryset, self.request, self.get_feature_spec(queryset)
        )
        return features, {"links": json.dumps(links).encode()}

    def perform_create(self, serializer: BaseSerializer) -> None:
        instance = self._write(
            type(self).create_service,
            model=self.get_queryset().model,
            actor=self.request.user,
            **serializer.validated_data,
        )
        serializer.instance = self.get_queryset().get(pk=instance.pk)

    def perform_update(self, serializer: BaseSerializer) -> None:
        instance = self._write(
            type(self).update_service,
            model=self.get_queryset().model,
            actor=self.request.user,
            **{self.entity_name: serializer.instance},
            **serializer.validated_data,
        )
        serializer.instance = self.get_queryset().get(pk=instance.pk)

    def perform_destroy(self, instance: Model) -> None:
        try:
            type(self).delete_service(
                actor=self.request.user, **{self.entity_name: instance}
            )
        except ProtectedError as error:
            names = sorted({str(obj) for obj in error.protected_objects})[:5]
            raise Conflict(
                _("Still referenced by %(names)s; remove those first.")
                % {"names": ", ".join(names)}
            ) from None

    @staticmethod
    def _write(
        service: Callable[..., Model], *, model: type[Model], **kwargs: Any
    ) -> Model:
        try:
            return service(**kwargs)
        except IntegrityError as error:
            raise integrity_conflict(error, model) from None
