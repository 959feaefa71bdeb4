"""Vector tiles: built by PostGIS, filtered like the lists, versioned."""

import math

import pytest
from django.contrib.gis.geos import MultiPolygon
from django.db import connection

from geo.tiles import EXTENT, tile_containing
from pilots.models import PilotProject, Site
from pilots.services.sites import site_update
from tests.api.catalogue_support import point_at
from tests.api.tile_support import MVT, X, Y, Z, decoded, features, tile_url
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_tile_maths_agrees_with_postgis():
    for z in (0, 5, 12, 16, 22):
        x, y = tile_containing(*GLOSHAUGEN, z)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ST_Contains(ST_TileEnvelope(%s, %s, %s), ST_Transform("
                "ST_SetSRID(ST_MakePoint(%s, %s), 4326), 3857))",
                [z, x, y, *GLOSHAUGEN],
            )
            assert cursor.fetchone()[0], (z, x, y)


def test_site_tile_has_small_attributes_and_the_detail_url(client):
    host = OrganizationFactory.create(name="NTNU")
    site = SiteFactory.create(
        name="Gløshaugen lab",
        kind=Site.Kind.SHARED_LAB,
        host=host,
        sectors=["energy", "mobility"],
        status=Site.Status.OPERATIONAL,
    )

    response = client.get(tile_url("sites"))

    layers = decoded(response)
    assert list(layers) == ["sites"]
    assert layers["sites"]["extent"] == EXTENT
    [feature] = layers["sites"]["features"]
    assert feature["id"] == site.pk
    assert feature["properties"] == {
        "id": site.pk,
        "slug": site.slug,
        "name": "Gløshaugen lab",
        "kind": "shared_lab",
        "status": "operational",
        "sectors": "energy,mobility",
        "host": "NTNU",
        "detail_url": f"/api/v1/sites/{site.slug}/",
    }
    detail = client.get(feature["properties"]["detail_url"])
    assert detail.status_code == 200
    assert detail.json()["slug"] == site.slug


def test_tile_headers(client):
    SiteFactory.create()

    response = client.get(tile_url("sites"))

    assert response["Content-Type"] == MVT
    assert response["ETag"].startswith('"')
    assert "no-cache" in response["Cache-Control"]


def test_point_lands_where_the_site_is(client):
    SiteFactory.create(name="Here")

    layers = decoded(client.get(tile_url("sites")))

    [feature] = layers["sites"]["features"]
    px, py = feature["geometry"]["coordinates"]  # y up, 0..4096 in the tile
    n = 2**Z
    lon = (X + px / EXTENT) / n * 360 - 180
    mercator_y = math.pi * (1 - 2 * (Y + 1 - py / EXTENT) / n)
    lat = math.degrees(math.atan(math.sinh(mercator_y)))
    metres_per_unit = 40075016.7 / n / EXTENT
    assert abs(lon - GLOSHAUGEN[0]) * 111_320 * math.cos(math.radians(lat)) < (
        metres_per_unit
    )
    assert abs(lat - GLOSHAUGEN[1]) * 111_320 < metres_per_unit


def test_list_filters_apply_to_tiles(client):
    SiteFactory.create(name="Arena", kind=Site.Kind.TEST_ARENA, sectors=["mobility"])
    SiteFactory.create(
        name="Lab",
        kind=Site.Kind.SHARED_LAB,
        sectors=["health"],
        location=point_at(*GLOSHAUGEN, metres=150, azimuth_deg=90),
    )

    assert set(
        features(client.get(tile_url("sites", query="kind=shared_lab")), "sites")
    ) == {"Lab"}
    assert set(
        features(client.get(tile_url("sites", query="sector=mobility")), "sites")
    ) == {"Arena"}
    assert set(features(client.get(tile_url("sites", query="q=lab")), "sites")) == {
        "Lab"
    }
    near = f"near={GLOSHAUGEN[0]},{GLOSHAUGEN[1]}&radius=100"
    assert set(features(client.get(tile_url("sites", query=near)), "sites")) == {
        "Arena"
    }
    both = client.get(
        tile_url("sites", query="kind=test_arena,shared_lab&ordering=-name")
    )
    assert set(features(both, "sites")) == {"Arena", "Lab"}


def test_a_bad_filter_is_a_400_problem_naming_it(client):
    response = client.get(tile_url("sites", query="kind=castle"))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == ["kind"]


def test_pilot_tile_shows_public_pilots_only(client):
    lead = OrganizationFactory.create(name="SINTEF")
    published = PilotProjectFactory.create(
        title="Published pilot", lead_organization=lead, sectors=["energy"]
    )
    PilotProjectFactory.create(title="Draft pilot", status=PilotProject.Status.DRAFT)
    client.force_login(UserFactory.create())  # signed in or not, tiles show public rows

    found = features(client.get(tile_url("pilots")), "pilots")

    assert set(found) == {"Published pilot"}
    assert found["Published pilot"]["host"] == "SINTEF"
    assert found["Published pilot"]["kind"] == "pilot"
    assert found["Published pilot"]["detail_url"] == f"/api/v1/pilots/{published.slug}/"


def test_pilot_with_an_area_is_drawn_as_its_area(client):
    area = point_at(*GLOSHAUGEN, metres=0, azimuth_deg=0).buffer(0.002)
    PilotProjectFactory.create(title="Area pilot", area=MultiPolygon(area, srid=4326))

    layers = decoded(client.get(tile_url("pilots")))

    [feature] = layers["pilots"]["features"]
    assert feature["geometry"]["type"] == "Polygon"


def test_zone_tile_has_every_zone_of_the_district(client, zones):
    found = features(client.get(tile_url("zones")), "zones")

    assert len(found) == zones == 5
    assert {row["detail_url"] for row in found.values()} == {
        f"/api/v1/zones/{row['slug']}/" for row in found.values()
    }


def test_empty_tile_is_204(client):
    SiteFactory.create()

    response = client.get(tile_url("sites", z=12, x=0, y=0))

    assert response.status_code == 204
    assert response.content == b""
    assert "ETag" in response


@pytest.mark.parametrize(
    ("z", "x", "y", "field"),
    [
        (23, 0, 0, "z"),
        (-1, 0, 0, "z"),
        (3, 8, 0, "x"),
        (3, -1, 0, "x"),
        (3, 0, 8, "y"),
        (0, 0, 1, "y"),
        (12, 999999999999, 0, "x"),
    ],
)
def test_out_of_range_tile_is_a_400_problem(client, z, x, y, field):
    response = client.get(tile_url("sites", z=z, x=x, y=y))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == [field]


def test_deepest_zoom_is_served(client):
    SiteFactory.create()
    x, y = tile_containing(*GLOSHAUGEN, 22)

    assert client.get(tile_url("sites", z=22, x=x, y=y)).status_code == 200


def test_unknown_layer_is_a_404_problem(client):
    response = client.get("/tiles/castles/1/0/0.mvt")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_if_none_match_gives_304_until_a_write(client):
    site = SiteFactory.create(name="Before")
    first = client.get(tile_url("sites"))

    unchanged = client.get(tile_url("sites"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    site_update(site=site, actor=None, name="After")
    edited = client.get(tile_url("sites"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert edited.status_code == 200
    assert edited["ETag"] != first["ETag"]
    assert set(features(edited, "sites")) == {"After"}


def test_delete_and_host_rename_change_the_version(client):
    host = OrganizationFactory.create(name="Old name")
    SiteFactory.create(host=host)
    doomed = SiteFactory.create()
    versions = [client.get(tile_url("sites"))["ETag"]]

    doomed.delete()
    versions.append(client.get(tile_url("sites"))["ETag"])
    host.name = "New name"
    host.save()
    after = client.get(tile_url("sites"))
    versions.append(after["ETag"])

    assert len(set(versions)) == 3
    assert [row["host"] for row in features(after, "sites").values()] == ["New name"]


def test_other_filters_are_other_etags(client):
    """MapLibre keeps a refetched tile whose ETag it already has."""
    SiteFactory.create()

    etags = {
        client.get(tile_url("sites", query=query))["ETag"]
        for query in ("", "kind=shared_lab", "kind=test_arena", "v=x&kind=test_arena")
    }

    assert len(etags) == 3
