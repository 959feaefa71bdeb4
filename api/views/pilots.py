from typing import Any

from pilots.selectors.catalogue import pilot_list, visible_pilots
from pilots.services.pilots import pilot_create, pilot_delete, pilot_update

from ..concurrency import ETagMixin
from ..features import PILOT_FEATURE
from ..filters.catalogue import PilotFilterSet
from ..permissions import PilotAccess
from ..serializers.pilots import PilotSerializer
from .catalogue import CatalogueViewSet, catalogue_schema


@catalogue_schema(PilotSerializer)
class PilotViewSet(ETagMixin, CatalogueViewSet):
    """Pilot projects: public ones for everyone, and a signed-in user's own."""

    serializer_class = PilotSerializer
    filterset_class = PilotFilterSet
    permission_classes = [PilotAccess]
    feature_spec = PILOT_FEATURE
    create_service = pilot_create
    update_service = pilot_update
    delete_service = pilot_delete
    entity_name = "pilot"

    def get_queryset(self) -> Any:
        return pilot_list(user=self.request.user)

    def get_feature_queryset(self) -> Any:
        return visible_pilots(user=self.request.user)
