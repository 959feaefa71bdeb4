import json

import pytest

from pilots.models import Site
from tests.api.catalogue_support import error_fields, slugs
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


def make_sites(count: int) -> None:
    for index in range(count):
        SiteFactory(slug=f"s{index:03d}", name=f"Site {index:03d}")


def walk(api_client, url: str) -> list[str]:
    seen: list[str] = []
    while url:
        body = api_client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url = body["next"]
    return seen


def test_next_links_walk_every_row_once(api_client):
    make_sites(7)

    assert walk(api_client, "/api/v1/sites/?limit=3") == [f"s{i:03d}" for i in range(7)]


def test_previous_link_goes_back(api_client):
    make_sites(7)
    first = api_client.get("/api/v1/sites/?limit=3").json()
    second = api_client.get(first["next"]).json()

    back = api_client.get(second["previous"]).json()

    assert first["previous"] is None
    assert [row["slug"] for row in back["results"]] == ["s000", "s001", "s002"]
    assert back["previous"] is None
    assert back["next"] is not None


def test_cursor_stays_correct_when_rows_are_inserted_and_deleted(api_client):
    make_sites(6)
    first = api_client.get("/api/v1/sites/?limit=3").json()

    # Between the pages: a row sorting before the cursor is added, one seen is
    # deleted, and one not yet seen is added.
    SiteFactory(slug="a-first", name="Aaa")
    Site.objects.filter(slug="s000").delete()
    SiteFactory(slug="s0035", name="Site 003.5")

    rest = walk(api_client, first["next"])

    assert [row["slug"] for row in first["results"]] == ["s000", "s001", "s002"]
    assert rest == ["s003", "s0035", "s004", "s005"]


def test_cursor_with_ties_on_the_ordering_field(api_client):
    for index in range(5):
        SiteFactory(slug=f"same-{index}", name="Same name")

    assert sorted(walk(api_client, "/api/v1/sites/?limit=2")) == [
        f"same-{index}" for index in range(5)
    ]
    assert len(walk(api_client, "/api/v1/sites/?limit=2&ordering=-name")) == 5


def test_json_limit_is_capped_at_100(api_client):
    make_sites(105)

    body = api_client.get("/api/v1/sites/?limit=1000").json()

    assert len(body["results"]) == 100
    assert body["next"] is not None


def test_geojson_limit_allows_more_and_links_pages(api_client):
    make_sites(105)

    collection = json.loads(api_client.get("/api/v1/sites/?format=geojson").content)
    assert len(collection["features"]) == 105
    assert collection["links"] == []

    page = json.loads(api_client.get("/api/v1/sites/?format=geojson&limit=50").content)
    assert len(page["features"]) == 50
    [next_link] = page["links"]
    assert next_link["rel"] == "next"
    assert next_link["type"] == "application/geo+json"
    second = json.loads(api_client.get(next_link["href"]).content)
    assert slugs_of(second)[0] == "s050"
    assert {link["rel"] for link in second["links"]} == {"next", "prev"}


def slugs_of(collection: dict) -> list[str]:
    return [feature["id"] for feature in collection["features"]]


def test_geojson_limit_is_capped_at_10000(api_client):
    SiteFactory(slug="one")

    response = api_client.get("/api/v1/sites/?format=geojson&limit=20000")

    assert response.status_code == 200
    assert slugs(response) == ["one"]


@pytest.mark.parametrize("query", ["limit=0", "limit=-1", "limit=ten"])
def test_bad_limit_is_a_400_naming_limit(api_client, query):
    response = api_client.get(f"/api/v1/sites/?{query}")

    assert response.status_code == 400
    assert error_fields(response) == {"limit"}


@pytest.mark.parametrize("cursor", ["garbage", "e30", "W1siYSJdLCBmYWxzZV0"])
def test_bad_cursor_is_a_400_naming_cursor(api_client, cursor):
    SiteFactory()

    response = api_client.get(f"/api/v1/sites/?cursor={cursor}")

    assert response.status_code == 400
    assert error_fields(response) == {"cursor"}


def test_cursor_over_ranked_search_results(api_client):
    for index in range(5):
        SiteFactory(slug=f"tie-{index}", name="Battery lab")
    for index in range(3):
        SiteFactory(slug=f"weak-{index}", name="Workshop", description="has a battery")

    seen = walk(api_client, "/api/v1/sites/?q=battery&limit=3")

    assert len(seen) == len(set(seen)) == 8
    assert all(slug.startswith("tie-") for slug in seen[:5])


def test_geojson_prev_link_returns_the_previous_page(api_client):
    make_sites(10)
    first = json.loads(api_client.get("/api/v1/sites/?format=geojson&limit=4").content)
    second = json.loads(api_client.get(links_of(first)["next"]).content)
    third = json.loads(api_client.get(links_of(second)["next"]).content)

    back = json.loads(api_client.get(links_of(third)["prev"]).content)
    back_again = json.loads(api_client.get(links_of(back)["prev"]).content)

    assert slugs_of(third) == ["s008", "s009"]
    assert "next" not in links_of(third)
    assert slugs_of(back) == slugs_of(second) == ["s004", "s005", "s006", "s007"]
    assert slugs_of(back_again) == slugs_of(first)
    assert "prev" not in links_of(back_again)


def links_of(collection: dict) -> dict[str, str]:
    return {link["rel"]: link["href"] for link in collection["links"]}


@pytest.mark.parametrize("ordering", ["updated_at", "-updated_at"])
def test_cursor_on_timestamps_keeps_microseconds(api_client, ordering):
    make_sites(9)  # created within the same millisecond or so

    seen = walk(api_client, f"/api/v1/sites/?ordering={ordering}&limit=2")

    assert sorted(seen) == [f"s{i:03d}" for i in range(9)]
