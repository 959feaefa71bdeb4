"""Opportunities on maps: the `opportunities` tile layer and OGC collection."""

import json

import mapbox_vector_tile
import pytest
from django.test import Client

from geo.tiles import tile_containing
from pilots.models import Opportunity
from tests.factories import GLOSHAUGEN
from tests.pilots.notifications.factories import OpportunityFactory

pytestmark = pytest.mark.django_db
Z = 14
X, Y = tile_containing(*GLOSHAUGEN, Z)


def test_tiles_show_public_opportunities_only(client: Client) -> None:
    published = OpportunityFactory.create(is_example=True)
    OpportunityFactory.create(status=Opportunity.Status.DRAFT, title="Secret draft")

    tilejson = client.get("/tiles/opportunities.json")
    tile = client.get(f"/tiles/opportunities/{Z}/{X}/{Y}.mvt")

    assert tilejson.status_code == 200
    assert tilejson.json()["vector_layers"][0]["id"] == "opportunities"
    assert tile.status_code == 200
    layer = mapbox_vector_tile.decode(tile.content)["opportunities"]
    names = [feature["properties"]["name"] for feature in layer["features"]]
    assert names == [published.title]
    assert layer["features"][0]["properties"]["slug"] == published.slug


def test_tiles_take_the_list_filters(client: Client) -> None:
    OpportunityFactory.create(sectors=["energy"])

    mobility = client.get(f"/tiles/opportunities/{Z}/{X}/{Y}.mvt?sector=mobility")

    assert mobility.status_code in (200, 204)
    if mobility.status_code == 200:
        decoded = mapbox_vector_tile.decode(mobility.content)
        assert not decoded.get("opportunities", {}).get("features")


def test_ogc_collection_serves_public_opportunities(client: Client) -> None:
    published = OpportunityFactory.create()
    OpportunityFactory.create(status=Opportunity.Status.DRAFT)

    collection = client.get("/ogc/collections/opportunities")
    items = client.get(
        "/ogc/collections/opportunities/items", HTTP_ACCEPT="application/geo+json"
    )

    assert collection.status_code == 200
    assert items.status_code == 200
    features = json.loads(items.content)["features"]
    assert [feature["id"] for feature in features] == [published.slug]
    assert features[0]["geometry"]["type"] == "MultiPolygon"
