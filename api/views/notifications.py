from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.selectors.opportunities import notification_list, notification_unread_count
from pilots.services.subscriptions import notifications_mark_read

from ..pagination import KeysetCursorPagination
from ..serializers.notifications import MarkReadSerializer, NotificationSerializer

COUNT = inline_serializer("NotificationCount", {"unread": serializers.IntegerField()})
MARKED = inline_serializer(
    "NotificationsMarked", {"marked": serializers.IntegerField()}
)


class NotificationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The signed-in user's inbox: every match and reminder, newest first."""

    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination
    extra_query_parameters = ("unread",)

    def get_queryset(self) -> Any:
        queryset = notification_list(user=self.request.user)
        if self.request.query_params.get("unread") in ("true", "1"):
            queryset = queryset.filter(read_at__isnull=True)
        return queryset

    @extend_schema(responses=COUNT)
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request: Request) -> Response:
        return Response({"unread": notification_unread_count(user=request.user)})

    @extend_schema(request=None, responses=MARKED)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str | None = None) -> Response:
        notification = self.get_object()
        marked = notifications_mark_read(actor=request.user, ids=[notification.pk])
        return Response({"marked": marked})

    @extend_schema(request=MarkReadSerializer, responses=MARKED)
    @action(detail=False, methods=["post"], url_path="mark-read")
    def mark_read(self, request: Request) -> Response:
        serializer = MarkReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data.get("ids")
        return Response(
            {"marked": notifications_mark_read(actor=request.user, ids=ids)}
        )
