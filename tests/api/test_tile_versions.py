"""Tile versions come from the shared cache: a tile is one statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.tiles.cache import forget_tiles
from api.tiles.layers import SITES
from api.tiles.versions import forget_layer_versions, layer_version
from pilots.models import Site
from tests.api.tile_support import tile_url
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_a_tile_is_one_statement_once_the_version_is_cached(client):
    SiteFactory.create()
    client.get(tile_url("sites"))  # computes and caches the version
    forget_tiles()  # but renders the tile again (api.tiles.cache)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(tile_url("sites"))

    assert response.status_code == 200
    assert len(queries) == 1
    assert "ST_AsMVT" in queries[0]["sql"]


def test_a_revalidated_tile_costs_no_statement(client):
    SiteFactory.create()
    first = client.get(tile_url("sites"))

    with CaptureQueriesContext(connection) as queries:
        again = client.get(tile_url("sites"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert len(queries) == 0


def test_a_save_drops_the_cached_version():
    site = SiteFactory.create(name="Before")
    before = layer_version(SITES)

    site.name = "After"
    site.save()

    assert layer_version(SITES) != before


def test_writes_without_signals_show_in_tilejson_at_once(client):
    SiteFactory.create()
    cached = layer_version(SITES)
    # No signal: the cache is stale.
    Site.objects.update(name="Renamed in bulk", updated_at=timezone.now())

    assert layer_version(SITES) == cached
    tilejson = client.get("/tiles/sites.json").json()

    assert f"v={cached}" not in tilejson["tiles"][0]
    assert layer_version(SITES) != cached  # TileJSON stored the fresh one


def test_forgetting_twice_is_harmless():
    forget_layer_versions()
    forget_layer_versions()

    assert layer_version(SITES) == SITES.version()
