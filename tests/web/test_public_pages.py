"""Public pages of a site, a pilot and an opportunity: the facts, a small map,
the organisations and schema.org JSON-LD; not public is a 404 page for people
(issue 15). No email address is shown."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from pilots.models import Opportunity, PilotProject, Site
from tests.api.catalogue_support import sectors
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
)
from tests.pilots.notifications.factories import OpportunityFactory

from .support import assert_no_inline_code, json_ld, scripts

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def site() -> Site:
    sectors("mobility")
    ntnu = OrganizationFactory.create(name="NTNU", website="https://www.ntnu.no/")
    sintef = OrganizationFactory.create(name="SINTEF")
    hidden = OrganizationFactory.create(
        name="Taken down", unpublished_at=timezone.now()
    )
    return SiteFactory.create(
        name="Gløshaugen test arena",
        name_no="Testarena på Gløshaugen",
        kind=Site.Kind.TEST_ARENA,
        host=ntnu,
        partners=[sintef, hidden],
        sectors=["mobility"],
        contact_email="arena-contact@example.org",
        location=Point(*GLOSHAUGEN, srid=4326),
    )


def test_a_site_page_shows_facts_map_organisations_and_a_place(client, site) -> None:
    response = client.get(f"/sites/{site.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Gløshaugen test arena</h1>" in html
    assert "Test arena" in html
    assert "Mobility" in html
    assert "NTNU" in html
    assert "SINTEF" in html
    assert "Taken down" not in html
    assert "@" not in html.replace("@context", "").replace("@type", "")
    assert 'id="place-map"' in html
    assert 'id="place-map-config"' in html
    assert_no_inline_code(html)
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Place"
    assert data["name"] == "Gløshaugen test arena"
    assert data["url"] == f"http://127.0.0.1:8000/sites/{site.slug}/"
    assert data["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": GLOSHAUGEN[1],
        "longitude": GLOSHAUGEN[0],
    }
    [block] = [s for s in scripts(html) if s.get("type") == "application/ld+json"]
    assert f"'nonce-{block['nonce']}'" in response["Content-Security-Policy"]


def test_pages_speak_bokmal_and_offer_a_switch(client, site) -> None:
    norwegian = client.get(f"/sites/{site.slug}/", HTTP_ACCEPT_LANGUAGE="nb")
    switched = client.get(f"/sites/{site.slug}/?lang=en", HTTP_ACCEPT_LANGUAGE="nb")

    html = norwegian.content.decode()
    assert '<html lang="nb">' in html
    assert "<h1>Testarena på Gløshaugen</h1>" in html
    assert "Organisasjoner" in html
    assert "Testarena" in html
    assert f'href="/sites/{site.slug}/?lang=en"' in html
    assert '<html lang="en">' in switched.content.decode()
    assert switched.cookies["django_language"].value == "en"
    assert switched["Content-Language"] == "en"


def test_a_pilot_page_is_a_research_project(client, site) -> None:
    pilot = PilotProjectFactory.create(
        title="Autonomous shuttle pilot",
        summary="A shuttle between the campuses.",
        lead_organization=site.host,
        partners=[OrganizationFactory.create(name="AtB")],
        sectors=["mobility"],
    )
    pilot.sites.set([site])

    response = client.get(f"/pilots/{pilot.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "A shuttle between the campuses." in html
    assert f'href="/sites/{site.slug}/"' in html
    assert_no_inline_code(html)
    data = json_ld(html)
    assert data["@type"] == "ResearchProject"
    assert data["location"]["geo"]["latitude"] == GLOSHAUGEN[1]
    assert [member["name"] for member in data["member"]] == ["NTNU", "AtB"]
    assert data["keywords"] == "Mobility"


def test_an_opportunity_page_shows_the_deadline_in_oslo_time(client, site) -> None:
    opportunity = OpportunityFactory.create(
        title="Harbour sensors",
        deadline=datetime(2036, 12, 15, 12, 0, tzinfo=OSLO),
        contact_name="Kari",
        contact_email="kari@example.org",
        publisher=site.host,
    )
    opportunity.sites.set([site])

    response = client.get(f"/opportunities/{opportunity.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "2036-12-15 12:00 CET" in html
    assert "kari@example.org" not in html
    assert f'href="/sites/{site.slug}/"' in html
    data = json_ld(html)
    assert data["@type"] == "Demand"
    assert data["validThrough"] == "2036-12-15T12:00:00+01:00"
    assert data["areaServed"]["@type"] == "Place"


@pytest.mark.parametrize("what", ["site", "pilot", "opportunity", "missing"])
def test_what_is_not_public_is_a_page_not_found(client, site, what: str) -> None:
    if what == "site":
        site.unpublished_at = timezone.now()
        site.save()
        path = f"/sites/{site.slug}/"
    elif what == "pilot":
        pilot = PilotProjectFactory.create(status=PilotProject.Status.DRAFT)
        path = f"/pilots/{pilot.slug}/"
    elif what == "opportunity":
        opportunity = OpportunityFactory.create(
            status=Opportunity.Status.DRAFT, published_at=None
        )
        path = f"/opportunities/{opportunity.slug}/"
    else:
        path = "/sites/no-such-site/"

    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>Not found</h1>" in response.content.decode()


def test_page_queries_do_not_grow_with_the_organisations(
    client, site, django_assert_max_num_queries
) -> None:
    pilot = PilotProjectFactory.create(
        lead_organization=site.host,
        partners=OrganizationFactory.create_batch(6),
    )
    pilot.sites.set([site, *SiteFactory.create_batch(3)])
    site.partners.add(*OrganizationFactory.create_batch(6))

    with django_assert_max_num_queries(5):
        assert client.get(f"/pilots/{pilot.slug}/").status_code == 200
    with django_assert_max_num_queries(5):
        assert client.get(f"/sites/{site.slug}/").status_code == 200
