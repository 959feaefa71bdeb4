from datetime import timedelta

import pytest
from django.utils import timezone

from geo.models import Zone
from pilots.models import PilotProject, Site
from tests.api.catalogue_support import error_fields, slugs
from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_kind_and_status_accept_any_of_several(api_client):
    SiteFactory(slug="arena", kind=Site.Kind.TEST_ARENA, status="operational")
    SiteFactory(slug="lab", kind=Site.Kind.SHARED_LAB, status="planned")
    SiteFactory(slug="old-lab", kind=Site.Kind.SHARED_LAB, status="retired")

    assert sorted(slugs(api_client.get("/api/v1/sites/?kind=shared_lab"))) == [
        "lab",
        "old-lab",
    ]
    assert sorted(
        slugs(api_client.get("/api/v1/sites/?status=operational,planned"))
    ) == ["arena", "lab"]


def test_unknown_choice_is_a_400_naming_the_parameter(api_client):
    response = api_client.get("/api/v1/sites/?kind=castle")

    assert response.status_code == 400
    assert error_fields(response) == {"kind"}


def test_sector_matches_any_of_the_given(api_client):
    SiteFactory(slug="energy", sectors=["energy"])
    SiteFactory(slug="mobility-health", sectors=["mobility", "health"])
    SiteFactory(slug="ocean", sectors=["ocean"])

    response = api_client.get("/api/v1/sites/?sector=energy,health")

    assert sorted(slugs(response)) == ["energy", "mobility-health"]


def test_sdg_matches_any_of_the_given(api_client):
    SiteFactory(slug="seven", sdgs=[7])
    SiteFactory(slug="nine-eleven", sdgs=[9, 11])
    SiteFactory(slug="three", sdgs=[3])

    response = api_client.get("/api/v1/sites/?sdg=7,11")
    assert sorted(slugs(response)) == ["nine-eleven", "seven"]


@pytest.mark.parametrize("value", ["0", "18", "seven", "7,x"])
def test_sdg_out_of_range_is_a_400(api_client, value):
    response = api_client.get(f"/api/v1/sites/?sdg={value}")

    assert response.status_code == 400
    assert error_fields(response) == {"sdg"}


def test_organization_matches_host_or_partner_once(api_client):
    ntnu = OrganizationFactory(slug="ntnu")
    sintef = OrganizationFactory(slug="sintef")
    SiteFactory(slug="hosted", host=ntnu)
    SiteFactory(slug="partnered", partners=[ntnu, sintef])
    SiteFactory(slug="other", host=sintef)

    response = api_client.get("/api/v1/sites/?organization=ntnu")

    assert sorted(slugs(response)) == ["hosted", "partnered"]


def test_pilot_organization_matches_lead_or_partner(api_client):
    ntnu = OrganizationFactory(slug="ntnu")
    PilotProjectFactory(slug="led", title="a", lead_organization=ntnu)
    PilotProjectFactory(slug="partner", title="b", partners=[ntnu])
    PilotProjectFactory(slug="other", title="c")

    response = api_client.get("/api/v1/pilots/?organization=ntnu")

    assert sorted(slugs(response)) == ["led", "partner"]


def test_zone_by_slug(api_client, zones):
    SiteFactory(slug="in-zone", zone=Zone.objects.get(slug="gloshaugen"))
    SiteFactory(slug="elsewhere", zone=Zone.objects.get(slug="oya"))
    SiteFactory(slug="no-zone", zone=None)

    assert slugs(api_client.get("/api/v1/sites/?zone=gloshaugen")) == ["in-zone"]
    assert slugs(api_client.get("/api/v1/sites/?zone=atlantis")) == []


def test_trl_level_inside_the_site_range(api_client):
    SiteFactory(slug="low", trl_min=1, trl_max=4)
    SiteFactory(slug="mid", trl_min=4, trl_max=7)
    SiteFactory(slug="unknown")

    assert slugs(api_client.get("/api/v1/sites/?trl=4")) == ["low", "mid"]
    assert slugs(api_client.get("/api/v1/sites/?trl=7")) == ["mid"]
    assert slugs(api_client.get("/api/v1/sites/?trl=9")) == []


@pytest.mark.parametrize("value", ["0", "10", "4.5", "high"])
def test_trl_outside_1_to_9_is_a_400(api_client, value):
    response = api_client.get(f"/api/v1/sites/?trl={value}")

    assert response.status_code == 400
    assert error_fields(response) == {"trl"}


