"""Landing page, OpenAPI document, conformance and collection metadata."""

import pytest
from openapi_spec_validator import validate

from api.ogc.conformance import CONFORMANCE_CLASSES
from geo.crs import CRS84, SUPPORTED_CRS

from .conftest import OGC, body


def test_landing_page_links_to_api_conformance_and_data(client, db):
    response = client.get(OGC)

    assert response.status_code == 200
    links = {link["rel"]: link for link in body(response)["links"]}
    assert links["self"]["href"] == "http://testserver/ogc"
    assert links["service-desc"]["href"] == "http://testserver/ogc/api"
    assert links["service-desc"]["type"].startswith("application/vnd.oai.openapi+json")
    assert links["conformance"]["href"] == "http://testserver/ogc/conformance"
    assert links["data"]["href"] == "http://testserver/ogc/collections"


def test_landing_page_answers_with_a_trailing_slash_too(client, db):
    assert body(client.get(f"{OGC}/"))["links"] == body(client.get(OGC))["links"]


def test_openapi_document_is_valid_openapi_3_and_lists_every_path(client, db):
    response = client.get(f"{OGC}/api")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    document = body(response)
    validate(document)
    assert document["servers"] == [{"url": "http://testserver/ogc"}]
    assert set(document["paths"]) == {
        "/",
        "/api",
        "/conformance",
        "/collections",
        "/collections/{collectionId}",
        "/collections/{collectionId}/queryables",
        "/collections/{collectionId}/items",
        "/collections/{collectionId}/items/{featureId}",
    }
    limit = document["components"]["parameters"]["limit"]["schema"]
    assert limit["maximum"] == 1000


def test_conformance_declares_the_implemented_classes(client, db):
    conforms = body(client.get(f"{OGC}/conformance"))["conformsTo"]

    assert conforms == list(CONFORMANCE_CLASSES)
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in conforms
    assert "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter" in conforms
    # Not implemented, so not declared:
    assert not any(c.endswith("/html") for c in conforms)
    assert not any(c.endswith("/temporal-functions") for c in conforms)


def test_collections_lists_sites_pilots_and_zones(client, district):
    collections = body(client.get(f"{OGC}/collections"))["collections"]

    assert [c["id"] for c in collections] == [
        "sites",
        "pilots",
        "zones",
        "opportunities",
    ]


def test_collection_has_extents_crs_list_and_storage_crs(client, district):
    response = client.get(f"{OGC}/collections/sites")

    collection = body(response)
    assert collection["crs"] == list(SUPPORTED_CRS)
    assert collection["storageCrs"] == CRS84
    west, south, east, north = collection["extent"]["spatial"]["bbox"][0]
    lons = [site.location.x for site in district.sites]
    lats = [site.location.y for site in district.sites]
    assert (west, south, east, north) == pytest.approx(
        (min(lons), min(lats), max(lons), max(lats))
    )
    first, last = collection["extent"]["temporal"]["interval"][0]
    assert first <= last
    rels = {link["rel"] for link in collection["links"]}
    queryables = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
    assert {"self", "items", queryables} <= rels


def test_pilot_extent_covers_only_visible_pilots(client, district):
    collection = body(client.get(f"{OGC}/collections/pilots"))

    west, _south, east, north = collection["extent"]["spatial"]["bbox"][0]
    # The published point and the active pilot's square; the draft (at the
    # factory's default point, further east) is not visible.
    assert west == pytest.approx(10.3900)
    assert east == pytest.approx(10.3950)
    assert north == pytest.approx(63.4300)
    assert (
        collection["extent"]["temporal"]["interval"][0][0]
        == "2025-03-01T00:00:00.000000Z"
    )


def test_unknown_collection_is_a_404_problem(client, db):
    response = client.get(f"{OGC}/collections/unicorns")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "unicorns" in body(response)["detail"]


def test_unknown_format_and_unknown_parameter_are_400_problems(client, db):
    for query in ("f=xml", "colour=blue"):
        response = client.get(f"{OGC}/collections?{query}")
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"


def test_writes_are_refused_with_405_problem(client, db):
    response = client.post(f"{OGC}/collections")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
