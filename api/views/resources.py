"""Bookable resources: anyone reads them and their availability; the admins of
the site's host organisation manage them, their closures and their feed."""

from typing import Any

from django.conf import settings
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from pilots.models import BookableResource, ResourceClosure
from pilots.selectors.bookings import (
    availability,
    bookings_visible_to,
    resources_public,
)
from pilots.services.resources import (
    calendar_feed_rotate,
    closure_add,
    closure_delete,
    resource_create,
    resource_delete,
    resource_update,
)

from ..pagination import KeysetCursorPagination
from ..serializers.bookings import (
    AvailabilityQuerySerializer,
    AvailabilitySerializer,
    BookingSerializer,
    CalendarFeedSerializer,
    ClosureSerializer,
    ResourceSerializer,
)
from .booking_errors import booking_errors


class ReadOrSignedIn(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or bool(request.user.is_authenticated)


def feed_url(request: Request, token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/api/v1/calendars/{token}.ics"


@extend_schema(tags=["bookable resources"])
class ResourceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Labs, instruments and test arena lanes that can be booked."""

    serializer_class = ResourceSerializer
    permission_classes = [ReadOrSignedIn]
    pagination_class = KeysetCursorPagination
    filterset_fields = ["site__slug"]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self) -> Any:
        return resources_public()

    def perform_create(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        site = data.pop("site")
        with booking_errors():
            serializer.instance = resource_create(
                site=site, actor=self.request.user, **data
            )

    def perform_update(self, serializer: Any) -> None:
        data = dict(serializer.validated_data)
        data.pop("site", None)  # a resource stays on its site
        with booking_errors():
            serializer.instance = resource_update(
                resource=serializer.instance, actor=self.request.user, **data
            )

    def perform_destroy(self, instance: BookableResource) -> None:
        with booking_errors():
            resource_delete(resource=instance, actor=self.request.user)

    @extend_schema(
        parameters=[
            OpenApiParameter("from", str, required=True, description="RFC 3339"),
            OpenApiParameter("to", str, required=True, description="RFC 3339"),
        ],
        responses={200: AvailabilitySerializer},
    )
    @action(detail=True, methods=["get"])
    def availability(self, request: Request, pk: str) -> Response:
        """Free and busy stretches (at most 62 days); busy ones say how many
        bookings hold them, never whose. Your own bookings are listed in `mine`."""
        resource = self.get_object()
        query = AvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = query.validated_data["from"], query.validated_data["to"]
        segments = availability(resource, start, end)
        mine = bookings_visible_to(request.user).filter(
            resource=resource,
            booker_id=request.user.pk,
            period__overlap=(start, end),
        )
        body = {
            "resource": resource.pk,
            "capacity": resource.capacity,
            "free": [vars(s) for s in segments["free"]],
            "busy": [vars(s) for s in segments["busy"]],
            "mine": BookingSerializer(mine, many=True).data,
        }
        return Response(AvailabilitySerializer(body).data)

    @extend_schema(request=ClosureSerializer, responses={200: ClosureSerializer})
    @action(detail=True, methods=["get", "post"])
    def closures(self, request: Request, pk: str) -> Response:
        """Holidays and maintenance, once or repeating (RFC 5545 RRULE)."""
        resource = self.get_object()
        if request.method == "GET":
            rows = resource.closures.all()
            return Response(ClosureSerializer(rows, many=True).data)
        data = ClosureSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with booking_errors():
            closure = closure_add(
                resource=resource, actor=request.user, **data.validated_data
            )
        return Response(ClosureSerializer(closure).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"closures/(?P<closure_id>\d+)")
    def closure(self, request: Request, pk: str, closure_id: str) -> Response:
        resource = self.get_object()
        row = get_object_or_404(ResourceClosure, resource=resource, pk=closure_id)
        with booking_errors():
            closure_delete(closure=row, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={200: CalendarFeedSerializer})
    @action(detail=True, methods=["post"], url_path="calendar-feed")
    def calendar_feed(self, request: Request, pk: str) -> Response:
        """A new secret iCalendar URL of this resource's bookings, for its
        hosts; the previous URL stops working."""
        resource = self.get_object()
        with booking_errors():
            feed = calendar_feed_rotate(actor=request.user, resource=resource)
        return Response({"url": feed_url(request, feed.token)})
