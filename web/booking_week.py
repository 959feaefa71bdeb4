"""A resource's week for the portal: Monday to Sunday in the district's zone,
each day with its opening hours, busy stretches (times only, never who) and
the free slots one can click to request.

Days start at local midnight, so a week over a daylight-saving change is 167
or 169 hours long and every slot is labelled with its wall-clock time. Slots
last the resource's shortest booking (at least an hour), start on whole
hours and fit in a free stretch after the lead time.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from pilots.models import BookableResource, Booking
from pilots.selectors.bookings import Segment, availability, own_bookings_between
from pilots.services.booking_rules import district_zone

HOUR = timedelta(hours=1)
FARTHEST = timedelta(days=3 * 366)  # weeks beyond this are refused (no 500s)


@dataclass
class Stretch:
    start: datetime
    end: datetime
    label: str
    book_query: str = ""
    note: str = ""

    @property
    def is_slot(self) -> bool:
        return bool(self.book_query)


@dataclass
class Day:
    day: date
    opening: str
    busy: list[Stretch] = field(default_factory=list)
    slots: list[Stretch] = field(default_factory=list)
    mine: list[Stretch] = field(default_factory=list)

    @property
    def entries(self) -> list[Stretch]:
        """Busy stretches and free slots in the order of the day."""
        return sorted(self.busy + self.slots, key=lambda stretch: stretch.start)


@dataclass
class Week:
    monday: date
    start: datetime
    end: datetime
    days: list[Day]

    @property
    def previous(self) -> date:
        return self.monday - timedelta(days=7)

    @property
    def next(self) -> date:
        return self.monday + timedelta(days=7)


def monday_of(text: str | None, today: date) -> date | None:
    """The Monday of `?week=YYYY-MM-DD` (any day of it), this week without
    one; None when the value is no date or more than three years away."""
    if not text:
        day = today
    else:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
    if abs(day - today) > FARTHEST:
        return None
    return day - timedelta(days=day.weekday())


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=district_zone())


def clock(moment: datetime, *, zoned: bool = False) -> str:
    return moment.astimezone(district_zone()).strftime("%H:%M %Z" if zoned else "%H:%M")


def clocks_change(day: date) -> bool:
    """True on the two days a year an hour repeats or goes missing."""
    following = local_midnight(day + timedelta(days=1))
    return local_midnight(day).utcoffset() != following.utcoffset()


def span_label(start: datetime, end: datetime) -> str:
    """`10:00-11:00` (en dash) of a stretch in one day; midnight at its end is 24:00."""
    zone = district_zone()
    first, last = start.astimezone(zone), end.astimezone(zone)
    midnight = last.date() != first.date() and last.time() == time.min
    zoned = clocks_change(first.date())  # 02:00 CEST-02:00 CET in October
    until = "24:00" if midnight else clock(end, zoned=zoned)
    return f"{clock(start, zoned=zoned)}\u2013{until}"


def opening_label(resource: BookableResource, weekday: int) -> str:
    if not resource.opening_hours:
        return _("Open at all hours")
    hours = [
        f"{slot['opens']}\u2013{slot['closes']}"
        for slot in resource.opening_hours
        if slot["weekday"] == weekday
    ]
    return ", ".join(hours) or _("Closed")


def _by_day(days: list[Day], start: datetime, end: datetime) -> list[tuple[Day, Any]]:
    """The parts of [start, end) on each day of the week (split at midnight)."""
    parts = []
    for index, day in enumerate(days):
        day_start = local_midnight(day.day)
        day_end = local_midnight(day.day + timedelta(days=1))
        lower, upper = max(start, day_start), min(end, day_end)
        if lower < upper:
            parts.append((days[index], (lower, upper)))
    return parts


def _slots(
    free: list[Segment], resource: BookableResource, earliest: datetime
) -> list[tuple[datetime, datetime]]:
    length = timedelta(minutes=max(resource.min_minutes, 60))
    slots = []
    for segment in free:
        # whole hours in UTC are whole hours in Oslo (offsets of +1 and +2)
        cursor = segment.start.astimezone(UTC)
        if cursor.minute or cursor.second or cursor.microsecond:
            cursor = cursor.replace(minute=0, second=0, microsecond=0) + HOUR
        while cursor + length <= segment.end:
            if cursor >= earliest:
                slots.append((cursor, cursor + length))
            cursor += length
    return slots


def resource_week(
    *, resource: BookableResource, monday: date, now: datetime, user: Any
) -> Week:
    start = local_midnight(monday)
    end = local_midnight(monday + timedelta(days=7))
    days = [
        Day(
            day=monday + timedelta(days=offset), opening=opening_label(resource, offset)
        )
        for offset in range(7)
    ]
    spans = availability(resource, start, end)
    for segment in spans["busy"]:
        for day, (lower, upper) in _by_day(days, segment.start, segment.end):
            day.busy.append(Stretch(lower, upper, span_label(lower, upper)))
    earliest = now + timedelta(minutes=resource.lead_minutes)
    zone = district_zone()
    by_date = {day.day: day for day in days}
    for lower, upper in _slots(spans["free"], resource, earliest):
        query = urlencode(
            {
                "start": lower.astimezone(zone).isoformat(),
                "end": upper.astimezone(zone).isoformat(),
            }
        )
        label = span_label(lower, upper)
        by_date[lower.astimezone(zone).date()].slots.append(
            Stretch(lower, upper, label, query)
        )
    for booking in own_bookings_between(
        user=user, resource=resource, start=start, end=end
    ):
        note = str(Booking.State(booking.state).label)
        lower, upper = booking.period.lower, booking.period.upper
        for day, (part_start, part_end) in _by_day(days, lower, upper):
            day.mine.append(
                Stretch(
                    part_start, part_end, span_label(part_start, part_end), "", note
                )
            )
    return Week(monday=monday, start=start, end=end, days=days)
