from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer

from geo.rendering import FeatureSpec
from geo.selectors import zone_list

from ..filters.query_parameters import KnownQueryParameters
from ..renderers import GeoJSONRenderer
from ..schema import geojson_responses
from ..serializers.zones import ZoneSerializer
from .geojson import GeoJSONMixin


@extend_schema_view(
    list=extend_schema(responses=geojson_responses(ZoneSerializer(many=True), "list")),
    retrieve=extend_schema(responses=geojson_responses(ZoneSerializer, "detail")),
)
class ZoneViewSet(GeoJSONMixin, viewsets.ReadOnlyModelViewSet):
    """The district's five zones; read-only."""

    queryset = zone_list()
    serializer_class = ZoneSerializer
    lookup_field = "slug"
    filter_backends = [KnownQueryParameters]
    renderer_classes = [JSONRenderer, GeoJSONRenderer, BrowsableAPIRenderer]
    feature_spec = FeatureSpec(
        geometry="area", id="slug", properties={"slug": "slug", "name": "name"}
    )
