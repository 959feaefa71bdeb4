"""The ten illustrative calls of data/pilot_opportunities.json.

They are invented (the file says so), so each is stored with is_example=True
and the API shows that flag. Loading upserts by slug and notifies no one: demo
content goes straight to its state without the publishing outbox. A call whose
deadline has passed is stored closed; the others published.
"""

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from ..models import Opportunity, Organization, Sector, Site
from .district_organizations import resolve
from .district_vocabularies import sector_slug
from .opportunities import FOOTPRINT_SQL

LOCAL = ZoneInfo("Europe/Oslo")


def _at(day: str | None, clock: time) -> datetime | None:
    if not day:
        return None
    return datetime.combine(date.fromisoformat(day), clock, tzinfo=LOCAL)


def _publisher(name: str) -> Organization:
    known = resolve(name)
    organization, _ = Organization.objects.get_or_create(
        slug=known.slug, defaults={"name": known.name, "kind": known.kind}
    )
    return organization


def _description(record: dict[str, Any]) -> str:
    parts = []
    if record.get("eligibility"):
        parts.append(f"Eligibility: {record['eligibility']}")
    funding = record.get("funding") or {}
    if funding.get("max_amount_nok"):
        parts.append(
            f"Funding ({funding.get('type', 'grant')}): up to "
            f"{funding['max_amount_nok']:,} NOK".replace(",", " ")
        )
    if record.get("pilot_start"):
        parts.append(f"Pilot start: {record['pilot_start']}")
    parts.append("Example content: an invented call, not a real announcement.")
    return "\n\n".join(parts)


@transaction.atomic
def example_opportunities_load(*, path: Path) -> int:
    """Upsert the example calls; returns how many were new (0 on a second run)."""
    if not path.exists():
        return 0
    records = json.loads(path.read_text(encoding="utf-8"))["pilot_opportunities"]
    known_sectors = set(Sector.objects.values_list("slug", flat=True))
    now = timezone.now()
    created = 0
    for record in records:
        deadline = _at(record.get("deadline"), time(23, 59))
        is_open = deadline is None or deadline > now
        opportunity, new = Opportunity.objects.update_or_create(
            slug=record["slug"],
            defaults={
                "title": record["title"],
                "title_no": record.get("title_no") or "",
                "summary": record.get("summary") or "",
                "description": _description(record),
                "publisher": _publisher(record["publisher_organization"]),
                "sectors": [
                    slug
                    for slug in dict.fromkeys(sector_slug(s) for s in record["sectors"])
                    if slug in known_sectors
                ],
                "sdgs": record.get("sdgs") or [],
                "trl_min": record.get("trl_min"),
                "trl_max": record.get("trl_max"),
                "call_type": record["call_type"],
                "opens_at": _at(record.get("opens_at"), time(0, 0)),
                "deadline_type": record.get("deadline_type") or "fixed",
                "deadline": deadline,
                "contact_email": record.get("contact_email") or "",
                "status": Opportunity.Status.PUBLISHED
                if is_open
                else Opportunity.Status.CLOSED,
                "is_example": True,
            },
        )
        created += new
        if opportunity.published_at is None:
            opportunity.published_at = now
            if not is_open:
                opportunity.closed_at = now
            opportunity.save(update_fields=["published_at", "closed_at"])
        sites = Site.objects.filter(slug=record.get("site_slug") or "")
        opportunity.sites.set(list(sites))
        with connection.cursor() as cursor:
            cursor.execute(FOOTPRINT_SQL, [opportunity.pk])
    return created
