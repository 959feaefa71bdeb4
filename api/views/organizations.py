from typing import Any

from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer

from pilots.selectors.catalogue import organization_list
from pilots.services.organizations import (
    organization_create,
    organization_delete,
    organization_update,
)

from ..concurrency import ETagMixin
from ..filters.catalogue import OrganizationFilterSet
from ..permissions import OrganizationAccess
from ..renderers import CatalogueCSVRenderer
from ..serializers.organizations import OrganizationSerializer
from .catalogue import CatalogueViewSet, catalogue_schema
from .moderation import UnpublishActionsMixin
from .organization_verification import VerificationActionsMixin


@catalogue_schema(OrganizationSerializer, geojson=False)
class OrganizationViewSet(
    VerificationActionsMixin, UnpublishActionsMixin, ETagMixin, CatalogueViewSet
):
    """Universities, institutes, companies and public bodies in the district."""

    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet
    permission_classes = [OrganizationAccess]
    # Organisations have no geometry: JSON and CSV only.
    renderer_classes = [JSONRenderer, CatalogueCSVRenderer, BrowsableAPIRenderer]
    create_service = organization_create
    update_service = organization_update
    delete_service = organization_delete
    entity_name = "organization"

    def get_queryset(self) -> Any:
        return organization_list(user=self.request.user)
