"""Resources, bookers and hosts for the booking tests (issue 18)."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pilots.models import BookableResource
from tests.factories import OrganizationFactory, SiteFactory

OSLO = ZoneInfo("Europe/Oslo")
ALWAYS_OPEN: list[dict[str, Any]] = []
WEEKDAYS_8_TO_16 = [
    {"weekday": day, "opens": "08:00", "closes": "16:00"} for day in range(5)
]


def make_resource(**fields: Any) -> BookableResource:
    site = fields.pop("site", None) or SiteFactory.create(
        host=OrganizationFactory.create()
    )
    defaults: dict[str, Any] = {
        "name": "Climate chamber",
        "capacity": 1,
        "min_minutes": 60,
        "max_minutes": 60 * 24,
        "lead_minutes": 0,
        "approval_required": False,
        "opening_hours": ALWAYS_OPEN,
    }
    return BookableResource.objects.create(site=site, **{**defaults, **fields})


def next_monday(hour: int = 9) -> datetime:
    """A Monday at `hour` local time, at least a week from now."""
    today = datetime.now(OSLO).date() + timedelta(days=7)
    monday = today + timedelta(days=(7 - today.weekday()) % 7)
    return datetime(monday.year, monday.month, monday.day, hour, tzinfo=OSLO)
