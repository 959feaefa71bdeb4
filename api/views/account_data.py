"""GET /api/v1/auth/me/data/: everything the registry holds about the
signed-in person, as one JSON document (GDPR art. 15 and 20)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.account_selectors import account_data


class AccountDataView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=["auth"], responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        """Account, memberships, pilots owned and edited, subscriptions,
        deliveries and notifications, history entries made, invitations, API
        tokens (never their secrets)."""
        response = Response(account_data(user=request.user))
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        response["Cache-Control"] = "no-store"
        return response
