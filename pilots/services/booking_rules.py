"""The rules a booking must keep: length, lead time, opening hours, closures.

Times are compared as instants; opening hours and repeating closures are read
as wall-clock times in the district's zone (settings.TIME_ZONE), so a booking
from 01:00 to 04:00 on the night clocks go back lasts four hours, and a weekly
08:00 maintenance stays at 08:00 across daylight-saving changes.
"""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.utils.translation import gettext as _

from ..models import BookableResource, ResourceClosure

Interval = tuple[datetime, datetime]
UTC = ZoneInfo("UTC")
HORIZON = timedelta(days=3 * 366)  # how far ahead a booking may lie


class BookingRuleBroken(Exception):
    """A booking breaks one of the resource's rules; `rule` names it."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def district_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def parse_rrule(text: str, start: datetime) -> None:
    """Raise ValueError when `text` is not an RRULE dateutil can expand."""
    local = start.astimezone(district_zone()).replace(tzinfo=None)
    rrulestr(text, dtstart=local)


def _wall_clock(day: date, clock: time) -> datetime:
    """`clock` on `day` in the district's zone, as a UTC instant (Python
    compares and subtracts datetimes of one zone by wall clock, so every
    instant here is UTC)."""
    return datetime.combine(day, clock, tzinfo=district_zone()).astimezone(UTC)


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    if hours == "24" and minutes == "00":
        return time.max
    return time(int(hours), int(minutes))


def opening_intervals(
    resource: BookableResource, start: datetime, end: datetime
) -> list[Interval]:
    """The resource's opening hours as instants, merged, covering [start, end)."""
    if not resource.opening_hours:
        return [(start.astimezone(UTC), end.astimezone(UTC))]
    zone = district_zone()
    first = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    intervals: list[Interval] = []
    day = first
    while day <= last:
        for slot in resource.opening_hours:
            if slot["weekday"] != day.weekday():
                continue
            opens = _wall_clock(day, _clock(slot["opens"]))
            closes_clock = _clock(slot["closes"])
            closes = (
                _wall_clock(day + timedelta(days=1), time.min)
                if closes_clock == time.max
                else _wall_clock(day, closes_clock)
            )
            if closes > opens:
                intervals.append((opens, closes))
        day += timedelta(days=1)
    return _merged(intervals)


def _merged(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for begin, finish in sorted(intervals):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], finish))
        else:
            merged.append((begin, finish))
    return merged


def closure_intervals(
    closures: list[ResourceClosure], start: datetime, end: datetime
) -> Iterator[Interval]:
    """Each closure occurrence that overlaps [start, end)."""
    zone = district_zone()
    for closure in closures:
        length = closure.ends_at - closure.starts_at
        if not closure.rrule:
            if closure.starts_at < end and closure.ends_at > start:
                yield (closure.starts_at, closure.ends_at)
            continue
        local_start = closure.starts_at.astimezone(zone).replace(tzinfo=None)
        rule = rrulestr(closure.rrule, dtstart=local_start)
        window_start = (start - length).astimezone(zone).replace(tzinfo=None)
        window_end = end.astimezone(zone).replace(tzinfo=None)
        for occurrence in rule.between(window_start, window_end, inc=True):
            begin = occurrence.replace(tzinfo=zone).astimezone(UTC)
            if begin < end and begin + length > start:
                yield (begin, begin + length)


def booking_rules_check(
    *, resource: BookableResource, start: datetime, end: datetime, now: datetime
) -> None:
    """Raise BookingRuleBroken naming the first rule [start, end) breaks."""
    start, end, now = (moment.astimezone(UTC) for moment in (start, end, now))
    if end <= start:
        raise BookingRuleBroken("period", _("A booking must end after it starts."))
    if end > now + HORIZON:  # also keeps the calendar sums below year 9999
        raise BookingRuleBroken(
            "period", _("A booking can lie at most three years ahead.")
        )
    minutes = (end - start).total_seconds() / 60
    if minutes < resource.min_minutes:
        raise BookingRuleBroken(
            "min_minutes",
            _("A booking of this resource lasts at least %(minutes)d minutes.")
            % {"minutes": resource.min_minutes},
        )
    if minutes > resource.max_minutes:
        raise BookingRuleBroken(
            "max_minutes",
            _("A booking of this resource lasts at most %(minutes)d minutes.")
            % {"minutes": resource.max_minutes},
        )
    if start < now + timedelta(minutes=resource.lead_minutes):
        raise BookingRuleBroken(
            "lead_minutes",
            _("This resource must be booked at least %(minutes)d minutes ahead.")
            % {"minutes": resource.lead_minutes},
        )
    if not any(
        begin <= start and end <= finish
        for begin, finish in opening_intervals(resource, start, end)
    ):
        raise BookingRuleBroken(
            "opening_hours", _("The resource is not open for all of this period.")
        )
    closed = next(closure_intervals(list(resource.closures.all()), start, end), None)
    if closed is not None:
        raise BookingRuleBroken(
            "closures",
            _("The resource is closed from %(start)s to %(end)s.")
            % {
                "start": closed[0].astimezone(district_zone()).isoformat(),
                "end": closed[1].astimezone(district_zone()).isoformat(),
            },
        )
