"""TileJSON documents and the tile routes in the OpenAPI schema."""

import pytest
import yaml

from api.tiles.layers import SITES, TILE_LAYERS
from tests.api.catalogue_support import point_at
from tests.api.tile_support import MVT, X, Y, Z, tile_url
from tests.factories import (
    GLOSHAUGEN,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


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
