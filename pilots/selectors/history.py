"""Reads of the change history kept by django-simple-history."""

import datetime
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Model, Q, QuerySet

from ..models.accounts import public_name
from ..timestamps import format_timestamp

HISTORY_LIMIT = 200
SKIPPED_FIELDS = frozenset({"updated_at"})


def _plain(value: Any) -> Any:
    """A JSON-friendly copy of a field value."""
    if isinstance(value, GEOSGeometry):
        return json.loads(value.json)
    if isinstance(value, datetime.datetime):
        return format_timestamp(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def history_records(instance: Model) -> QuerySet:
    """The historical records of `instance`, newest first (keyset-paginable)."""
    return instance.history.select_related("history_user__profile").order_by(  # type: ignore[attr-defined]
        "-history_date", "-history_id"
    )


def record_before(instance: Model, record: Any) -> Any | None:
    """The record just older than `record`: what the oldest of a page changed."""
    return (
        history_records(instance)
        .filter(
            Q(history_date__lt=record.history_date)
            | Q(history_date=record.history_date, history_id__lt=record.history_id)
        )
        .first()
    )


def field_changes(record: Any, previous: Any) -> list[dict]:
    """Each tracked field whose value differs between two records, by name.

    Derived and moderation fields count too (submitted_at, published_at,
    unpublished_*): django-simple-history's diff_against compares only
    editable fields, so the comparison is made here."""
    changes = []
    for field in sorted(record.tracked_fields, key=lambda field: field.name):
        if field.primary_key or field.name in SKIPPED_FIELDS:
            continue
        old = getattr(previous, field.attname)
        new = getattr(record, field.attname)
        if old != new:
            changes.append(
                {"field": field.name, "old": _plain(old), "new": _plain(new)}
            )
    return changes


def history_versions(records: Sequence[Any], older: Any | None) -> list[dict]:
    """Versions from consecutive records, newest first: who, when, the kind of
    change and, for updates, each changed field with its value before and after.
    `older` is the record preceding the last one (None when that one is the
    first), so a page of records diffs its oldest entry too."""
    versions = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else older
        changes = [] if previous is None else field_changes(record, previous)
        user = record.history_user
        versions.append(
            {
                "id": record.history_id,
                "at": record.history_date,
                "type": {"+": "created", "~": "changed", "-": "deleted"}[
                    record.history_type
                ],
                "user": public_name(user),
                "changes": changes,
            }
        )
    return versions


def change_history(instance: Model, *, limit: int = HISTORY_LIMIT) -> list[dict]:
    """The newest `limit` versions of `instance` (see history_versions)."""
    records = list(history_records(instance)[: limit + 1])
    older = records[limit] if len(records) > limit else None
    return history_versions(records[:limit], older)
