"""ETags differ per representation (JSON, GeoJSON, CSV, language); lists and
OGC items carry weak ETags and answer 304 to If-None-Match."""

import pytest

from pilots.models import PilotProject
from tests.api.ogc.conftest import OGC
from tests.api.owner_support import client_for
from tests.factories import PilotProjectFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db

REPRESENTATIONS = [
    {"format": "json"},
    {"format": "geojson"},
    {"format": "csv"},
    {"format": "json", "lang": "nb"},
]


def _get(client, url: str, representation: dict, **headers):
    language = representation.get("lang", "en")
    return client.get(
        f"{url}?format={representation['format']}",
        HTTP_ACCEPT_LANGUAGE=language,
        **headers,
    )


@pytest.mark.parametrize("url", ["/api/v1/sites/", "/api/v1/sites/lab/"])
def test_each_representation_has_its_own_etag(api_client, url):
    SiteFactory.create(slug="lab")

    tags = [_get(api_client, url, each)["ETag"] for each in REPRESENTATIONS]

    assert len(set(tags)) == len(REPRESENTATIONS)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=geojson",
        f"{OGC}/collections/sites/items",
    ],
)
def test_lists_have_weak_etags_and_answer_304(api_client, url):
    SiteFactory.create(slug="lab")
    first = api_client.get(url)

    again = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    SiteFactory.create(slug="another")
    changed = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"].startswith('W/"')
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_a_detail_answers_304_per_representation(api_client):
    SiteFactory.create(slug="lab")
    geojson = api_client.get("/api/v1/sites/lab/?format=geojson")

    same = api_client.get(
        "/api/v1/sites/lab/?format=geojson", HTTP_IF_NONE_MATCH=geojson["ETag"]
    )
    other = api_client.get(
        "/api/v1/sites/lab/?format=json", HTTP_IF_NONE_MATCH=geojson["ETag"]
    )

    assert same.status_code == 304
    assert other.status_code == 200


def test_if_match_accepts_the_tag_of_any_representation_of_the_version():
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status="draft", title="First")
    client = client_for(owner)
    url = f"/api/v1/pilots/{pilot.slug}/"
    geojson_tag = client.get(f"{url}?format=geojson")["ETag"]

    first = client.patch(
        url, {"title": "Second"}, format="json", HTTP_IF_MATCH=geojson_tag
    )
    stale = client.patch(
        url, {"title": "Third"}, format="json", HTTP_IF_MATCH=geojson_tag
    )

    assert first.status_code == 200
    assert stale.status_code == 412
    assert PilotProject.objects.get(pk=pilot.pk).title == "Second"


def test_ogc_items_etag_ignores_the_time_of_the_answer(api_client, monkeypatch):
    SiteFactory.create(slug="lab")
    url = f"{OGC}/collections/sites/items"
    first = api_client.get(url)
    monkeypatch.setattr("api.ogc.views._now", lambda: "2099-01-01T00:00:00Z")

    later = api_client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert later.status_code == 304
