"""iCalendar (RFC 5545) feeds of bookings, with the district's VTIMEZONE."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Booking, CalendarFeed
from .services.booking_rules import district_zone

SHOWN_STATES = (Booking.State.REQUESTED, Booking.State.CONFIRMED)


def feed_bookings(feed: CalendarFeed) -> QuerySet[Booking]:
    since = timezone.now() - timedelta(days=90)
    bookings = Booking.objects.filter(
        state__in=SHOWN_STATES, period__endswith__gte=since
    ).select_related("resource__site", "organization")
    if feed.resource_id:
        return bookings.filter(resource_id=feed.resource_id)
    return bookings.filter(booker_id=feed.user_id)


def _event(booking: Booking, *, for_host: bool) -> Any:
    zone = district_zone()
    event = Event()
    event.add("uid", f"booking-{booking.pk}@{settings.PUBLIC_BASE_URL.split('//')[-1]}")
    event.add("dtstamp", booking.updated_at)
    event.add("dtstart", booking.period.lower.astimezone(zone))
    event.add("dtend", booking.period.upper.astimezone(zone))
    place = f"{booking.resource.name}, {booking.resource.site.name}"
    summary = f"{booking.organization.name}: {booking.purpose}" if for_host else place
    event.add("summary", summary)
    event.add("location", place)
    event.add(
        "status",
        "CONFIRMED" if booking.state == Booking.State.CONFIRMED else "TENTATIVE",
    )
    return event


def feed_ical(feed: CalendarFeed) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Trondheim Tech Port//registry//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for booking in feed_bookings(feed):
        calendar.add_component(_event(booking, for_host=bool(feed.resource_id)))
    calendar.add_missing_timezones()
    return calendar.to_ical()
