"""Bookings: request on behalf of an organisation, then confirm, decline or
cancel (409 with the allowed actions, like the pilot workflow)."""

from typing import Any

from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pilots.calendar_feeds import feed_ical
from pilots.models import CalendarFeed, Organization, PilotProject
from pilots.selectors.bookings import bookings_visible_to, resources_public
from pilots.selectors.permissions import pilot_visibility_q
from pilots.services.bookings import booking_request, booking_transition
from pilots.services.resources import calendar_feed_rotate

from ..pagination import KeysetCursorPagination
from ..serializers.bookings import (
    BookingRequestSerializer,
    BookingSerializer,
    BookingTransitionSerializer,
    CalendarFeedSerializer,
)
from ..serializers.workflow import TransitionRequestSerializer
from .booking_errors import booking_errors
from .resources import feed_url


@extend_schema(tags=["bookings"])
class BookingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Your bookings, and those of the resources your organisation hosts."""

    serializer_class = BookingSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = KeysetCursorPagination
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return (
            bookings_visible_to(self.request.user)
            .annotate(starts_at=F("period__startswith"))
            .order_by("starts_at", "id")
        )

    @extend_schema(
        request=BookingRequestSerializer,
        responses={
            201: BookingSerializer,
            409: OpenApiResponse(description="The period is taken"),
        },
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = BookingRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        # Unknown references in the body are 400s naming the field.
        resource = resources_public().filter(pk=values["resource"]).first()
        organization = (
            Organization.objects.public().filter(slug=values["organization"]).first()
        )
        pilot = None
        if values.get("pilot"):
            pilot = (
                PilotProject.objects.filter(pilot_visibility_q(request.user))
                .filter(slug=values["pilot"])
                .first()
            )
        missing = {
            name: [_("No such %(name)s.") % {"name": name}]
            for name, found, given in (
                ("resource", resource, True),
                ("organization", organization, True),
                ("pilot", pilot, bool(values.get("pilot"))),
            )
            if given and found is None
        }
        if missing or resource is None or organization is None:
            raise ValidationError(missing)
        with booking_errors():
            booking = booking_request(
                resource=resource,
                organization=organization,
                actor=request.user,
                start=values["start"],
                end=values["end"],
                purpose=values["purpose"],
                pilot=pilot,
            )
        return Response(BookingSerializer(booking).data, status=status.HTTP_201_CREATED)

    def _transition(self, request: Request, name: str) -> Response:
        booking = self.get_object()
        body = TransitionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        with booking_errors():
            booking_transition(
                booking=booking,
                actor=request.user,
                action=name,
                reason=body.validated_data.get("reason", ""),
            )
        booking.refresh_from_db()
        return Response(BookingSerializer(booking).data)

    @extend_schema(
        request=TransitionRequestSerializer, responses={200: BookingSerializer}
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str) -> Response:
        """The host's admins confirm a requested booking (409 if taken)."""
        return self._transition(request, "confirm")

    @extend_schema(
        request=TransitionRequestSerializer, responses={200: BookingSerializer}
    )
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk: str) -> Response:
        """The host's admins decline a request, with a reason."""
        return self._transition(request, "decline")

    @extend_schema(
        request=TransitionRequestSerializer, responses={200: BookingSerializer}
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str) -> Response:
        """The booker (or a host admin, with a reason) cancels."""
        return self._transition(request, "cancel")

    @extend_schema(responses={200: BookingTransitionSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def history(self, request: Request, pk: str) -> Response:
        """Each step of the booking, oldest first."""
        booking = self.get_object()
        steps = booking.transitions.order_by("created_at", "id")
        return Response(BookingTransitionSerializer(steps, many=True).data)


class MyCalendarFeedView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["bookings"], request=None, responses={200: CalendarFeedSerializer}
    )
    def post(self, request: Request) -> Response:
        """A new secret iCalendar URL of your own bookings; the previous one
        stops working."""
        feed = calendar_feed_rotate(actor=request.user)
        return Response({"url": feed_url(request, feed.token)})


class CalendarFeedView(APIView):
    """The iCalendar feed behind a secret URL (Outlook, Google Calendar)."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        tags=["bookings"],
        responses={(200, "text/calendar"): OpenApiResponse(description="RFC 5545")},
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        feed = get_object_or_404(CalendarFeed, token=token)
        response = HttpResponse(
            feed_ical(feed), content_type="text/calendar; charset=utf-8"
        )
        response["Cache-Control"] = "private, max-age=300"
        return response
