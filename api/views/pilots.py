from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.request import Request

from pilots.selectors import pilot_list
from pilots.services.pilots import pilot_create, pilot_delete, pilot_update

from ..features import PILOT_FEATURE
from ..filters import PilotFilterSet
from ..serializers.pilots import PilotSerializer
from .catalogue import CatalogueViewSet, catalogue_schema


class IsOwnerOrReadOnly(BasePermission):
    """Anyone reads what they may see; only the owner changes a pilot."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or IsAuthenticated().has_permission(
            request, view
        )

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        return request.method in SAFE_METHODS or obj.owner_id == request.user.pk


@catalogue_schema(PilotSerializer)
class PilotViewSet(CatalogueViewSet):
    """Pilot projects: public ones for everyone, and a signed-in user's own."""

    serializer_class = PilotSerializer
    filterset_class = PilotFilterSet
    permission_classes = [IsOwnerOrReadOnly]  # refined by the accounts issue
    feature_spec = PILOT_FEATURE
    create_service = pilot_create
    update_service = pilot_update
    delete_service = pilot_delete
    entity_name = "pilot"

    def get_queryset(self) -> Any:
        return pilot_list(user=self.request.user)
