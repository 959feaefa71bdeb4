from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.models import Opportunity
from pilots.selectors.opportunities import opportunity_list
from pilots.services.opportunities import (
    opportunity_close,
    opportunity_create,
    opportunity_delete,
    opportunity_publish,
    opportunity_update,
)

from ..concurrency import ETagMixin
from ..features_opportunities import OPPORTUNITY_FEATURE
from ..filters.opportunities import OpportunityFilterSet
from ..serializers.opportunities import OpportunitySerializer
from .catalogue import CatalogueViewSet, catalogue_schema
from .moderation import UnpublishActionsMixin
from .opportunity_review import (
    PUBLISHING_RESPONSES,
    REVIEW_RESPONSES,
    OpportunityReviewActionsMixin,
    refusals_as_403,
    review_answer,
)
from .service_errors import domain_errors_as_400


class ReadOrSignedIn(BasePermission):
    """Anyone reads; writes need an account (the services check the role)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or IsAuthenticated().has_permission(
            request, view
        )


@catalogue_schema(OpportunitySerializer)
class OpportunityViewSet(
    OpportunityReviewActionsMixin, UnpublishActionsMixin, ETagMixin, CatalogueViewSet
):
    """Calls for pilots, testbed access and partnerships the district publishes.

    Published and closed ones are public; drafts are seen and changed by the
    publisher's organisation admins and by moderators. Admins of a verified
    organisation publish directly; others submit for a moderator's review.
    Publishing notifies each matching person once per channel.
    """

    serializer_class = OpportunitySerializer
    filterset_class = OpportunityFilterSet
    permission_classes = [ReadOrSignedIn]
    feature_spec = OPPORTUNITY_FEATURE
    create_service = opportunity_create
    update_service = opportunity_update
    delete_service = opportunity_delete
    entity_name = "opportunity"

    def get_queryset(self) -> Any:
        return opportunity_list(user=self.request.user)

    def perform_create(self, serializer: Any) -> None:
        with domain_errors_as_400(), refusals_as_403():
            super().perform_create(serializer)

    def perform_update(self, serializer: Any) -> None:
        with domain_errors_as_400(), refusals_as_403():
            super().perform_update(serializer)

    def _transition(self, service: Any) -> Response:
        opportunity: Opportunity = self.get_object()
        refused = review_answer(
            lambda: service(opportunity=opportunity, actor=self.request.user)
        )
        if refused is not None:
            return refused
        fresh = self.get_queryset().get(pk=opportunity.pk)
        return Response(self.get_serializer(fresh).data)

    @extend_schema(request=None, responses=PUBLISHING_RESPONSES)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, slug: str | None = None) -> Response:
        """Draft -> published, for admins of a verified organisation and for
        moderators; matching subscribers are notified."""
        return self._transition(opportunity_publish)

    @extend_schema(request=None, responses=REVIEW_RESPONSES)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, slug: str | None = None) -> Response:
        """Published -> closed (beat also closes them at their deadline)."""
        return self._transition(opportunity_close)
