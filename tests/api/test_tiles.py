"""Vector tiles and TileJSON: built by PostGIS, filtered like the lists, versioned."""

import json
import math
import subprocess
from pathlib import Path

import mapbox_vector_tile
import pytest
import yaml
from django.contrib.gis.geos import MultiPolygon
from django.db import connection

from api.tile_layers import PILOTS, SITES, TILE_LAYERS
from geo.tiles import EXTENT, tile_containing, tile_query
from pilots.models import PilotProject, Site
from pilots.services.sites import site_update
from tests.api.catalogue_support import point_at
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MVT = "application/vnd.mapbox-vector-tile"
Z = 12
X, Y = tile_containing(*GLOSHAUGEN, Z)


def tile_url(layer: str, z: int = Z, x: int = X, y: int = Y, query: str = "") -> str:
    return f"/tiles/{layer}/{z}/{x}/{y}.mvt" + (f"?{query}" if query else "")


def decoded(response) -> dict:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == MVT
    return mapbox_vector_tile.decode(response.content)


def features(response, layer: str) -> dict[str, dict]:
    """The tile's features of `layer` by name, with `mvt_id` added."""
    layers = decoded(response)
    return {
        feature["properties"]["name"]: {
            **feature["properties"],
            "mvt_id": feature["id"],
        }
        for feature in layers.get(layer, {"features": []})["features"]
    }


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


def test_tilejson_describes_the_layer(client):
    SiteFactory.create(location=point_at(*GLOSHAUGEN, metres=0, azimuth_deg=0))
    SiteFactory.create(location=point_at(*GLOSHAUGEN, metres=2000, azimuth_deg=45))

    response = client.get("/tiles/sites.json?kind=test_arena")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["tilejson"] == "3.0.0"
    [url] = document["tiles"]
    version = client.get(tile_url("sites"))["ETag"].strip('"')
    assert url == (
        "http://testserver/tiles/sites/{z}/{x}/{y}.mvt"
        f"?kind=test_arena&v={version}"
    )
    west, south, east, north = document["bounds"]
    assert west == pytest.approx(GLOSHAUGEN[0], abs=1e-6)
    assert south == pytest.approx(GLOSHAUGEN[1], abs=1e-6)
    assert east > GLOSHAUGEN[0]
    assert north > GLOSHAUGEN[1]
    assert document["minzoom"] < document["maxzoom"]
    [layer] = document["vector_layers"]
    assert layer["id"] == "sites"
    assert set(layer["fields"]) == set(SITES.attributes)
    assert all(layer["fields"].values())


def test_tilejson_tiles_url_is_served_with_a_long_cache(client):
    SiteFactory.create()
    template = client.get("/tiles/sites.json").json()["tiles"][0]
    url = template.removeprefix("http://testserver").format(z=Z, x=X, y=Y)

    response = client.get(url)

    assert response.status_code == 200
    assert "max-age=86400" in response["Cache-Control"]
    stale = client.get(tile_url("sites", query="v=old"))
    assert "no-cache" in stale["Cache-Control"]


def test_tilejson_of_a_filter_with_no_rows_has_world_bounds(client):
    response = client.get("/tiles/sites.json?sector=nothing-here")

    assert response.json()["bounds"] == [-180.0, -85.051129, 180.0, 85.051129]


