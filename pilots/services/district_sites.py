"""Organisations and sites from trondheim_sites.json (idempotent upserts by slug)."""

import json
from pathlib import Path
from typing import Any

from django.contrib.gis.geos import Point
from django.db import transaction

from ..models import Organization, Site
from .district_organizations import KnownOrganization, host_and_partners, resolve
from .district_vocabularies import sector_slug
from .upserts import related_ids, set_related, upsert_many

KINDS = {
    "testbed": Site.Kind.TEST_ARENA,
    "pilot_arena": Site.Kind.TEST_ARENA,
    "lab": Site.Kind.SHARED_LAB,
}
STATUSES = {
    "operational": Site.Status.OPERATIONAL,
    "under_construction": Site.Status.UNDER_CONSTRUCTION,
    "planned": Site.Status.PLANNED,
    "proposed": Site.Status.PLANNED,
    "completed": Site.Status.RETIRED,
}


def site_records(path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))[
        "sites"
    ]
    return records


def _organisations_of(record: dict[str, Any]) -> list[KnownOrganization]:
    host, co_hosts = host_and_partners(record["host_organization"])
    named = [resolve(name) for name in record.get("partner_organizations", [])]
    return [host, *co_hosts, *named]


def _organisation_rows(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    known = {k.slug: k for record in records for k in _organisations_of(record)}
    return {
        slug: {"name": k.name, "kind": k.kind, "org_number": k.org_number}
        for slug, k in known.items()
    }


def _site_values(record: dict[str, Any], host: Organization) -> dict[str, Any]:
    lon, lat = record["location"]["coordinates"]
    return {
        "kind": KINDS[record["kind"]],
        "name": record["name"],
        "name_no": record.get("name_no", ""),
        "description": record.get("description", ""),
        "host": host,
        "sectors": sorted({sector_slug(name) for name in record.get("sectors", [])}),
        "sdgs": sorted(set(record.get("sdgs", []))),
        "status": STATUSES[record["status"]],
        "location": Point(lon, lat, srid=4326),
        "coordinates_approximate": bool(record.get("coordinates_approximate")),
        "source_urls": list(record.get("sources", [])),
    }


@transaction.atomic
def district_sites_load(*, path: Path) -> dict[str, int]:
    """Upsert the organisations and sites; returns counts of rows changed.

    The host is the first organisation named in `host_organization`; the others
    there and all `partner_organizations` except the host become partners. Zones
    are assigned afterwards, set-based (pilots.services.zones.zones_assign).
    """
    records = site_records(path)
    organisations, organisations_changed = upsert_many(
        Organization, key="slug", rows=_organisation_rows(records)
    )
    partners_by_site = {}
    site_rows = {}
    for record in records:
        host, *others = _organisations_of(record)
        partners = {organisations[o.slug] for o in others if o.slug != host.slug}
        partners_by_site[record["slug"]] = partners
        site_rows[record["slug"]] = _site_values(record, organisations[host.slug])
    sites, sites_changed = upsert_many(Site, key="slug", rows=site_rows)
    current = related_ids(Site.partners, [site.pk for site in sites.values()])
    for slug, partners in partners_by_site.items():
        site = sites[slug]
        if set_related(site.partners, partners, current=current[site.pk]):
            sites_changed.add(slug)
    return {"organizations": len(organisations_changed), "sites": len(sites_changed)}
