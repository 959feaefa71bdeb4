"""POST /organizations/{slug}/verify/ and /unverify/: moderators only (issue 13).
Admins of a verified organisation publish opportunities without review."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.services.organization_verification import (
    organization_unverify,
    organization_verify,
)

from ..serializers.organizations import OrganizationSerializer
from .service_errors import call_service


class VerificationActionsMixin:
    VERIFICATION_ACTIONS = frozenset({"verify", "unverify"})

    def get_permissions(self) -> Any:
        if getattr(self, "action", None) in self.VERIFICATION_ACTIONS:
            return [IsAuthenticated()]
        return super().get_permissions()  # type: ignore[misc]

    def _verification(self, service: Any) -> Response:
        view: Any = self
        organization = call_service(
            service, organization=view.get_object(), actor=view.request.user
        )
        fresh = view.get_queryset().get(pk=organization.pk)
        return Response(OrganizationSerializer(fresh).data)

    @extend_schema(tags=["moderation"], request=None, responses=OrganizationSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, slug: str | None = None) -> Response:
        """Moderators only: its admins then publish opportunities without review."""
        return self._verification(organization_verify)

    @extend_schema(tags=["moderation"], request=None, responses=OrganizationSerializer)
    @action(detail=True, methods=["post"])
    def unverify(self, request: Request, slug: str | None = None) -> Response:
        """Moderators only: its opportunities go through review again."""
        return self._verification(organization_unverify)
