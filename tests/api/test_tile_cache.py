"""Tiles from the cache: rendered once per data version, then no statement."""

import socket

import pytest

from api.tiles import cache as tile_cache
from pilots.models import Site
from pilots.services.sites import site_update
from tests.api.catalogue_support import point_at
from tests.api.tile_support import MVT, features, tile_url
from tests.factories import GLOSHAUGEN, SiteFactory

pytestmark = pytest.mark.django_db


def test_a_second_request_makes_no_statement(client, django_assert_num_queries):
    SiteFactory.create(name="Arena")
    first = client.get(tile_url("sites"))

    with django_assert_num_queries(0):
        second = client.get(tile_url("sites"))

    assert second.status_code == 200
    assert second["Content-Type"] == MVT
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert set(features(second, "sites")) == {"Arena"}


def test_a_revalidation_from_the_cache_is_a_304(client, django_assert_num_queries):
    SiteFactory.create()
    first = client.get(tile_url("sites"))

    with django_assert_num_queries(0):
        again = client.get(tile_url("sites"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_an_empty_tile_is_kept_too(client, django_assert_num_queries):
    SiteFactory.create()
    client.get(tile_url("sites", z=12, x=0, y=0))

    with django_assert_num_queries(0):
        empty = client.get(tile_url("sites", z=12, x=0, y=0))

    assert empty.status_code == 204
    assert empty.content == b""


def test_a_write_changes_the_bytes_served(client):
    site = SiteFactory.create(name="Before")
    before = client.get(tile_url("sites"))

    site_update(site=site, actor=None, name="After")
    after = client.get(tile_url("sites"))

    assert after.content != before.content
    assert set(features(after, "sites")) == {"After"}


def test_a_tile_follows_a_version_stored_since_the_last_one(client):
    """A warm tile is read under the version this process served last; when
    the cache holds another (TileJSON stored it after a write), that one."""
    site = SiteFactory.create(name="Before")
    before = client.get(tile_url("sites"))
    site_update(site=site, actor=None, name="After")
    client.get("/tiles/sites.json")  # stores the new version

    after = client.get(tile_url("sites"))

    assert set(features(after, "sites")) == {"After"}
    assert after["ETag"] != before["ETag"]


def test_filters_are_kept_apart_and_their_order_does_not_matter(
    client, django_assert_num_queries
):
    SiteFactory.create(name="Arena", kind=Site.Kind.TEST_ARENA, sectors=["mobility"])
    SiteFactory.create(
        name="Lab",
        kind=Site.Kind.SHARED_LAB,
        sectors=["mobility"],
        location=point_at(*GLOSHAUGEN, metres=150, azimuth_deg=90),
    )
    labs = client.get(tile_url("sites", query="kind=shared_lab&sector=mobility"))
    everything = client.get(tile_url("sites"))

    with django_assert_num_queries(0):
        again = client.get(
            tile_url("sites", query="sector=mobility&v=anything&kind=shared_lab")
        )

    assert set(features(labs, "sites")) == {"Lab"}
    assert set(features(everything, "sites")) == {"Arena", "Lab"}
    assert again.content == labs.content


def test_a_bad_filter_is_never_kept(client):
    SiteFactory.create()

    answers = [client.get(tile_url("sites", query="kind=castle")) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [400, 400]
    assert all(a["Content-Type"] == "application/problem+json" for a in answers)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("down", [("tiles",), ("tiles", "versions")])
def test_tiles_come_from_the_database_when_the_cache_is_down(
    client, settings, monkeypatch, down
):
    SiteFactory.create(name="Arena")
    monkeypatch.setattr(tile_cache, "_skip_until", 0.0)  # restored afterwards
    closed = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CACHES = {
        alias: {**config, "LOCATION": closed} if alias in down else config
        for alias, config in settings.CACHES.items()
    }

    answers = [client.get(tile_url("sites")) for _ in range(2)]

    assert [answer.status_code for answer in answers] == [200, 200]
    assert [set(features(answer, "sites")) for answer in answers] == [{"Arena"}] * 2
