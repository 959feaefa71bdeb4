"""Responses are compressed: gzip, or Brotli where the client asks; HTML never
(BREACH), small bodies and already-encoded files left alone."""

import gzip
import json

import brotli
import pytest
from django.contrib.gis.geos import Point

from tests.api.tile_support import tile_url
from tests.factories import GLOSHAUGEN, SiteFactory

pytestmark = pytest.mark.django_db


def some_sites(count: int = 30) -> None:
    for number in range(count):
        SiteFactory.create(
            slug=f"site-{number}",
            location=Point(GLOSHAUGEN[0] + number / 10_000, GLOSHAUGEN[1], srid=4326),
        )


def body_of(response) -> bytes:
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    encoding = response.get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(content)
    if encoding == "br":
        return brotli.decompress(content)
    return content


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=geojson",
        "/api/v1/sites/?format=csv",
        "/ogc/collections/sites/items",
        "/api/schema/",
        tile_url("sites"),
        "/static/map/map.js",
    ],
)
@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_bodies_are_compressed_as_asked(client, url, encoding):
    some_sites()
    plain = client.get(url)

    response = client.get(url, HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")

    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert _without_time_of_answer(body_of(response)) == _without_time_of_answer(
        body_of(plain)
    )
    assert "Content-Encoding" not in plain


def test_brotli_is_preferred_when_both_are_accepted(client):
    some_sites()

    response = client.get("/api/v1/sites/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "br"
    assert json.loads(body_of(response))["results"]


def test_html_pages_are_never_compressed(client):
    response = client.get("/api/docs/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Encoding" not in response


def test_a_compressed_tile_still_revalidates(client):
    some_sites(1)
    first = client.get(tile_url("sites"), HTTP_ACCEPT_ENCODING="gzip")

    again = client.get(
        tile_url("sites"),
        HTTP_ACCEPT_ENCODING="gzip",
        HTTP_IF_NONE_MATCH=first["ETag"],
    )

    assert again.status_code == 304


def _without_time_of_answer(body: bytes) -> bytes:
    """An OGC items page less its `timeStamp` (microseconds: two answers differ)."""
    if not body.startswith(b'{"type":"FeatureCollection"'):
        return body
    page = json.loads(body)
    page.pop("timeStamp", None)
    return json.dumps(page).encode()
