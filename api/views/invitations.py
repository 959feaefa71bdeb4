"""POST /api/v1/invitations/accept/: the invitee, signed in with the invited
address, joins the organisation or the pilot's editors (issue 13)."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.services.invitations import InvitationError, invitation_accept

from ..content_language import translated
from ..serializers.invitations import (
    InvitationAcceptedSerializer,
    InvitationAcceptSerializer,
)


class InvitationAcceptView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["auth"],
        request=InvitationAcceptSerializer,
        responses={200: InvitationAcceptedSerializer},
    )
    def post(self, request: Request) -> Response:
        data = InvitationAcceptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            invitation = invitation_accept(
                token=data.validated_data["token"], user=request.user
            )
        except InvitationError as error:
            raise ValidationError({"token": [error.message]}) from None
        organization, pilot = invitation.organization, invitation.pilot
        body = {
            "detail": _("Invitation accepted."),
            "organization": organization.slug if organization else None,
            "pilot": pilot.slug if pilot else None,
        }
        return translated(Response(InvitationAcceptedSerializer(body).data))
