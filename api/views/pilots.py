from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.request import Request

from pilots.selectors import pilot_list
from pilots.services.pilots import pilot_create, pilot_delete, pilot_update

from ..features import PILOT_FEATURE
from ..filters import PilotFilterSet
from ..schema import geojson_responses
from ..serializers.pilots import PilotSerializer
from .catalogue import FORMAT_PARAMETER, CatalogueViewSet, list_responses


class IsOwnerOrReadOnly(BasePermission):
    """Anyone reads what they may see; only the owner changes a pilot."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or IsAuthenticated().has_permission(
            request, view
        )

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        return request.method in SAFE_METHODS or obj.owner_id == request.user.pk


@extend_schema_view(
    list=extend_schema(
        parameters=[FORMAT_PARAMETER], responses=list_responses(PilotSerializer)
    ),
    retrieve=extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses=geojson_responses(PilotSerializer, "detail"),
    ),
)
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