def test_q_searches_english_and_norwegian_ranked(api_client):
    SiteFactory(
        slug="battery",
        name="Battery laboratory",
        description="Testing batteries for ships",
    )
    SiteFactory(
        slug="mentions",
        name="Workshop",
        description="Sometimes tests a battery",
    )
    SiteFactory(
        slug="norsk",
        name="Ocean basin",
        name_no="Havbasseng",
        description_no="Store bølger og skipsmodeller i havbassenget",
    )
    SiteFactory(slug="unrelated", name="Garden", description="Plants")

    english = slugs(api_client.get("/api/v1/sites/?q=batteries"))
    norwegian = slugs(api_client.get("/api/v1/sites/?q=havbasseng"))

    assert english == ["battery", "mentions"]  # a name hit outranks a description hit
    assert norwegian == ["norsk"]


def test_q_search_on_pilots_and_organizations(api_client):
    PilotProjectFactory(
        slug="drone", title="Drone deliveries", title_no="Droneleveranser"
    )
    PilotProjectFactory(slug="bus", title="Autonomous bus")
    OrganizationFactory(slug="sintef", name="SINTEF Energy", description="Research")

    assert slugs(api_client.get("/api/v1/pilots/?q=droneleveranse")) == ["drone"]
    assert slugs(api_client.get("/api/v1/organizations/?q=energy")) == ["sintef"]


def test_search_uses_the_gin_index(api_client):
    from django.db import connection

    from pilots.selectors.catalogue import search, site_list

    SiteFactory.create_batch(3)
    sql, params = search(site_list(), "lab").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "site_search_gin" in plan


def test_updated_since(api_client):
    SiteFactory(slug="old")
    SiteFactory(slug="new")
    Site.objects.filter(slug="old").update(
        updated_at=timezone.now() - timedelta(days=30)
    )
    since = (timezone.now() - timedelta(days=1)).isoformat()

    response = api_client.get("/api/v1/sites/", {"updated_since": since})

    assert slugs(response) == ["new"]


def test_updated_since_must_be_a_date_time(api_client):
    response = api_client.get("/api/v1/sites/?updated_since=yesterday")

    assert response.status_code == 400
    assert error_fields(response) == {"updated_since"}


def test_ordering_by_name_descending_and_unknown_ordering(api_client):
    for name in ("Bravo", "Alpha", "Charlie"):
        SiteFactory(slug=name.lower(), name=name)

    assert slugs(api_client.get("/api/v1/sites/")) == ["alpha", "bravo", "charlie"]
    assert slugs(api_client.get("/api/v1/sites/?ordering=-name")) == [
        "charlie",
        "bravo",
        "alpha",
    ]
    response = api_client.get("/api/v1/sites/?ordering=password")
    assert response.status_code == 400
    assert error_fields(response) == {"ordering"}


def test_pilot_status_filter_never_reveals_others_drafts(api_client, django_user_model):
    PilotProjectFactory(slug="draft", status=PilotProject.Status.DRAFT)
    PilotProjectFactory(slug="live", status=PilotProject.Status.PUBLISHED)

    response = api_client.get("/api/v1/pilots/?status=draft,published")

    assert slugs(response) == ["live"]


def test_access_filter(api_client):
    SiteFactory(slug="open", access=Site.Access.OPEN)
    SiteFactory(slug="members", access=Site.Access.MEMBERS_ONLY)

    assert slugs(api_client.get("/api/v1/sites/?access=open")) == ["open"]


def test_pilot_trl_site_sector_and_sdg_filters(api_client):
    lab = SiteFactory(slug="lab")
    PilotProjectFactory(
        slug="match", title="a", trl=5, sites=[lab], sectors=["health"], sdgs=[3]
    )
    PilotProjectFactory(slug="other", title="b", trl=2, sectors=["energy"], sdgs=[7])

    assert slugs(api_client.get("/api/v1/pilots/?trl=5")) == ["match"]
    assert slugs(api_client.get("/api/v1/pilots/?site=lab")) == ["match"]
    assert slugs(api_client.get("/api/v1/pilots/?sector=health,ocean")) == ["match"]
    assert slugs(api_client.get("/api/v1/pilots/?sdg=3")) == ["match"]


def test_distance_only_appears_with_near(api_client):
    SiteFactory(slug="lab")

    row = api_client.get("/api/v1/sites/").json()["results"][0]

    assert "distance_m" not in row
