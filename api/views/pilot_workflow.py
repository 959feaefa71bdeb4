"""The pilot workflow over HTTP: one POST route per transition, the transition
log, and collaborators (invited by email). The rules are in
pilots.services.workflow."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.models import PilotProject, PilotTransition
from pilots.models.accounts import public_name
from pilots.selectors.permissions import (
    can_see_pilot_history,
    is_pilot_editor,
    pilot_visibility_q,
)
from pilots.services.invitations import invitation_create
from pilots.services.memberships import pilot_collaborator_remove
from pilots.services.transitions import (
    ReasonRequired,
    TransitionForbidden,
    TransitionNotAllowed,
)
from pilots.services.workflow import pilot_transition

from ..content_language import message_response, translated
from ..errors import PROBLEM_CONTENT_TYPE, problem
from ..pagination import KeysetCursorPagination
from ..serializers.accounts import MessageSerializer
from ..serializers.invitations import InvitationRequestSerializer
from ..serializers.people import address_for
from ..serializers.workflow import (
    CollaboratorSerializer,
    PilotTransitionSerializer,
    TransitionRequestSerializer,
)
from .paging import paginated


def visible_pilot(request: Request, slug: str) -> PilotProject:
    """The pilot if this user may see it; otherwise 404 (never 403, so other
    people's drafts do not leak their existence)."""
    queryset = PilotProject.objects.filter(pilot_visibility_q(request.user))
    return get_object_or_404(queryset, slug=slug)


class PilotTransitionView(APIView):
    """POST /pilots/{slug}/<action>/ moves the pilot if the rules allow it."""

    permission_classes = [IsAuthenticated]
    action: str = ""

    @extend_schema(
        tags=["pilot workflow"],
        request=TransitionRequestSerializer,
        responses={200: PilotTransitionSerializer},
    )
    def post(self, request: Request, slug: str) -> Response:
        pilot = visible_pilot(request, slug)
        data = TransitionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            record = pilot_transition(
                pilot=pilot,
                actor=request.user,
                action=self.action,
                reason=data.validated_data.get("reason", ""),
            )
        except TransitionForbidden as error:
            raise PermissionDenied(error.message) from None
        except ReasonRequired as error:
            raise ValidationError({"reason": [error.message]}) from None
        except TransitionNotAllowed as error:
            return Response(
                problem(
                    409,
                    error.message,
                    status_now=error.status,
                    allowed=error.allowed,
                ),
                status=status.HTTP_409_CONFLICT,
                content_type=PROBLEM_CONTENT_TYPE,
            )
        return translated(Response(PilotTransitionSerializer(record).data))


class PilotTransitionListView(APIView):
    """The pilot's transitions, oldest first (owner, collaborators, moderators)."""

    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination

    @extend_schema(
        tags=["pilot workflow"], responses={200: PilotTransitionSerializer(many=True)}
    )
    def get(self, request: Request, slug: str) -> Response:
        pilot = visible_pilot(request, slug)
        if not can_see_pilot_history(request.user, pilot):
            raise PermissionDenied(
                _("Only the owner, collaborators and moderators see the history.")
            )
        records = (
            PilotTransition.objects.filter(pilot=pilot)
            .select_related("actor__profile")
            .order_by("created_at", "id")
        )
        return translated(  # action and status labels
            paginated(
                request,
                self,
                records,
                lambda page: PilotTransitionSerializer(page, many=True).data,
            )
        )


class PilotCollaboratorListView(APIView):
    """Collaborators edit the pilot like its owner; the owner adds and removes them."""

    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination  # in the order accounts were made

    @extend_schema(
        tags=["pilot workflow"], responses={200: CollaboratorSerializer(many=True)}
    )
    def get(self, request: Request, slug: str) -> Response:
        pilot = visible_pilot(request, slug)
        if not is_pilot_editor(request.user, pilot):
            raise PermissionDenied(_("Only the owner and collaborators see this."))
        users = pilot.collaborators.select_related("profile").order_by("id")

        def rows(page: Any) -> Any:
            return CollaboratorSerializer(
                [
                    {
                        "id": user.pk,
                        "display_name": public_name(user),
                        "email": address_for(request.user, user),
                    }
                    for user in page
                ],
                many=True,
            ).data

        return paginated(request, self, users, rows)

    @extend_schema(
        tags=["pilot workflow"],
        request=InvitationRequestSerializer,
        responses={202: MessageSerializer},
    )
    def post(self, request: Request, slug: str) -> Response:
        """Invite an address by email to edit the pilot: the same answer whether
        or not it has an account; accepted with POST /invitations/accept/."""
        pilot = visible_pilot(request, slug)
        _require_owner(request, pilot)
        data = InvitationRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invitation_create(
            email=data.validated_data["email"], pilot=pilot, actor=request.user
        )
        return message_response(
            _("An invitation is on its way to this address."),
            status=status.HTTP_202_ACCEPTED,
        )


class PilotCollaboratorDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=["pilot workflow"], responses={204: None})
    def delete(self, request: Request, slug: str, user_id: int) -> Response:
        pilot = visible_pilot(request, slug)
        _require_owner(request, pilot)
        user = pilot.collaborators.filter(pk=user_id).first()
        if user is None:
            raise NotFound(_("This user is not a collaborator."))
        pilot_collaborator_remove(pilot=pilot, user=user, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _require_owner(request: Request, pilot: Any) -> None:
    if pilot.owner_id != request.user.pk:
        raise PermissionDenied(_("Only the owner manages collaborators."))


TRANSITION_ACTIONS = [action.value for action in PilotTransition.Action]
