"""Length, lead time, opening hours and closures, in the district's zone."""

from datetime import datetime, timedelta

import pytest

from pilots.models import ResourceClosure
from pilots.services.booking_rules import BookingRuleBroken, booking_rules_check
from tests.booking_support import OSLO, WEEKDAYS_8_TO_16, make_resource, next_monday

pytestmark = pytest.mark.django_db
LONG_AGO = datetime(2026, 1, 1, tzinfo=OSLO)


def broken_rule(resource, start, end, now=LONG_AGO) -> str | None:
    try:
        booking_rules_check(resource=resource, start=start, end=end, now=now)
    except BookingRuleBroken as error:
        return error.rule
    return None


def test_the_night_clocks_go_back_a_booking_from_1_to_4_lasts_four_hours():
    # 2026-10-25 03:00 CEST becomes 02:00 CET: 01:00+02:00 to 04:00+01:00.
    start = datetime(2026, 10, 25, 1, 0, tzinfo=OSLO)
    end = datetime(2026, 10, 25, 4, 0, tzinfo=OSLO)
    assert end.timestamp() - start.timestamp() == 4 * 3600

    assert broken_rule(make_resource(max_minutes=180), start, end) == "max_minutes"
    assert broken_rule(make_resource(name="b", max_minutes=240), start, end) is None


def test_the_night_clocks_go_forward_a_booking_from_1_to_4_lasts_two_hours():
    start = datetime(2026, 3, 29, 1, 0, tzinfo=OSLO)
    end = datetime(2026, 3, 29, 4, 0, tzinfo=OSLO)

    assert end.timestamp() - start.timestamp() == 2 * 3600
    assert broken_rule(make_resource(min_minutes=150), start, end) == "min_minutes"


def test_opening_hours_are_wall_clock_times_across_the_dst_change():
    resource = make_resource(opening_hours=WEEKDAYS_8_TO_16)
    # Friday before (CEST) and Monday after (CET) the October change.
    for day in (datetime(2026, 10, 23), datetime(2026, 10, 26)):
        opens = day.replace(hour=8, tzinfo=OSLO)
        assert broken_rule(resource, opens, opens + timedelta(hours=8)) is None
        early = opens - timedelta(hours=1)
        assert broken_rule(resource, early, opens + timedelta(hours=1)) == (
            "opening_hours"
        )
    saturday = datetime(2026, 10, 24, 10, tzinfo=OSLO)
    assert broken_rule(resource, saturday, saturday + timedelta(hours=1)) == (
        "opening_hours"
    )


def test_a_weekly_closure_stays_at_its_local_time_after_the_dst_change():
    resource = make_resource()
    ResourceClosure.objects.create(
        resource=resource,
        starts_at=datetime(2026, 10, 19, 8, 0, tzinfo=OSLO),  # CEST
        ends_at=datetime(2026, 10, 19, 10, 0, tzinfo=OSLO),
        rrule="FREQ=WEEKLY;COUNT=10",
        reason="Calibration",
    )
    after_change = datetime(2026, 10, 26, 8, 30, tzinfo=OSLO)  # CET

    assert broken_rule(resource, after_change, after_change + timedelta(hours=1)) == (
        "closures"
    )
    later = datetime(2026, 10, 26, 10, 0, tzinfo=OSLO)
    assert broken_rule(resource, later, later + timedelta(hours=1)) is None


def test_lead_time_and_minimum_length():
    resource = make_resource(lead_minutes=24 * 60, min_minutes=60)
    start = next_monday()

    assert broken_rule(resource, start, start + timedelta(minutes=30)) == "min_minutes"
    assert (
        broken_rule(resource, start, start + timedelta(hours=1), now=start)
        == "lead_minutes"
    )
    assert broken_rule(resource, start, start - timedelta(hours=1)) == "period"
