"""GDAL types every field from the collection's schema (`describedby`), so a
property null on every feature is still an Integer, not a String; OGC routes
answer 405 with Allow, accept a trailing slash, and geometries in another CRS
carry no legacy `crs` member."""

import json
import subprocess

import pytest

from tests.factories import SiteFactory

from .conftest import OGC, body

pytestmark = pytest.mark.django_db


def test_gdal_types_all_null_fields_from_the_schema(transactional_db, live_server):
    SiteFactory.create_batch(3, trl_min=None, trl_max=None)

    result = subprocess.run(
        ["ogrinfo", "-ro", "-so", f"OAPIF:{live_server.url}/ogc", "sites"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "trl_min: Integer" in result.stdout, result.stdout
    assert "updated_at: DateTime" in result.stdout, result.stdout


def test_the_schema_types_every_property(client):
    response = client.get(f"{OGC}/collections/sites/schema")

    assert response["Content-Type"] == "application/schema+json"
    properties = body(response)["properties"]
    assert properties["trl_min"]["type"] == "integer"
    assert properties["sectors"] == {"type": "array", "items": {"type": "string"}}
    assert properties["website"]["type"] == "string"
    assert properties["updated_at"]["format"] == "date-time"
    links = body(client.get(f"{OGC}/collections/sites"))["links"]
    described = [each for each in links if each["rel"] == "describedby"]
    assert described[0]["href"].endswith("/ogc/collections/sites/schema")


@pytest.mark.parametrize(
    "url", [f"{OGC}/collections", f"{OGC}/collections/sites/items", f"{OGC}/api"]
)
def test_unsupported_methods_are_405_with_allow(client, url):
    response = client.post(url)

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize(
    "url",
    [
        f"{OGC}/conformance/",
        f"{OGC}/collections/",
        f"{OGC}/collections/sites/",
        f"{OGC}/collections/sites/items/",
        f"{OGC}/collections/sites/queryables/",
    ],
)
def test_a_trailing_slash_is_the_same_resource(client, url):
    SiteFactory.create()

    response = client.get(url)

    assert response.status_code == 200


def test_projected_geometries_have_no_crs_member(client):
    SiteFactory.create(slug="lab")
    crs = "http://www.opengis.net/def/crs/EPSG/0/25832"

    response = client.get(f"{OGC}/collections/sites/items", {"crs": crs})
    single = client.get(f"{OGC}/collections/sites/items/lab", {"crs": crs})

    [feature] = body(response)["features"]
    assert set(feature["geometry"]) == {"type", "coordinates"}
    assert set(json.loads(single.content)["geometry"]) == {"type", "coordinates"}
    assert response["Content-Crs"] == f"<{crs}>"
