"""CORS: anonymous reads from any origin (open data); writes, and reads that
send a token, only from the configured origins; the conditional and paging
headers usable from the browser."""

import pytest
from django.test import override_settings

from tests.api.tile_support import tile_url
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

ANYWHERE = "https://someones-map.example"
CONFIGURED = "https://maps.techport.example"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=geojson",
        "/ogc/collections/sites/items",
        "/ogc",
        tile_url("sites"),
        "/tiles/sites.json",
    ],
)
def test_anonymous_gets_are_open_to_any_origin(client, url):
    SiteFactory.create()

    response = client.get(url, HTTP_ORIGIN=ANYWHERE)

    assert response.status_code in (200, 204)
    assert response["Access-Control-Allow-Origin"] == ANYWHERE
    exposed = response["Access-Control-Expose-Headers"]
    for header in ("ETag", "Link", "Content-Crs"):
        assert header in exposed


def test_a_get_preflight_from_any_origin_allows_if_none_match(client):
    response = client.options(
        "/api/v1/sites/",
        HTTP_ORIGIN=ANYWHERE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response["Access-Control-Allow-Origin"] == ANYWHERE
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


@override_settings(CORS_ALLOWED_ORIGINS=[CONFIGURED])
def test_writes_only_from_configured_origins(client):
    def preflight(origin: str, method: str = "PATCH", headers: str = "if-match"):
        return client.options(
            "/api/v1/sites/lab/",
            HTTP_ORIGIN=origin,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
        )

    configured = preflight(CONFIGURED)
    elsewhere = preflight(ANYWHERE)
    token_read = preflight(ANYWHERE, method="GET", headers="authorization")
    post = client.post("/api/v1/sites/", {}, HTTP_ORIGIN=ANYWHERE)

    assert configured["Access-Control-Allow-Origin"] == CONFIGURED
    assert "if-match" in configured["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in elsewhere
    assert "Access-Control-Allow-Origin" not in token_read
    assert "Access-Control-Allow-Origin" not in post


def test_pages_outside_the_api_have_no_cors(client):
    response = client.get("/map/", HTTP_ORIGIN=ANYWHERE)

    assert "Access-Control-Allow-Origin" not in response
