from typing import Any

from pilots.selectors.catalogue import site_list, visible_sites
from pilots.services.sites import site_create, site_delete, site_update

from ..concurrency import ETagMixin
from ..features import SITE_FEATURE
from ..filters.catalogue import SiteFilterSet
from ..permissions import SiteAccess
from ..serializers.sites import SiteSerializer
from .catalogue import CatalogueViewSet, catalogue_schema
from .moderation import UnpublishActionsMixin


@catalogue_schema(SiteSerializer)
class SiteViewSet(UnpublishActionsMixin, ETagMixin, CatalogueViewSet):
    """Test arenas and shared labs, with their locations."""

    serializer_class = SiteSerializer
    filterset_class = SiteFilterSet
    permission_classes = [SiteAccess]
    feature_spec = SITE_FEATURE
    create_service = site_create
    update_service = site_update
    delete_service = site_delete
    entity_name = "site"

    def get_queryset(self) -> Any:
        return site_list(user=self.request.user)

    def get_feature_queryset(self) -> Any:
        return visible_sites(user=self.request.user)
