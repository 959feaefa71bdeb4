"""The opportunity review over HTTP (issue 13): submit, approve,
request-changes, reject and the review history, beside publish and close on
the opportunity viewset. The rules are in pilots.services.opportunity_review;
the answers mirror the pilot workflow's (403, 409 with the allowed actions,
400 for a missing reason) plus 429 when the daily notification cap is reached.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.models import OpportunityTransition
from pilots.notifications.cap import NotificationCapExceeded
from pilots.selectors.permissions import is_moderator
from pilots.services.opportunities import may_manage
from pilots.services.opportunity_review import opportunity_transition
from pilots.services.transitions import (
    ReasonRequired,
    TransitionForbidden,
    TransitionNotAllowed,
)

from ..content_language import translated
from ..errors import PROBLEM_CONTENT_TYPE, problem
from ..pagination import KeysetCursorPagination
from ..serializers.opportunities import OpportunitySerializer
from ..serializers.opportunity_review import OpportunityTransitionSerializer
from ..serializers.workflow import TransitionRequestSerializer
from .paging import paginated
from .service_errors import domain_errors_as_400

CONFLICT = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Not allowed from the current status (problem details with "
    "`status_now` and `allowed`, the actions allowed from here).",
)
CAP_REACHED = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description=(
        "Publishing would notify more people than the organisation's cap of "
        "NOTIFICATIONS_PER_ORGANISATION_PER_DAY (default "
        f"{settings.NOTIFICATIONS_PER_ORGANISATION_PER_DAY}) in any 24 hours: "
        "the people each publish matches count. Problem details with `limit`, "
        "`used` and `requested`; `Retry-After` gives the seconds until enough "
        "of the window has passed. Nothing changes."
    ),
)
REVIEW_RESPONSES: dict[Any, Any] = {
    200: OpportunitySerializer,
    (409, PROBLEM_CONTENT_TYPE): CONFLICT,
}
PUBLISHING_RESPONSES: dict[Any, Any] = {
    **REVIEW_RESPONSES,
    (429, PROBLEM_CONTENT_TYPE): CAP_REACHED,
}


@contextmanager
def refusals_as_403() -> Iterator[None]:
    """A service's PermissionDenied, with its message, as a 403 problem."""
    try:
        yield
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error) or None) from None


def review_answer(call: Callable[[], Any]) -> Response | None:
    """Run a transition; a problem Response for a 409 or 429, None on success."""
    try:
        with domain_errors_as_400(), refusals_as_403():
            call()
    except TransitionForbidden as error:
        raise PermissionDenied(error.message) from None
    except ReasonRequired as error:
        raise ValidationError({"reason": [error.message]}) from None
    except TransitionNotAllowed as error:
        return Response(
            problem(409, error.message, status_now=error.status, allowed=error.allowed),
            status=status.HTTP_409_CONFLICT,
            content_type=PROBLEM_CONTENT_TYPE,
        )
    except NotificationCapExceeded as error:
        return Response(
            problem(
                429,
                error.message,
                limit=error.limit,
                used=error.used,
                requested=error.requested,
            ),
            status=status.HTTP_429_TOO_MANY_REQUESTS,
            content_type=PROBLEM_CONTENT_TYPE,
            headers={"Retry-After": str(error.retry_after)},
        )
    return None


class OpportunityReviewActionsMixin:
    """For the opportunity viewset: the review actions and their history."""

    def _review(self, action_name: str, reason: str = "") -> Response:
        view: Any = self
        opportunity = view.get_object()
        refused = review_answer(
            lambda: opportunity_transition(
                opportunity=opportunity,
                actor=view.request.user,
                action=action_name,
                reason=reason,
            )
        )
        if refused is not None:
            return refused
        fresh = view.get_queryset().get(pk=opportunity.pk)
        return Response(view.get_serializer(fresh).data)

    def _review_with_reason(self, request: Request, action_name: str) -> Response:
        data = TransitionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._review(action_name, data.validated_data.get("reason", ""))

    @extend_schema(
        tags=["opportunity review"], request=None, responses=REVIEW_RESPONSES
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, slug: str | None = None) -> Response:
        """Publisher's admins: draft or changes requested -> submitted for review."""
        return self._review(OpportunityTransition.Action.SUBMIT)

    @extend_schema(
        tags=["opportunity review"],
        request=TransitionRequestSerializer,
        responses=PUBLISHING_RESPONSES,
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, slug: str | None = None) -> Response:
        """Moderators: submitted -> published; matching subscribers are notified."""
        return self._review_with_reason(request, OpportunityTransition.Action.APPROVE)

    @extend_schema(
        tags=["opportunity review"],
        request=TransitionRequestSerializer,
        responses=REVIEW_RESPONSES,
    )
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request: Request, slug: str | None = None) -> Response:
        """Moderators: submitted -> changes requested (a reason is required)."""
        return self._review_with_reason(
            request, OpportunityTransition.Action.REQUEST_CHANGES
        )

    @extend_schema(
        tags=["opportunity review"],
        request=TransitionRequestSerializer,
        responses=REVIEW_RESPONSES,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, slug: str | None = None) -> Response:
        """Moderators: submitted -> rejected (a reason is required)."""
        return self._review_with_reason(request, OpportunityTransition.Action.REJECT)

    @extend_schema(
        tags=["opportunity review"],
        responses={200: OpportunityTransitionSerializer(many=True)},
    )
    @action(
        detail=True,
        methods=["get"],
        pagination_class=KeysetCursorPagination,
        filterset_class=None,
    )
    def transitions(self, request: Request, slug: str | None = None) -> Response:
        """The review history, oldest first (publisher's admins and moderators)."""
        view: Any = self
        opportunity = view.get_object()
        if not (
            is_moderator(request.user)
            or may_manage(request.user, opportunity.publisher_id)
        ):
            raise PermissionDenied(
                _("Only the publisher's admins and moderators see the review history.")
            )
        records = OpportunityTransition.objects.filter(
            opportunity=opportunity
        ).order_by("created_at", "id")
        return translated(  # action and status labels
            paginated(
                request,
                view,
                records,
                lambda page: OpportunityTransitionSerializer(page, many=True).data,
            )
        )
