"""Booking in the portal (issue 18): the public list of bookable resources, a
resource's week with free slots to click, the request form, "My bookings"
with cancel, and the requests a host's admins decide. Every write goes
through pilots.services.bookings, so the rules, the 400s and the 409s are the
API's; a booking the person may not see is a 404, as on the API."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from pilots.models import BookableResource
from pilots.selectors.bookings import (
    booking_requests_to_decide,
    bookings_of,
    bookings_visible_to,
    resources_public,
)
from pilots.services.booking_rules import district_zone
from pilots.services.bookings import (
    allowed_booking_actions,
    booking_request,
    booking_transition,
)

from ..booking_form import BOOKING_ERRORS, BookingRequestForm, booking_error
from ..booking_week import monday_of, resource_week
from ..language import with_language
from .pages import not_found, page
from .signed_in import signed_in

DECISIONS = ("confirm", "decline")
RESOURCES_PER_PAGE = 50


@require_safe
@with_language
def resources_view(request: HttpRequest) -> HttpResponse:
    resources = resources_public().order_by("site__name", "name", "id")
    listed = Paginator(resources, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return page(request, "portal/resources.html", {"resources": listed})


def _public_resource(pk: int) -> BookableResource | None:
    return resources_public().filter(pk=pk).first()


@require_safe
@with_language
def resource_week_view(request: HttpRequest, pk: int) -> HttpResponse:
    resource = _public_resource(pk)
    if resource is None:
        return not_found(request)
    today = timezone.now().astimezone(district_zone()).date()
    monday = monday_of(request.GET.get("week"), today)
    if monday is None:
        context = {
            "resource": resource,
            "error": _("Give the week as YYYY-MM-DD, at most three years away."),
        }
        return page(request, "portal/resource_week.html", context, status=400)
    week = resource_week(
        resource=resource, monday=monday, now=timezone.now(), user=request.user
    )
    context = {"resource": resource, "week": week, "done": request.GET.get("done")}
    return page(request, "portal/resource_week.html", context)


@require_http_methods(["GET", "POST"])
@with_language
@signed_in
def booking_new_view(request: HttpRequest, pk: int) -> HttpResponse:
    resource = _public_resource(pk)
    if resource is None:
        return not_found(request)
    data = request.POST if request.method == "POST" else None
    initial = {key: request.GET.get(key, "") for key in ("start", "end")}
    form = BookingRequestForm(data, initial=initial, user=request.user)
    context: dict[str, Any] = {"resource": resource, "form": form, "error": ""}
    if request.method == "GET":
        return page(request, "portal/booking_form.html", context)
    if not form.is_valid():
        return page(request, "portal/booking_form.html", context, status=400)
    try:
        booking = booking_request(
            resource=resource, actor=request.user, **form.service_fields()
        )
    except BOOKING_ERRORS as error:
        status, context["error"] = booking_error(error)
        return page(request, "portal/booking_form.html", context, status=status)
    return HttpResponseRedirect(f"{reverse('web:my-bookings')}?done={booking.pk}")


def _my_bookings(
    request: HttpRequest, errors: dict[int, str] | None = None, status: int = 200
) -> HttpResponse:
    bookings = [
        (booking, "cancel" in allowed_booking_actions(booking.state))
        for booking in bookings_of(user=request.user)
    ]
    context = {
        "bookings": bookings,
        "requests": booking_requests_to_decide(user=request.user),
        "errors": errors or {},
        "done": request.GET.get("done", ""),
    }
    return page(request, "portal/my_bookings.html", context, status=status)


@require_safe
@with_language
@signed_in
def my_bookings_view(request: HttpRequest) -> HttpResponse:
    return _my_bookings(request)


def _step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    booking = bookings_visible_to(request.user).filter(pk=pk).first()
    if booking is None:
        return not_found(request)
    try:
        booking_transition(
            booking=booking,
            actor=request.user,
            action=action,
            reason=request.POST.get("reason", ""),
        )
    except BOOKING_ERRORS as error:
        status, message = booking_error(error)
        return _my_bookings(request, {booking.pk: message}, status)
    return HttpResponseRedirect(f"{reverse('web:my-bookings')}?done={booking.pk}")


@require_POST
@with_language
@signed_in
def booking_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "cancel")


@require_POST
@with_language
@signed_in
def booking_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action", "")
    if action not in DECISIONS:
        message = _("Choose confirm or decline.")
        return _my_bookings(request, {pk: message}, 400)
    return _step(request, pk, action)
