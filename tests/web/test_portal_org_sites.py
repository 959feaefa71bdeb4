"""An organisation's sites in the portal (issue 16): admins add and change
them with the map picker through pilots.services.sites (zone derived, the
API's checks); members read; a moderator's take-down shows with its reason."""

import json
from typing import Any

import pytest
from django.utils import timezone

from pilots.models import Site
from tests.api.catalogue_support import sectors
from tests.api.owner_support import eager_celery, fast_password_hashing
from tests.factories import GLOSHAUGEN, OrganizationFactory, SiteFactory

from .org_support import Team, queries_of, team
from .portal_support import signed_in_client

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]


@pytest.fixture
def harbour() -> Team:
    sectors("mobility", "energy")
    return team()


def site_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Brattøra drone arena",
        "kind": "test_arena",
        "status": "operational",
        "access": "on_application",
        "description": "Airspace over the harbour basin.",
        "sectors": ["mobility"],
        "longitude": str(GLOSHAUGEN[0]),
        "latitude": str(GLOSHAUGEN[1]),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_admin_adds_a_site_through_the_service(harbour: Team, zones) -> None:
    partner = OrganizationFactory.create(name="SINTEF")
    admin = signed_in_client(harbour.admin)
    form = admin.get(harbour.path("sites/new/"))
    assert form.status_code == 200
    assert b'id="pick-map-config"' in form.content
    assert b'src="/static/web/pick-place.js"' in form.content

    saved = admin.post(
        harbour.path("sites/new/"), site_data(partners=[str(partner.pk)])
    )

    assert saved.status_code == 302
    site = Site.objects.get()
    assert (site.slug, site.host, site.kind) == (
        "brattora-drone-arena",
        harbour.organization,
        "test_arena",
    )
    assert site.location.coords == pytest.approx(GLOSHAUGEN)
    assert site.zone is not None  # the service's spatial join
    assert site.sectors == ["mobility"]
    assert list(site.partners.all()) == [partner]
    listed = admin.get(saved["Location"]).content.decode()
    assert "The site is added." in listed
    assert "Brattøra drone arena" in listed


def test_a_drawn_footprint_is_kept(harbour: Team) -> None:
    lon, lat = GLOSHAUGEN
    ring = [[lon - 0.001, lat - 0.001], [lon + 0.001, lat - 0.001]]
    ring += [[lon + 0.001, lat + 0.001], [lon - 0.001, lat - 0.001]]
    area = json.dumps({"type": "Polygon", "coordinates": [ring]})

    signed_in_client(harbour.admin).post(
        harbour.path("sites/new/"), site_data(area=area)
    )

    footprint = Site.objects.get().footprint
    assert footprint is not None
    assert footprint.geom_type == "MultiPolygon"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"longitude": None, "latitude": None}, "longitude"),
        ({"latitude": "95"}, "longitude"),
        ({"kind": "castle"}, "kind"),
        ({"name": "Two\nlines"}, "name"),
        ({"sectors": ["no-such-sector"]}, "sectors"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_saves_nothing(
    harbour: Team, changes: dict[str, Any], field: str
) -> None:
    response = signed_in_client(harbour.admin).post(
        harbour.path("sites/new/"), site_data(**changes)
    )

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Site.objects.exists()


def test_an_admin_changes_a_site_of_their_own_only(harbour: Team, zones) -> None:
    site = SiteFactory.create(host=harbour.organization, name="Old name")
    elsewhere = SiteFactory.create(name="Not ours")
    admin = signed_in_client(harbour.admin)
    form = admin.get(harbour.path(f"sites/{site.slug}/edit/"))
    assert form.context["form"].initial["longitude"] == pytest.approx(GLOSHAUGEN[0])

    saved = admin.post(
        harbour.path(f"sites/{site.slug}/edit/"),
        site_data(name="New name", status="retired"),
    )
    foreign = admin.post(
        harbour.path(f"sites/{elsewhere.slug}/edit/"), site_data(name="Taken over")
    )

    site.refresh_from_db()
    elsewhere.refresh_from_db()
    assert saved.status_code == 302
    assert (site.name, site.status, site.slug) == ("New name", "retired", site.slug)
    assert foreign.status_code == 404
    assert elsewhere.name == "Not ours"


def test_members_read_the_list_but_may_not_add_or_change(harbour: Team) -> None:
    site = SiteFactory.create(host=harbour.organization, name="Harbour lab")
    member = signed_in_client(harbour.member)

    listed = member.get(harbour.path("sites/"))
    adding = member.post(harbour.path("sites/new/"), site_data())
    changing = member.post(harbour.path(f"sites/{site.slug}/edit/"), site_data())

    assert listed.status_code == 200
    assert "Harbour lab" in listed.content.decode()
    assert "Add a site" not in listed.content.decode()
    assert (adding.status_code, changing.status_code) == (403, 403)
    assert Site.objects.get().name == "Harbour lab"


def test_a_moderators_take_down_shows_with_its_reason(harbour: Team) -> None:
    site = SiteFactory.create(host=harbour.organization, name="Closed pier")
    Site.objects.filter(pk=site.pk).update(
        unpublished_at=timezone.now(), unpublished_reason="Unsafe pier."
    )

    text = signed_in_client(harbour.admin).get(harbour.path("sites/")).content
    assert "a moderator unpublished it (Unsafe pier.)" in text.decode()


def test_the_sites_page_costs_the_same_for_more_sites(harbour: Team) -> None:
    client = signed_in_client(harbour.admin)
    SiteFactory.create(host=harbour.organization)
    few = queries_of(lambda: client.get(harbour.path("sites/")))
    SiteFactory.create_batch(8, host=harbour.organization)

    many = queries_of(lambda: client.get(harbour.path("sites/")))

    assert many == few
    assert many <= 6
