"""Moderator take-downs over HTTP: POST .../{slug}/unpublish/ (with a reason)
and .../{slug}/republish/ on sites, organisations and opportunities.

Who may see the item decides 404 (the viewset's queryset); only moderators may
act (403); acting twice is a 409. The rules live in pilots.services.moderation.
"""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.models.accounts import public_name
from pilots.services.moderation import (
    ModerationConflict,
    item_republish,
    item_unpublish,
)

from ..errors import PROBLEM_CONTENT_TYPE, problem
from ..serializers.timestamps import TimestampField
from ..serializers.workflow import TransitionRequestSerializer
from .service_errors import call_service


class ModerationStateSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    public = serializers.SerializerMethodField()
    unpublished_at = TimestampField(allow_null=True)
    unpublished_by = serializers.SerializerMethodField()
    unpublished_reason = serializers.CharField(allow_blank=True)

    def get_public(self, item: Any) -> bool:
        return item.unpublished_at is None

    def get_unpublished_by(self, item: Any) -> str | None:
        return public_name(item.unpublished_by)


CONFLICT = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Already in that state (problem details; `unpublished` says which).",
)


class UnpublishActionsMixin:
    """For catalogue viewsets: moderator-only unpublish and republish actions."""

    MODERATION_ACTIONS = frozenset({"unpublish", "republish"})

    def get_permissions(self) -> Any:
        if getattr(self, "action", None) in self.MODERATION_ACTIONS:
            return [IsAuthenticated()]
        return super().get_permissions()  # type: ignore[misc]

    def _moderate(self, service: Any, **kwargs: Any) -> Response:
        item = self.get_object()  # type: ignore[attr-defined]
        try:
            item = call_service(
                service,
                item=item,
                actor=self.request.user,  # type: ignore[attr-defined]
                **kwargs,
            )
        except ModerationConflict as error:
            return Response(
                problem(409, error.message, unpublished=error.unpublished),
                status=status.HTTP_409_CONFLICT,
                content_type=PROBLEM_CONTENT_TYPE,
            )
        return Response(ModerationStateSerializer(item).data)

    @extend_schema(
        tags=["moderation"],
        request=TransitionRequestSerializer,
        responses={
            200: ModerationStateSerializer,
            (409, PROBLEM_CONTENT_TYPE): CONFLICT,
        },
    )
    @action(detail=True, methods=["post"])
    def unpublish(self, request: Request, slug: str | None = None) -> Response:
        """Moderators only: hide it from everyone but moderators and its
        organisation's admins; records who, when and why."""
        data = TransitionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._moderate(
            item_unpublish, reason=data.validated_data.get("reason", "")
        )

    @extend_schema(
        tags=["moderation"],
        request=None,
        responses={
            200: ModerationStateSerializer,
            (409, PROBLEM_CONTENT_TYPE): CONFLICT,
        },
    )
    @action(detail=True, methods=["post"])
    def republish(self, request: Request, slug: str | None = None) -> Response:
        """Moderators only: make an unpublished item public again."""
        return self._moderate(item_republish)
