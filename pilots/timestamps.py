"""How the registry writes a moment for programs: RFC 3339 in UTC with `Z` and
always six decimals, e.g. `2026-12-04T17:31:09.123456Z`.

One format in JSON, GeoJSON, CSV, OGC API items, history and webhooks: clients
parse it without time-zone data, the text sorts like the moment, and a value
read back into a filter is exact (no lost microseconds). Pages and emails for
people show the district's time instead.
"""

import re
from datetime import UTC, datetime
from typing import Any

from django.db.models import Func, TextField

TIMESTAMP_PATTERN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def format_timestamp(moment: datetime) -> str:
    """The moment as RFC 3339 text in UTC (`...T17:31:09.123456Z`)."""
    if moment.tzinfo is None:
        raise ValueError("a naive datetime is no moment; give it a time zone")
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def format_timestamps(value: Any) -> Any:
    """A copy of a JSON-ready document with every datetime in it formatted."""
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, dict):
        return {key: format_timestamps(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [format_timestamps(item) for item in value]
    return value


class TimestampText(Func):
    """The same text, written by PostgreSQL (a GeoJSON property built in SQL).

    `AT TIME ZONE 'UTC'` makes it independent of the session's time zone.
    """

    template = (
        "to_char(%(expressions)s AT TIME ZONE 'UTC', "
        '\'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\')'
    )
    output_field = TextField()
