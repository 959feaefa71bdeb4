from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.models import Subscription
from pilots.selectors.opportunities import delivery_list, subscription_list
from pilots.services.subscriptions import (
    subscription_create,
    subscription_delete,
    subscription_pause,
    subscription_resume,
    subscription_rotate_secret,
    subscription_update,
)

from ..pagination import KeysetCursorPagination
from ..serializers.subscriptions import (
    DeliverySerializer,
    SubscriptionSerializer,
    SubscriptionWithSecretSerializer,
)
from .paging import paginated
from .service_errors import call_service


class SubscriptionViewSet(viewsets.ModelViewSet):
    """A signed-in user's subscriptions: criteria, channel, frequency.

    A webhook subscription's secret is in the answer to its creation and to
    `rotate-secret` only. Criteria left empty match anything; the ones given
    must all hold (each list means "any of").
    """

    serializer_class = SubscriptionSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination

    def get_queryset(self) -> Any:
        return subscription_list(user=self.request.user).order_by("-created_at", "-id")

    @extend_schema(responses={201: SubscriptionWithSecretSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = call_service(
            subscription_create, actor=request.user, **serializer.validated_data
        )
        body = SubscriptionWithSecretSerializer(subscription).data
        return Response(body, status=201)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """A change; switching to the webhook channel shows the new secret once."""
        instance = self.get_object()
        had_secret = bool(instance.webhook_secret)
        serializer = self.get_serializer(
            instance, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        subscription = call_service(
            subscription_update,
            subscription=instance,
            actor=request.user,
            **serializer.validated_data,
        )
        if subscription.webhook_secret and not had_secret:
            return Response(SubscriptionWithSecretSerializer(subscription).data)
        return self._answer(subscription)

    def perform_destroy(self, instance: Subscription) -> None:
        subscription_delete(subscription=instance, actor=self.request.user)

    def _answer(self, subscription: Subscription) -> Response:
        fresh = self.get_queryset().get(pk=subscription.pk)
        return Response(SubscriptionSerializer(fresh).data)

    @extend_schema(request=None, responses=SubscriptionSerializer)
    @action(detail=True, methods=["post"])
    def pause(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(
            subscription_pause(subscription=self.get_object(), actor=request.user)
        )

    @extend_schema(request=None, responses=SubscriptionSerializer)
    @action(detail=True, methods=["post"])
    def resume(self, request: Request, pk: str | None = None) -> Response:
        """Active again (also after an unsubscribe or a disabled endpoint)."""
        return self._answer(
            subscription_resume(subscription=self.get_object(), actor=request.user)
        )

    @extend_schema(request=None, responses=SubscriptionWithSecretSerializer)
    @action(detail=True, methods=["post"], url_path="rotate-secret")
    def rotate_secret(self, request: Request, pk: str | None = None) -> Response:
        """A new webhook secret, shown in this answer only."""
        subscription = call_service(
            subscription_rotate_secret,
            subscription=self.get_object(),
            actor=request.user,
        )
        return Response(SubscriptionWithSecretSerializer(subscription).data)

    @extend_schema(request=None, responses=DeliverySerializer(many=True))
    @action(detail=True, methods=["get"])
    def deliveries(self, request: Request, pk: str | None = None) -> Response:
        """Deliveries, newest first, in keyset pages: pending, delivered, dead
        or skipped."""
        rows = delivery_list(subscription=self.get_object())
        return paginated(
            request, self, rows, lambda page: DeliverySerializer(page, many=True).data
        )
