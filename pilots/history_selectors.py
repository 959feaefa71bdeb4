"""Reads of the change history kept by django-simple-history."""

import datetime
import json
from decimal import Decimal
from typing import Any

from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Model

HISTORY_LIMIT = 200
SKIPPED_FIELDS = frozenset({"updated_at"})


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a field value."""
    if isinstance(value, GEOSGeometry):
        return json.loads(value.json)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def change_history(instance: Model, *, limit: int = HISTORY_LIMIT) -> list[dict]:
    """Versions of `instance`, newest first: who, when, the kind of change and,
    for updates, each changed field with its value before and after."""
    records = list(
        instance.history.select_related("history_user").order_by(  # type: ignore[attr-defined]
            "-history_date", "-history_id"
        )[: limit + 1]
    )
    versions = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [
                {
                    "field": change.field,
                    "old": _plain(change.old),
                    "new": _plain(change.new),
                }
                for change in delta.changes
                if change.field not in SKIPPED_FIELDS
            ]
        user = record.history_user
        versions.append(
            {
                "id": record.history_id,
                "at": record.history_date,
                "type": {"+": "created", "~": "changed", "-": "deleted"}[
                    record.history_type
                ],
                "user": None if user is None else (user.email or user.get_username()),
                "changes": changes,
            }
        )
    return versions
