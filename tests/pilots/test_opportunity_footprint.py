"""An opportunity without an area has its sites' locations as footprint, and it
follows them: a site moved or deleted (through the API, or in bulk) moves or
drops that part of the footprint."""

import pytest
from django.contrib.gis.geos import MultiPoint, Point

from pilots.models import Opportunity, Site
from tests.api.owner_support import client_for, make_member
from tests.factories import OrganizationFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory

pytestmark = pytest.mark.django_db

HARBOUR = (10.3951, 63.4400)
LADE = (10.4300, 63.4450)
MOVED = (10.4100, 63.4200)


@pytest.fixture
def linked() -> tuple:
    """An opportunity without an area, linked to two sites, by their admin."""
    organization = OrganizationFactory.create()
    admin = make_member(organization)
    harbour = SiteFactory.create(host=organization, location=Point(*HARBOUR, srid=4326))
    lade = SiteFactory.create(host=organization, location=Point(*LADE, srid=4326))
    response = client_for(admin).post(
        "/api/v1/opportunities/",
        {
            "title": "Harbour sensors",
            "slug": "harbour-sensors",
            "call_type": "open_call",
            "deadline_type": "rolling",
            "publisher": organization.slug,
            "sites": [harbour.slug, lade.slug],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return admin, harbour, lade, Opportunity.objects.get(slug="harbour-sensors")


def points(opportunity: Opportunity) -> set[tuple[float, float]]:
    opportunity.refresh_from_db()
    footprint = opportunity.footprint
    if footprint is None:
        return set()
    return {(round(p.x, 4), round(p.y, 4)) for p in footprint}


def test_the_footprint_starts_as_the_sites_locations(linked):
    _admin, _harbour, _lade, opportunity = linked

    assert points(opportunity) == {HARBOUR, LADE}


def test_moving_a_site_through_the_api_moves_the_footprint(linked):
    admin, harbour, _lade, opportunity = linked

    response = client_for(admin).patch(
        f"/api/v1/sites/{harbour.slug}/",
        {"location": {"type": "Point", "coordinates": list(MOVED)}},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert points(opportunity) == {MOVED, LADE}


def test_deleting_a_site_drops_it_from_the_footprint(linked):
    admin, harbour, lade, opportunity = linked

    response = client_for(admin).delete(f"/api/v1/sites/{harbour.slug}/")
    lade.delete()

    assert response.status_code == 204, response.content
    assert points(opportunity) == set()
    assert opportunity.footprint is None


def test_a_bulk_move_moves_the_footprint_too(linked):
    _admin, harbour, _lade, opportunity = linked

    Site.objects.filter(pk=harbour.pk).update(location=Point(*MOVED, srid=4326))

    assert points(opportunity) == {MOVED, LADE}
    assert isinstance(opportunity.footprint, MultiPoint)


def test_an_area_stays_the_footprint_when_sites_move(linked):
    _admin, harbour, _lade, _opportunity = linked
    with_area = OpportunityFactory.create(publisher=harbour.host)
    with_area.sites.add(harbour)
    area = with_area.area

    Site.objects.filter(pk=harbour.pk).update(location=Point(*MOVED, srid=4326))
    with_area.refresh_from_db()

    assert with_area.footprint is not None
    assert with_area.footprint.equals(area)
