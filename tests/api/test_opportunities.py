"""/api/v1/opportunities/: public reads, publishers' writes, publishing."""

import json
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from rest_framework.test import APIClient

from pilots.models import Opportunity, OutboxEvent
from tests.api.catalogue_support import sectors
from tests.factories import GLOSHAUGEN, SiteFactory, UserFactory
from tests.pilots.notifications.factories import OpportunityFactory, square
from tests.pilots.notifications.support import publisher_admin

pytestmark = pytest.mark.django_db
URL = "/api/v1/opportunities/"


def draft_payload(publisher_slug: str, **extra: Any) -> dict[str, Any]:
    return {
        "slug": "sensor-call",
        "title": "Sensor call",
        "summary": "Street sensors for air quality.",
        "publisher": publisher_slug,
        "sectors": ["mobility"],
        "sdgs": [11],
        "trl_min": 5,
        "trl_max": 7,
        "call_type": "open_call",
        "deadline": (timezone.now() + timedelta(days=20)).isoformat(),
        "area": {
            "type": "Polygon",
            "coordinates": [
                [[10.40, 63.41], [10.41, 63.41], [10.41, 63.42], [10.40, 63.41]]
            ],
        },
        **extra,
    }


@pytest.fixture(autouse=True)
def vocabulary() -> None:
    sectors("mobility", "energy")


def test_anyone_reads_published_but_not_drafts(api_client: APIClient) -> None:
    published = OpportunityFactory.create(is_example=True)
    OpportunityFactory.create(status=Opportunity.Status.DRAFT)

    response = api_client.get(URL)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["slug"] for row in rows] == [published.slug]
    assert rows[0]["is_example"] is True
    assert rows[0]["footprint"]["type"] == "MultiPolygon"


def test_geojson_format(api_client: APIClient) -> None:
    opportunity = OpportunityFactory.create()

    response = api_client.get(URL, {"format": "geojson"})

    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["type"] == "FeatureCollection"
    [feature] = body["features"]
    assert feature["id"] == opportunity.slug
    assert feature["geometry"]["type"] == "MultiPolygon"
    assert feature["properties"]["publisher"] == opportunity.publisher.slug


def test_filters_by_sector_text_and_distance(api_client: APIClient) -> None:
    mobility = OpportunityFactory.create(title="Autonomous ferry crossing")
    far = (GLOSHAUGEN[0] + 0.1, GLOSHAUGEN[1])  # about 5 km east
    energy = OpportunityFactory.create(
        sectors=["energy"], title="Smart lighting", area=square(*far)
    )

    def slugs(**params: str) -> list[str]:
        response = api_client.get(URL, params)
        assert response.status_code == 200, response.content
        return [row["slug"] for row in response.json()["results"]]

    assert slugs(sector="energy") == [energy.slug]
    assert slugs(q="ferry") == [mobility.slug]
    near = f"{GLOSHAUGEN[0]},{GLOSHAUGEN[1]}"
    assert slugs(near=near, radius="1000") == [mobility.slug]
    assert set(slugs(near=near, radius="10000")) == {mobility.slug, energy.slug}


def test_organisation_admin_creates_a_draft_from_sites(api_client: APIClient) -> None:
    admin, publisher = publisher_admin()
    site = SiteFactory.create()
    api_client.force_authenticate(admin)
    payload = draft_payload(publisher.slug, sites=[site.slug])
    del payload["area"]

    response = api_client.post(URL, payload, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "draft"
    assert body["footprint"]["type"] == "MultiPoint"
    assert body["footprint"]["coordinates"][0] == pytest.approx(list(GLOSHAUGEN))


@pytest.mark.parametrize("who", ["anonymous", "stranger"])
def test_others_cannot_create(api_client: APIClient, who: str) -> None:
    _, publisher = publisher_admin()
    if who == "stranger":
        api_client.force_authenticate(UserFactory.create())

    response = api_client.post(URL, draft_payload(publisher.slug), format="json")

    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"trl_min": 8, "trl_max": 3}, "trl_max"),
        ({"deadline": None}, "deadline"),
        ({"call_type": "lottery"}, "call_type"),
        ({"sdgs": [18]}, "sdgs[0]"),
    ],
)
def test_bad_input_is_a_problem(
    api_client: APIClient, change: dict[str, Any], field: str
) -> None:
    admin, publisher = publisher_admin()
    api_client.force_authenticate(admin)

    response = api_client.post(
        URL, draft_payload(publisher.slug, **change), format="json"
    )

    assert response.status_code == 400
    fields = [error["field"] for error in response.json()["errors"]]
    assert any(name.startswith(field.split("[")[0]) for name in fields), fields
    assert not Opportunity.objects.exists()


