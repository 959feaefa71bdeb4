"""A small district for the OGC tests: sites, pilots (one a draft) and zones."""

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from pilots.models import PilotProject, Site
from tests.factories import PilotProjectFactory, SiteFactory, UserFactory

OGC = "/ogc"


@dataclass
class District:
    sites: list[Site]
    pilots: list[PilotProject]
    draft: PilotProject


def _square(lon: float, lat: float, size: float) -> MultiPolygon:
    box = Polygon.from_bbox((lon, lat, lon + size, lat + size))
    return MultiPolygon(box, srid=4326)


def build_district() -> District:
    owner = UserFactory.create(username="pilot-owner")
    sites = [
        SiteFactory.create(
            slug="oya-lab",
            name="Øya health lab",
            kind=Site.Kind.SHARED_LAB,
            location=Point(10.3890, 63.4205, srid=4326),
            trl_min=3,
            trl_max=6,
        ),
        SiteFactory.create(
            slug="gloshaugen-arena",
            name="Gløshaugen energy arena",
            kind=Site.Kind.TEST_ARENA,
            location=Point(10.4025, 63.4190, srid=4326),
            trl_min=5,
            trl_max=9,
        ),
        SiteFactory.create(
            slug="sluppen-arena",
            name="Sluppen mobility arena",
            kind=Site.Kind.TEST_ARENA,
            status=Site.Status.PLANNED,
            location=Point(10.3975, 63.3995, srid=4326),
        ),
    ]
    pilots = [
        PilotProjectFactory.create(
            slug="drone-delivery",
            title="Drone delivery",
            trl=6,
            location=Point(10.3950, 63.4150, srid=4326),
            planned_start=date(2025, 3, 1),
            planned_end=date(2025, 9, 30),
        ),
        PilotProjectFactory.create(
            slug="smart-street",
            title="Smart street lighting",
            status=PilotProject.Status.ACTIVE,
            trl=4,
            location=None,
            area=_square(10.3900, 63.4260, 0.004),
            planned_start=date(2026, 1, 1),
            planned_end=None,
        ),
    ]
    draft = PilotProjectFactory.create(
        slug="secret-draft",
        title="Secret draft",
        status=PilotProject.Status.DRAFT,
        owner=owner,
    )
    return District(sites=sites, pilots=pilots, draft=draft)


@pytest.fixture
def district(db: None, zones: int) -> District:
    return build_district()


def body(response: Any) -> Any:
    return json.loads(response.content)


def slugs_of(response: Any) -> list[str]:
    return [feature["id"] for feature in body(response)["features"]]
