"""The items resource names its Queryables in a Link header (OGC API - Features
Part 3, abstract test /conf/queryables/get-queryables-uris: a HEAD of the
filterable resource finds rel `.../ogc/1.0/queryables`), beside self/next/prev
with their media types, as in the body."""

import pytest
from requests.utils import parse_header_links

from tests.factories import SiteFactory

from .conftest import OGC

pytestmark = pytest.mark.django_db

QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables"


def header_links(response) -> dict[str, dict[str, str]]:
    return {each["rel"]: each for each in parse_header_links(response["Link"])}


@pytest.mark.parametrize("method", ["head", "get"])
def test_items_link_header_names_the_queryables(client, method):
    SiteFactory.create_batch(2)
    items = f"{OGC}/collections/sites/items?limit=1"

    response = getattr(client, method)(items, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    links = header_links(response)
    assert links[QUERYABLES]["url"] == (
        f"http://testserver{OGC}/collections/sites/queryables"
    )
    assert links[QUERYABLES]["type"] == "application/schema+json"
    assert links["self"]["type"] == "application/geo+json"
    assert links["next"]["url"].endswith("limit=1&offset=1")


def test_header_and_body_carry_the_same_links(client):
    SiteFactory.create_batch(3)

    response = client.get(f"{OGC}/collections/sites/items?limit=1&offset=1")

    in_body = {each["rel"]: each["href"] for each in response.json()["links"]}
    in_header = {rel: each["url"] for rel, each in header_links(response).items()}
    assert in_header == in_body
    assert {"self", "next", "prev", QUERYABLES} <= set(in_header)


def test_queryables_link_follows_to_the_queryables(client):
    response = client.get(f"{OGC}/collections/pilots/items")

    queryables = client.get(header_links(response)[QUERYABLES]["url"])

    assert queryables.status_code == 200
    assert queryables.json()["$id"] == header_links(response)[QUERYABLES]["url"]