def test_admin_publishes_once_with_an_outbox_record(api_client: APIClient) -> None:
    admin, publisher = publisher_admin()
    draft = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )
    api_client.force_authenticate(admin)

    first = api_client.post(f"{URL}{draft.slug}/publish/")
    second = api_client.post(f"{URL}{draft.slug}/publish/")

    assert first.status_code == 200, first.content
    assert first.json()["status"] == "published"
    assert second.status_code == 409  # not from here: the allowed actions say why
    assert second.json()["allowed"] == ["close"]
    assert OutboxEvent.objects.filter(opportunity=draft).count() == 1


def test_strangers_cannot_publish_but_moderators_can(api_client: APIClient) -> None:
    draft = OpportunityFactory.create(
        status=Opportunity.Status.DRAFT, published_at=None
    )
    moderator = UserFactory.create()
    moderator.groups.add(Group.objects.get_or_create(name="moderators")[0])

    api_client.force_authenticate(UserFactory.create())
    refused = api_client.post(f"{URL}{draft.slug}/publish/")
    api_client.force_authenticate(moderator)
    seen = api_client.get(f"{URL}{draft.slug}/")
    published = api_client.post(f"{URL}{draft.slug}/publish/")

    assert refused.status_code == 404  # a draft is invisible to strangers
    assert seen.status_code == 200
    assert published.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Opportunity.Status.PUBLISHED


def test_member_of_another_organisation_cannot_publish(api_client: APIClient) -> None:
    admin, _ = publisher_admin()
    opportunity = OpportunityFactory.create(
        status=Opportunity.Status.DRAFT, published_at=None
    )
    api_client.force_authenticate(admin)

    response = api_client.post(f"{URL}{opportunity.slug}/publish/")

    assert response.status_code == 404
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.DRAFT


def test_close_past_deadline() -> None:
    from pilots.services.opportunities import opportunities_close_past_deadline

    due = OpportunityFactory.create(deadline=timezone.now() - timedelta(minutes=1))
    later = OpportunityFactory.create()

    assert opportunities_close_past_deadline() == 1
    due.refresh_from_db()
    later.refresh_from_db()
    assert due.status == Opportunity.Status.CLOSED
    assert later.status == Opportunity.Status.PUBLISHED


def test_csv_format(api_client: APIClient) -> None:
    opportunity = OpportunityFactory.create(title="Harbour call")

    response = api_client.get(URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "slug" in text.splitlines()[0]
    assert opportunity.slug in text


def test_admin_edits_a_draft_and_strangers_cannot(api_client: APIClient) -> None:
    admin, publisher = publisher_admin()
    draft = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )
    moderator_free_user = UserFactory.create()

    api_client.force_authenticate(moderator_free_user)
    refused = api_client.patch(f"{URL}{draft.slug}/", {"title": "x"}, format="json")
    api_client.force_authenticate(admin)
    changed = api_client.patch(
        f"{URL}{draft.slug}/",
        {"title": "Better title", "status": "closed"},
        format="json",
    )

    assert refused.status_code == 404
    assert changed.status_code == 200, changed.content
    draft.refresh_from_db()
    assert draft.title == "Better title"
    assert draft.status == Opportunity.Status.DRAFT  # status moves by actions only
