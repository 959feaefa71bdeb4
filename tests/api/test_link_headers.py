"""Pages carry their `next` and `prev` links as an RFC 8288 Link header too, so
clients that page by headers (the OGC test suite, GitHub-style clients) can."""

import json
import re

import pytest
from django.contrib.gis.geos import Point

from tests.api.ogc.conftest import OGC
from tests.api.owner_support import client_for
from tests.factories import SiteFactory, UserFactory
from tests.pilots.notifications.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db

_LINK = re.compile(r'<([^>]*)>;\s*rel="([^"]+)"')


def header_links(response) -> dict[str, str]:
    """rel -> URL of the Link header (empty without one)."""
    return {rel: url for url, rel in _LINK.findall(response.get("Link", ""))}


def three_sites() -> None:
    for number in range(3):
        SiteFactory.create(
            slug=f"site-{number}",
            name=f"Site {number}",
            location=Point(10.40 + number / 1000, 63.42, srid=4326),
        )


def body_links(response) -> dict[str, str | None]:
    body = json.loads(response.content)
    if "links" in body:
        return {each["rel"]: each["href"] for each in body["links"]}
    return {"next": body["next"], "prev": body["previous"]}


@pytest.mark.parametrize("format_", ["json", "geojson", "csv"])
def test_list_pages_link_next_and_prev_in_a_header(api_client, format_):
    three_sites()

    first = api_client.get(f"/api/v1/sites/?format={format_}&limit=1")
    second = api_client.get(header_links(first)["next"])
    last = api_client.get(header_links(second)["next"])

    assert set(header_links(first)) == {"next"}
    assert set(header_links(second)) == {"next", "prev"}
    assert set(header_links(last)) == {"prev"}
    if format_ != "csv":
        assert body_links(second)["next"] == header_links(second)["next"]
        assert body_links(second)["prev"] == header_links(second)["prev"]


def test_a_single_page_has_no_link_header(api_client):
    three_sites()

    response = api_client.get("/api/v1/sites/")

    assert "Link" not in response


def test_lists_of_plain_views_have_the_header():
    user = UserFactory.create()
    SubscriptionFactory.create_batch(2, user=user)

    response = client_for(user).get("/api/v1/subscriptions/?limit=1")

    assert response.status_code == 200
    assert set(header_links(response)) == {"next"}


def test_ogc_items_link_next_and_prev_in_a_header(client):
    three_sites()
    items = f"{OGC}/collections/sites/items"

    first = client.get(f"{items}?limit=1")
    second = client.get(header_links(first)["next"])

    # Besides the pages: self, collection and queryables (test_items_link_header).
    assert {"next", "self"} <= set(header_links(first))
    assert "prev" not in header_links(first)
    assert {"next", "prev"} <= set(header_links(second))
    assert body_links(second)["next"] == header_links(second)["next"]
    assert body_links(second)["prev"] == header_links(second)["prev"]
