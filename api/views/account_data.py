"""The signed-in person's GDPR rights: GET /api/v1/auth/me/data/ downloads
everything the registry holds about them as one JSON document (art. 15 and 20);
POST /api/v1/auth/me/delete/ deletes the account (art. 17)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.selectors.accounts import account_data
from pilots.services.account_deletion import account_delete
from pilots.timestamps import format_timestamps

from ..serializers.accounts import AccountDeleteSerializer
from ..throttling import AuthRateThrottle


class AccountDataView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=["auth"], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        """Account, memberships, pilots owned and edited, subscriptions,
        deliveries and notifications, history entries made, invitations, API
        tokens (never their secrets)."""
        response = Response(format_timestamps(account_data(user=request.user)))
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        response["Cache-Control"] = "no-store"
        return response


class AccountDeleteView(APIView):
    permission_classes = [IsAuthenticated]
    # It asks for the password: throttled like a sign-in.
    throttle_classes = [AuthRateThrottle]
    throttle_scope = "auth-login"

    @extend_schema(
        tags=["auth"], request=AccountDeleteSerializer, responses={204: None}
    )
    def post(self, request: Request) -> Response:
        """Delete the account, confirmed with the password. Its pilots stay,
        shown as by "Former member"; everything personal goes."""
        data = AccountDeleteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not request.user.check_password(data.validated_data["password"]):
            raise ValidationError({"password": [_("The password is not right.")]})
        account_delete(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
