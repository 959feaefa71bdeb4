"""Reads of resources and bookings: who sees what, and availability."""

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.db.backends.postgresql.psycopg_any import DateTimeTZRange
from django.db.models import Q, QuerySet

from .models import BookableResource, Booking
from .permissions_selectors import organization_admin_ids
from .services.booking_rules import closure_intervals, opening_intervals


def resources_public() -> QuerySet[BookableResource]:
    """Resources of sites a moderator has not unpublished."""
    return BookableResource.objects.filter(
        site__unpublished_at__isnull=True
    ).select_related("site", "site__host")


def bookings_visible_to(user: Any) -> QuerySet[Booking]:
    """A person sees their own bookings, and a host's admins those of the
    resources they host; nobody else sees who booked or why."""
    if not getattr(user, "is_authenticated", False):
        return Booking.objects.none()
    hosted = organization_admin_ids(user)
    return Booking.objects.filter(
        Q(booker=user) | Q(resource__site__host_id__in=hosted)
    ).select_related("resource", "resource__site", "organization", "pilot")


@dataclass(frozen=True)
class Segment:
    start: datetime
    end: datetime
    booked: int


def availability(
    resource: BookableResource, start: datetime, end: datetime
) -> dict[str, list[Segment]]:
    """Free and busy stretches of [start, end): open hours, less closures,
    split where the number of confirmed bookings changes. One indexed query
    reads the bookings (GiST on resource, period)."""
    periods = list(
        Booking.objects.filter(
            resource=resource,
            state=Booking.State.CONFIRMED,
            period__overlap=DateTimeTZRange(start, end),
        ).values_list("period", flat=True)
    )
    closed = list(closure_intervals(list(resource.closures.all()), start, end))
    open_stretches = [
        (max(a, start), min(b, end))
        for a, b in opening_intervals(resource, start, end)
        if a < end and b > start
    ]
    cuts = {start, end}
    for a, b in open_stretches + closed:
        cuts.update({a, b})
    for period in periods:
        cuts.update({period.lower, period.upper})
    moments = sorted(moment for moment in cuts if start <= moment <= end)
    free: list[Segment] = []
    busy: list[Segment] = []
    for a, b in pairwise(moments):
        if not any(x <= a and b <= y for x, y in open_stretches):
            continue
        if any(x < b and a < y for x, y in closed):
            continue
        booked = sum(1 for p in periods if p.lower < b and a < p.upper)
        target = busy if booked >= resource.capacity else free
        if target and target[-1].end == a and target[-1].booked == booked:
            target[-1] = Segment(target[-1].start, b, booked)
        else:
            target.append(Segment(a, b, booked))
    return {"free": free, "busy": busy}
