"""`near` pages: bounded by a nearest-first (KNN) statement, yet exactly the
rows and order of sorting every site within the radius by distance_m, id."""

import json
import random

import pytest

from pilots.models import Site
from pilots.selectors.catalogue import near_filter, nearest_bound, site_list
from tests.api.catalogue_support import point_at
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

CENTRE = (10.4025, 63.4190)
NEAR = "near=10.4025,63.4190&radius=800"


@pytest.fixture
def scattered_sites():
    """40 sites in every direction, some at the same spot (ties on distance)."""
    rng = random.Random(7)
    for index in range(34):
        point = point_at(
            *CENTRE, metres=rng.uniform(0, 1000), azimuth_deg=rng.uniform(0, 360)
        )
        SiteFactory(slug=f"s{index:02d}", name=f"s{index:02d}", location=point)
    same_spot = point_at(*CENTRE, metres=300, azimuth_deg=30)
    for index in range(34, 40):
        SiteFactory(slug=f"s{index:02d}", name=f"s{index:02d}", location=same_spot)


def expected_order() -> list[str]:
    rows = near_filter(site_list(), lon=CENTRE[0], lat=CENTRE[1], radius_m=800)
    return list(rows.order_by("distance_m", "id").values_list("slug", flat=True))


def links_of(collection: dict) -> dict[str, str]:
    return {link["rel"]: link["href"] for link in collection["links"]}


def test_the_bound_keeps_exactly_the_first_rows(scattered_sites):
    rows = near_filter(
        site_list(), lon=CENTRE[0], lat=CENTRE[1], radius_m=800
    ).order_by("distance_m", "id")
    everything = list(rows.values_list("slug", flat=True))

    for count in (1, 5, 13, len(everything), len(everything) + 5):
        bounded = nearest_bound(rows, count=count)
        assert (
            list(bounded.values_list("slug", flat=True)[:count]) == (everything[:count])
        )


@pytest.mark.parametrize("joined", [False, True])
def test_the_bound_holds_as_a_subquery_and_with_joins(scattered_sites, joined):
    """The bound's KNN subquery is written from the query's own WHERE: it must
    follow the query into a subquery (other aliases) and give way to the
    ORM's subquery when a filter joins another table."""
    rows = near_filter(
        Site.objects.all(), lon=CENTRE[0], lat=CENTRE[1], radius_m=800
    ).order_by("distance_m", "id")
    if joined:
        rows = rows.filter(host__name__isnull=False)
    everything = list(rows.values_list("slug", flat=True))
    bounded = nearest_bound(rows, count=5)[:5]

    inner = Site.objects.filter(pk__in=bounded.values("pk"))
    assert set(inner.values_list("slug", flat=True)) == set(everything[:5])


def test_other_querysets_are_not_bounded():
    rows = site_list()

    assert nearest_bound(rows, count=3) is rows


@pytest.mark.parametrize("limit", [1, 4, 7])
def test_geojson_pages_walk_every_row_once_nearest_first(
    api_client, scattered_sites, limit
):
    url: str | None = f"/api/v1/sites/?{NEAR}&format=geojson&limit={limit}"
    seen: list[str] = []
    distances: list[float] = []
    pages = []
    while url:
        collection = json.loads(api_client.get(url).content)
        pages.append(collection)
        for feature in collection["features"]:
            seen.append(feature["properties"]["slug"])
            distances.append(feature["properties"]["distance_m"])
        url = links_of(collection).get("next")

    assert seen == expected_order()
    assert distances == sorted(distances)
    # And back again with the prev links, page by page.
    back = pages[-1]
    for page in reversed(pages[:-1]):
        back = json.loads(api_client.get(links_of(back)["prev"]).content)
        assert back["features"] == page["features"]
    assert "prev" not in links_of(back)


def test_json_pages_walk_every_row_once_nearest_first(api_client, scattered_sites):
    url = f"/api/v1/sites/?{NEAR}&limit=6"
    seen: list[str] = []
    while url:
        body = api_client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url = body["next"]

    assert seen == expected_order()


def test_pages_stay_correct_when_a_nearer_site_is_added(api_client, scattered_sites):
    first = json.loads(
        api_client.get(f"/api/v1/sites/?{NEAR}&format=geojson&limit=5").content
    )
    SiteFactory(slug="newcomer", location=point_at(*CENTRE, metres=1, azimuth_deg=0))

    second = json.loads(api_client.get(links_of(first)["next"]).content)

    shown = [f["properties"]["slug"] for f in first["features"] + second["features"]]
    assert shown == [slug for slug in expected_order() if slug != "newcomer"][:10]
    assert Site.objects.filter(slug="newcomer").exists()


def test_a_page_of_nothing_is_an_empty_collection(api_client):
    response = api_client.get("/api/v1/opportunities/?zone=nowhere&format=geojson")

    assert response.status_code == 200
    assert json.loads(response.content)["features"] == []


def test_each_centre_gets_its_own_distances(api_client, scattered_sites):
    """The render statement is compiled once per spec; the distances are the
    page's own (computed with its centre), not those of the first request."""
    elsewhere = point_at(*CENTRE, metres=500, azimuth_deg=90)
    for lon, lat in (CENTRE, (elsewhere.x, elsewhere.y), CENTRE):
        url = f"/api/v1/sites/?near={lon},{lat}&radius=2000&format=geojson&limit=5"
        features = json.loads(api_client.get(url).content)["features"]
        expected = near_filter(site_list(), lon=lon, lat=lat, radius_m=2000).order_by(
            "distance_m", "id"
        )[:5]

        assert [f["properties"]["slug"] for f in features] == [s.slug for s in expected]
        assert [f["properties"]["distance_m"] for f in features] == pytest.approx(
            [s.distance_m for s in expected], abs=1e-6
        )
