"""List and detail views that answer GeoJSON with bytes built by PostGIS."""

from typing import Any, ClassVar

from rest_framework.request import Request
from rest_framework.response import Response

from geo.rendering import (
    FeatureSpec,
    feature_collection,
    render_feature,
    render_features,
)

from ..pagination import KeysetCursorPagination
from ..renderers import GeoJSONRenderer


def wants_geojson(request: Request) -> bool:
    return isinstance(getattr(request, "accepted_renderer", None), GeoJSONRenderer)


class GeoJSONMixin:
    """Add to a ViewSet with `feature_spec`; JSON stays with the serializer."""

    feature_spec: ClassVar[FeatureSpec]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not wants_geojson(request):
            return super().list(request, *args, **kwargs)  # type: ignore[misc]
        queryset = self.filter_queryset(self.get_feature_queryset())  # type: ignore[attr-defined]
        features, members = self.paginate_features(queryset)
        body = feature_collection(features, **members)
        paginator = getattr(self, "paginator", None)
        headers = (
            paginator.link_headers()
            if isinstance(paginator, KeysetCursorPagination)
            else {}
        )
        return Response(body, content_type=GeoJSONRenderer.media_type, headers=headers)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if not wants_geojson(request):
            return super().retrieve(request, *args, **kwargs)  # type: ignore[misc]
        instance = self.get_object()  # type: ignore[attr-defined]
        queryset = self.get_queryset().filter(pk=instance.pk)  # type: ignore[attr-defined]
        body = render_feature(queryset, self.get_feature_spec(queryset))
        return Response(body, content_type=GeoJSONRenderer.media_type)

    def get_feature_queryset(self) -> Any:
        """The rows a GeoJSON list reads; a view may drop what only its
        serializer needs (related rows, annotations)."""
        return self.get_queryset()  # type: ignore[attr-defined]

    def get_feature_spec(self, queryset: Any) -> FeatureSpec:
        """The spec for this queryset (a view may add e.g. computed distances)."""
        return self.feature_spec

    def paginate_features(self, queryset: Any) -> tuple[bytes, dict[str, bytes]]:
        """The features of this page (JSON array) and extra top-level members
        (links); without pagination, every row of the queryset."""
        return render_features(queryset, self.get_feature_spec(queryset)), {}
