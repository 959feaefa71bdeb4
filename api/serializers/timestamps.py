"""The API's date-time field: out in the registry's one format (RFC 3339, UTC,
`Z`, six decimals: pilots/timestamps.py), in as any RFC 3339 offset."""

from datetime import datetime
from typing import Any

from rest_framework import serializers

from pilots.timestamps import format_timestamp


class TimestampField(serializers.DateTimeField):
    """DRF's DateTimeField writes the active time zone (Europe/Oslo); this one
    writes UTC. Reading is DRF's (an offset is kept; none means district time)."""

    def to_representation(self, value: Any) -> Any:
        if not value:
            return None
        if isinstance(value, str):
            return value
        if not isinstance(value, datetime):
            raise TypeError(f"{value!r} is not a datetime")
        return format_timestamp(value)
