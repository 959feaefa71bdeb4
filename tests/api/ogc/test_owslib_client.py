"""OWSLib's OGC API - Features client reads a live server: the landing page,
conformance, collections, items with a bbox and a limit, one item, queryables."""

import pytest
from owslib.ogcapi.features import Features

from .conftest import build_district

# Gløshaugen and Øya, not Sluppen (south of 63.41).
BOX = [10.38, 63.41, 10.41, 63.43]


@pytest.fixture
def api(transactional_db, zones, live_server) -> Features:
    build_district()
    return Features(f"{live_server.url}/ogc", timeout=60)


def test_owslib_lists_collections_and_conformance(api):
    assert api.conformance()["conformsTo"]
    assert set(api.feature_collections()) >= {"sites", "pilots", "zones"}
    assert api.collection("sites")["id"] == "sites"


def test_owslib_reads_items_within_a_bbox(api):
    page = api.collection_items("sites", bbox=BOX, limit=10)

    assert page["type"] == "FeatureCollection"
    assert sorted(feature["id"] for feature in page["features"]) == [
        "gloshaugen-arena",
        "oya-lab",
    ]
    assert page["numberMatched"] == 2


def test_owslib_reads_one_item_and_the_queryables(api):
    item = api.collection_item("sites", "oya-lab")
    queryables = api.collection_queryables("sites")

    assert item["geometry"]["coordinates"] == [10.389, 63.4205]
    assert queryables["properties"]["trl_min"]["type"] == "integer"