def test_tilejson_revalidates_and_rejects_bad_filters(client):
    SiteFactory.create()
    first = client.get("/tiles/sites.json")

    assert (
        client.get("/tiles/sites.json", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
    bad = client.get("/tiles/sites.json?bbox=1,2,3")
    assert bad.status_code == 400
    assert [error["field"] for error in bad.json()["errors"]] == ["bbox"]


@pytest.mark.parametrize("layer", sorted(TILE_LAYERS))
def test_every_layer_has_tilejson_and_tiles(client, layer):
    document = client.get(f"/tiles/{layer}.json").json()

    assert document["vector_layers"][0]["id"] == layer
    assert client.get(tile_url(layer)).status_code in (200, 204)


def test_tile_is_one_statement_whatever_the_row_count(
    client, django_assert_num_queries
):
    for index in range(40):
        SiteFactory.create(
            location=point_at(*GLOSHAUGEN, metres=10 * index, azimuth_deg=0)
        )

    # the layer's version, then the tile itself
    with django_assert_num_queries(2):
        response = client.get(tile_url("sites"))

    assert len(decoded(response)["sites"]["features"]) == 40


def gist_indexes(table: str, column: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s "
            "AND indexdef LIKE %s",
            [table, f"%USING gist ({column})"],
        )
        return {row[0] for row in cursor.fetchall()}


def plan_of(layer, queryset) -> str:
    sql, params = tile_query(queryset, layer.spec, layer=layer.name, z=Z, x=X, y=Y)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_tile_query_finds_rows_through_the_spatial_index():
    plan = plan_of(SITES, SITES.rows())

    [index] = gist_indexes("pilots_site", "location")
    assert (
        f"Index Scan using {index}" in plan or f"Bitmap Index Scan on {index}" in plan
    )
    assert "&&" in plan


def test_pilot_tile_query_uses_the_point_and_the_area_index():
    plan = plan_of(PILOTS, PILOTS.rows())

    for column in ("location", "area"):
        [index] = gist_indexes("pilots_pilotproject", column)
        assert index in plan, plan


def test_tile_routes_are_in_the_openapi_schema(client):
    document = yaml.safe_load(client.get("/api/schema/").content)

    for layer in TILE_LAYERS:
        operation = document["paths"][f"/tiles/{layer}/{{z}}/{{x}}/{{y}}.mvt"]["get"]
        assert MVT in operation["responses"]["200"]["content"]
        assert {"z", "x", "y"} <= {p["name"] for p in operation["parameters"]}
        assert f"/tiles/{layer}.json" in document["paths"]
    site_tile = document["paths"]["/tiles/sites/{z}/{x}/{y}.mvt"]["get"]
    assert {"kind", "sector", "bbox"} <= {p["name"] for p in site_tile["parameters"]}


# GDAL's own MVT driver reads what we serve.


def ogr_geojson(path: Path, z: int, x: int, y: int) -> dict:
    result = subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "GeoJSON",
            "/vsistdout/",
            str(path),
            "-t_srs",
            "EPSG:4326",
            "-oo",
            f"Z={z}",
            "-oo",
            f"X={x}",
            "-oo",
            f"Y={y}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


def tile_centre(z: int, x: int, y: int) -> tuple[float, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform("
            "ST_Centroid(ST_TileEnvelope(%s, %s, %s)), 4326) AS p) q",
            [z, x, y],
        )
        return cursor.fetchone()


def test_gdal_mvt_driver_decodes_a_site_tile(client, tmp_path):
    z = 16
    x, y = tile_containing(*GLOSHAUGEN, z)
    centre = tile_centre(z, x, y)
    expected = {
        "Arena": point_at(*centre, metres=0, azimuth_deg=0),
        "Lab": point_at(*centre, metres=80, azimuth_deg=200),
    }
    for name, location in expected.items():
        SiteFactory.create(name=name, location=location, sectors=["energy"])
    path = tmp_path / "sites.mvt"
    path.write_bytes(client.get(tile_url("sites", z=z, x=x, y=y)).content)

    collection = ogr_geojson(path, z, x, y)

    found = {f["properties"]["name"]: f for f in collection["features"]}
    assert set(found) == set(expected)
    for name, location in expected.items():
        lon, lat = found[name]["geometry"]["coordinates"]
        # one tile unit at z16 is 0.07 m here; allow half a metre
        assert abs(lon - location.x) * 111_320 * math.cos(math.radians(lat)) < 0.5
        assert abs(lat - location.y) * 111_320 < 0.5
        assert found[name]["properties"]["sectors"] == "energy"
        assert found[name]["properties"]["kind"] == "test_arena"


def test_gdal_mvt_driver_decodes_the_zones(client, zones, tmp_path):
    path = tmp_path / "zones.mvt"
    path.write_bytes(client.get(tile_url("zones")).content)

    collection = ogr_geojson(path, Z, X, Y)

    assert len(collection["features"]) == zones
    assert {f["geometry"]["type"] for f in collection["features"]} <= {
        "Polygon",
        "MultiPolygon",
    }


def test_other_filters_are_other_etags(client):
    """MapLibre keeps a refetched tile whose ETag it already has."""
    SiteFactory.create()

    etags = {
        client.get(tile_url("sites", query=query))["ETag"]
        for query in ("", "kind=shared_lab", "kind=test_arena", "v=x&kind=test_arena")
    }

    assert len(etags) == 3
