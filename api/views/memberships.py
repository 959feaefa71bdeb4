"""Organisation members: admins invite people by email, change roles, remove them.
Members and moderators may read the list; others get 403. Addresses are shown
only to the person themself and to staff (issue 13)."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.models import Organization, OrganizationMembership
from pilots.models.accounts import public_name
from pilots.selectors.permissions import (
    can_manage_organization,
    is_moderator,
    organization_member_ids,
)
from pilots.services.invitations import invitation_create
from pilots.services.memberships import (
    LastAdminError,
    organization_membership_delete,
    organization_membership_set,
)

from ..content_language import message_response
from ..errors import PROBLEM_CONTENT_TYPE, problem
from ..pagination import KeysetCursorPagination
from ..serializers.accounts import MessageSerializer
from ..serializers.invitations import OrganizationInvitationSerializer
from ..serializers.people import address_for
from ..serializers.workflow import MembershipRoleSerializer, MembershipSerializer
from .paging import paginated


def _organization(slug: str) -> Organization:
    return get_object_or_404(Organization, slug=slug)


def _require_admin(request: Request, organization: Organization) -> None:
    if not can_manage_organization(request.user, organization.pk):
        raise PermissionDenied(_("Only admins of this organisation manage members."))


def _conflict(error: Exception) -> Response:
    return Response(
        problem(409, str(error)),
        status=status.HTTP_409_CONFLICT,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def _row(membership: OrganizationMembership, viewer: Any) -> dict:
    return {
        "user_id": membership.user_id,
        "display_name": public_name(membership.user),
        "email": address_for(viewer, membership.user),
        "role": membership.role,
        "created_at": membership.created_at,
    }


class OrganizationMemberListView(APIView):
    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination  # in the order people joined

    @extend_schema(
        tags=["organisations"], responses={200: MembershipSerializer(many=True)}
    )
    def get(self, request: Request, slug: str) -> Response:
        organization = _organization(slug)
        if not (
            is_moderator(request.user)
            or organization.pk in organization_member_ids(request.user)
        ):
            raise PermissionDenied(_("Only members of this organisation see this."))
        memberships = (
            OrganizationMembership.objects.filter(organization=organization)
            .select_related("user__profile")
            .order_by("id")
        )
        return paginated(
            request,
            self,
            memberships,
            lambda page: (
                MembershipSerializer(
                    [_row(membership, request.user) for membership in page], many=True
                ).data
            ),
        )

    @extend_schema(
        tags=["organisations"],
        request=OrganizationInvitationSerializer,
        responses={202: MessageSerializer},
    )
    def post(self, request: Request, slug: str) -> Response:
        """Invite an address by email: the same answer whether or not it has an
        account; the invitee accepts with POST /invitations/accept/."""
        organization = _organization(slug)
        _require_admin(request, organization)
        data = OrganizationInvitationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invitation_create(
            email=data.validated_data["email"],
            role=data.validated_data["role"],
            organization=organization,
            actor=request.user,
        )
        return message_response(
            _("An invitation is on its way to this address."),
            status=status.HTTP_202_ACCEPTED,
        )


class OrganizationMemberDetailView(APIView):
    permission_classes = [IsAuthenticated]

    def _membership(
        self, request: Request, slug: str, user_id: int
    ) -> OrganizationMembership:
        organization = _organization(slug)
        _require_admin(request, organization)
        membership = (
            OrganizationMembership.objects.filter(
                organization=organization, user_id=user_id
            )
            .select_related("user__profile", "organization")
            .first()
        )
        if membership is None:
            raise NotFound(_("This user is not a member."))
        return membership

    @extend_schema(
        tags=["organisations"],
        request=MembershipRoleSerializer,
        responses={200: MembershipSerializer},
    )
    def patch(self, request: Request, slug: str, user_id: int) -> Response:
        membership = self._membership(request, slug, user_id)
        data = MembershipRoleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            membership = organization_membership_set(
                organization=membership.organization,
                user=membership.user,
                role=data.validated_data["role"],
                actor=request.user,
            )
        except LastAdminError as error:
            return _conflict(error)
        return Response(MembershipSerializer(_row(membership, request.user)).data)

    @extend_schema(tags=["organisations"], responses={204: None})
    def delete(self, request: Request, slug: str, user_id: int) -> Response:
        membership = self._membership(request, slug, user_id)
        try:
            organization_membership_delete(membership=membership, actor=request.user)
        except LastAdminError as error:
            return _conflict(error)
        return Response(status=status.HTTP_204_NO_CONTENT)
