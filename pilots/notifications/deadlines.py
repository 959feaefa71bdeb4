"""Deadlines as people in the district read them: Oslo time (TIME_ZONE) with
the zone's name, and days left counted on Oslo's calendar."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat


def district_datetime(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def district_time_label(moment: datetime) -> str:
    """`2026-12-15 12:00 CET` (CEST in summer)."""
    return dateformat.format(district_datetime(moment), "Y-m-d H:i T")


def calendar_days_until(moment: datetime, *, now: datetime) -> int:
    """0 today, 1 tomorrow, ... in Oslo, whatever the hours between."""
    return (district_datetime(moment).date() - district_datetime(now).date()).days
