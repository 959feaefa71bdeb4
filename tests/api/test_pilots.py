import json

import pytest

from pilots.models import PilotProject
from tests.api.catalogue_support import error_fields, slugs
from tests.factories import PilotProjectFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db

POINT = {"type": "Point", "coordinates": [10.4025, 63.4190]}
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[10.40, 63.41], [10.41, 63.41], [10.41, 63.42], [10.40, 63.42], [10.40, 63.41]]
    ],
}


def post(api_client, body):
    return api_client.post(
        "/api/v1/pilots/", json.dumps(body), content_type="application/json"
    )


def test_anonymous_sees_only_public_pilots(api_client):
    for status in PilotProject.Status.values:
        PilotProjectFactory(slug=status, status=status)

    listed = slugs(api_client.get("/api/v1/pilots/"))
    geojson = slugs(api_client.get("/api/v1/pilots/?format=geojson"))

    assert sorted(listed) == ["active", "completed", "published"]
    assert sorted(geojson) == sorted(listed)
    assert api_client.get("/api/v1/pilots/draft/").status_code == 404
    assert api_client.get("/api/v1/pilots/draft/?format=geojson").status_code == 404


def test_owner_also_sees_own_drafts(api_client):
    owner = UserFactory()
    PilotProjectFactory(slug="mine", owner=owner, status="draft")
    PilotProjectFactory(slug="theirs", status="draft")
    api_client.force_authenticate(owner)

    assert slugs(api_client.get("/api/v1/pilots/")) == ["mine"]
    assert api_client.get("/api/v1/pilots/theirs/").status_code == 404


def test_create_sets_owner_promotes_area_and_derives_zone(api_client, zones):
    owner = UserFactory.create(username="pia")
    site = SiteFactory(slug="lab")
    api_client.force_authenticate(owner)

    response = post(
        api_client,
        {
            "slug": "p1",
            "title": "Pilot",
            "area": SQUARE,
            "sites": [site.slug],
            "planned_start": "2026-01-01",
            "planned_end": "2026-06-30",
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["owner"] == f"Registry member #{owner.pk}"
    assert body["area"]["type"] == "MultiPolygon"
    assert body["sites"] == ["lab"]
    assert body["zone"] is not None
    assert PilotProject.objects.get(slug="p1").owner == owner


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "p", "title": "No place"}, "location"),
        (
            {
                "slug": "p",
                "title": "Backwards",
                "location": POINT,
                "planned_start": "2026-06-01",
                "planned_end": "2026-01-01",
            },
            "planned_end",
        ),
        ({"slug": "p", "title": "T", "location": POINT, "trl": 10}, "trl"),
        ({"slug": "p", "title": "T", "location": SQUARE}, "location"),
        ({"slug": "p", "title": "T", "location": POINT, "sites": ["none"]}, "sites"),
    ],
)
def test_invalid_pilot_is_a_400_that_writes_nothing(api_client, body, field):
    api_client.force_authenticate(UserFactory())

    response = post(api_client, body)

    assert response.status_code == 400
    fields = error_fields(response)
    assert any(name.startswith(field) for name in fields), fields
    assert not PilotProject.objects.exists()


def test_too_many_vertices_is_refused(api_client):
    api_client.force_authenticate(UserFactory())
    ring = [[10.0 + i * 1e-5, 63.0] for i in range(10_001)]
    ring += [[10.0, 63.001], ring[0]]

    response = post(
        api_client,
        {
            "slug": "p",
            "title": "Huge",
            "area": {"type": "Polygon", "coordinates": [ring]},
        },
    )

    assert response.status_code == 400
    assert any(field.startswith("area") for field in error_fields(response))
    assert not PilotProject.objects.exists()


def test_only_the_owner_may_change_a_pilot(api_client):
    PilotProjectFactory(slug="p", title="Original")
    api_client.force_authenticate(UserFactory())

    response = api_client.patch("/api/v1/pilots/p/", {"title": "Hijacked"})

    assert response.status_code == 403
    assert PilotProject.objects.get(slug="p").title == "Original"


def test_owner_updates_and_deletes(api_client):
    owner = UserFactory()
    PilotProjectFactory(slug="p", owner=owner, status="draft")  # editable (issue 5)
    api_client.force_authenticate(owner)

    patched = api_client.patch(
        "/api/v1/pilots/p/",
        json.dumps({"title": "Renamed"}),
        content_type="application/json",
    )
    deleted = api_client.delete("/api/v1/pilots/p/")

    assert patched.json()["title"] == "Renamed"
    assert deleted.status_code == 204
    assert not PilotProject.objects.exists()
