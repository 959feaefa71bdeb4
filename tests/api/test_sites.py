import json

import pytest

from geo.models import Zone
from pilots.models import Site
from tests.api.catalogue_support import error_fields, sectors
from tests.factories import OrganizationFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db

GLOSHAUGEN_POINT = {"type": "Point", "coordinates": [10.4025, 63.4190]}


@pytest.fixture
def editor(api_client):
    user = UserFactory(is_superuser=True)  # manages every organisation (issue 5)
    api_client.force_authenticate(user)
    return user


def site_body(**overrides):
    body = {
        "slug": "new-lab",
        "kind": "shared_lab",
        "name": "New lab",
        "name_no": "Nytt lab",
        "host": OrganizationFactory(slug="ntnu").slug,
        "sectors": ["energy"],
        "sdgs": [7, 9],
        "trl_min": 3,
        "trl_max": 6,
        "location": GLOSHAUGEN_POINT,
    }
    body.update(overrides)
    return body


def post(api_client, body):
    return api_client.post(
        "/api/v1/sites/", json.dumps(body), content_type="application/json"
    )


def test_list_and_detail_for_everyone(api_client):
    SiteFactory(slug="lab", name="Lab")

    listed = api_client.get("/api/v1/sites/")
    detail = api_client.get("/api/v1/sites/lab/")

    assert listed.status_code == 200
    assert [row["slug"] for row in listed.json()["results"]] == ["lab"]
    assert detail.json()["name"] == "Lab"
    assert detail.json()["location"]["type"] == "Point"


def test_create_derives_the_zone(api_client, zones, editor):
    sectors("energy")

    response = post(api_client, site_body())

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["zone"] == "gloshaugen"
    assert body["location"] == GLOSHAUGEN_POINT
    assert Site.objects.filter(slug="new-lab", zone__slug="gloshaugen").exists()


def test_zone_is_not_writable(api_client, zones, editor):
    sectors("energy")

    response = post(api_client, site_body(zone="oya"))

    assert response.status_code == 201
    assert response.json()["zone"] == "gloshaugen"


def test_anonymous_cannot_write(api_client):
    response = post(api_client, site_body())

    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"
    assert not Site.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"location": {"type": "Point", "coordinates": [200, 63]}}, "location"),
        ({"location": {"type": "Polygon", "coordinates": []}}, "location"),
        ({"location": "POINT(10 63)"}, "location"),
        ({"trl_min": 7, "trl_max": 3}, "trl_max"),
        ({"trl_min": 0}, "trl_min"),
        ({"sdgs": [18]}, "sdgs"),
        ({"sectors": ["astrology"]}, "sectors"),
        ({"host": "nobody"}, "host"),
    ],
)
def test_invalid_site_is_a_400_that_writes_nothing(
    api_client, zones, editor, overrides, field
):
    sectors("energy")

    response = post(api_client, site_body(**overrides))

    assert response.status_code == 400
    assert any(name.startswith(field) for name in error_fields(response)), (
        response.json()
    )
    assert not Site.objects.exists()


def test_geometry_error_names_the_path_inside_the_value(api_client, zones, editor):
    sectors("energy")
    bowtie = {
        "type": "Polygon",
        "coordinates": [
            [
                [10.40, 63.41],
                [10.42, 63.43],
                [10.42, 63.41],
                [10.40, 63.43],
                [10.40, 63.41],
            ]
        ],
    }

    response = post(api_client, site_body(footprint=bowtie))

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"].startswith("footprint")
    assert "Self-intersection" in error["message"]
    assert not Site.objects.exists()


def test_out_of_range_coordinate_names_its_position(api_client, editor):
    sectors("energy")

    response = post(
        api_client, site_body(location={"type": "Point", "coordinates": [10.4, 95]})
    )

    fields = error_fields(response)
    assert any(name.startswith("location.coordinates") for name in fields), fields


def test_duplicate_slug_is_a_400(api_client, zones, editor):
    sectors("energy")
    SiteFactory(slug="new-lab")

    response = post(api_client, site_body())

    assert response.status_code == 400
    assert error_fields(response) == {"slug"}
    assert Site.objects.count() == 1


def test_update_moves_the_site_and_its_zone(api_client, zones, editor):
    SiteFactory(slug="lab")
    inside_oya = Zone.objects.get(slug="oya").area.point_on_surface
    oya = {"type": "Point", "coordinates": [inside_oya.x, inside_oya.y]}

    response = api_client.patch(
        "/api/v1/sites/lab/",
        json.dumps({"location": oya, "name": "Moved"}),
        content_type="application/json",
    )

    assert response.status_code == 200, response.content
    assert Site.objects.filter(slug="lab", name="Moved", zone__slug="oya").exists()
    assert response.json()["zone"] == "oya"


def test_delete(api_client, editor):
    SiteFactory(slug="lab")

    response = api_client.delete("/api/v1/sites/lab/")

    assert response.status_code == 204
    assert not Site.objects.filter(slug="lab").exists()
