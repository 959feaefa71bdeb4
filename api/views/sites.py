from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from pilots.selectors import site_list
from pilots.services.sites import site_create, site_delete, site_update

from ..features import SITE_FEATURE
from ..filters import SiteFilterSet
from ..schema import geojson_responses
from ..serializers.sites import SiteSerializer
from .catalogue import FORMAT_PARAMETER, CatalogueViewSet, list_responses


@extend_schema_view(
    list=extend_schema(
        parameters=[FORMAT_PARAMETER], responses=list_responses(SiteSerializer)
    ),
    retrieve=extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses=geojson_responses(SiteSerializer, "detail"),
    ),
)
class SiteViewSet(CatalogueViewSet):
    """Test arenas and shared labs, with their locations."""

    serializer_class = SiteSerializer
    filterset_class = SiteFilterSet
    permission_classes = [IsAuthenticatedOrReadOnly]  # refined by the accounts issue
    feature_spec = SITE_FEATURE
    create_service = site_create
    update_service = site_update
    delete_service = site_delete
    entity_name = "site"

    def get_queryset(self) -> Any:
        return site_list(user=self.request.user)
