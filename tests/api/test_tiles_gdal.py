"""GDAL's own MVT driver reads what we serve."""

import json
import math
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from geo.tiles import tile_containing
from tests.api.catalogue_support import point_at
from tests.api.tile_support import X, Y, Z, tile_url
from tests.factories import (
    GLOSHAUGEN,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


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
