"""The example bookable resources of data/bookable_resources.json: real labs,
invented offers (is_example), upserted by (site, name)."""

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import transaction

from ..models import BookableResource, ResourceClosure, Site

HOURS = {
    "always": [],
    "weekdays 08:00-16:00": [
        {"weekday": day, "opens": "08:00", "closes": "16:00"} for day in range(5)
    ],
    "weekdays 07:00-19:00": [
        {"weekday": day, "opens": "07:00", "closes": "19:00"} for day in range(5)
    ],
}
FIELDS = ("description", "capacity", "min_minutes", "max_minutes", "lead_minutes")


@transaction.atomic
def example_resources_load(*, path: Path) -> int:
    """Rows created or changed; sites missing from the database are skipped."""
    records = json.loads(path.read_text())["resources"]
    sites = Site.objects.in_bulk([r["site"] for r in records], field_name="slug")
    changed = 0
    for record in records:
        site = sites.get(record["site"])
        if site is None:
            continue
        values: dict[str, Any] = {name: record[name] for name in FIELDS}
        values["approval_required"] = record["approval_required"]
        values["opening_hours"] = HOURS[record["opening_hours"]]
        values["is_example"] = True
        resource, created = BookableResource.objects.get_or_create(
            site=site, name=record["name"], defaults=values
        )
        if not created and any(getattr(resource, k) != v for k, v in values.items()):
            BookableResource.objects.filter(pk=resource.pk).update(**values)
            created = True
        for closure in record["closures"]:
            _, added = ResourceClosure.objects.get_or_create(
                resource=resource,
                starts_at=datetime.fromisoformat(closure["starts_at"]),
                ends_at=datetime.fromisoformat(closure["ends_at"]),
                rrule=closure["rrule"],
                defaults={"reason": closure["reason"]},
            )
            created = created or added
        changed += int(created)
    return changed
