"""Items: paging, bbox, datetime, single features, visibility."""

from urllib.parse import urlsplit

import pytest
from django.contrib.gis.geos import GEOSGeometry

from api.ogc.parameters import DEFAULT_LIMIT, MAX_LIMIT
from pilots.models import Site
from tests.factories import SiteFactory

from .conftest import OGC, body, slugs_of

ITEMS = f"{OGC}/collections/sites/items"


def _links(document):
    return {link["rel"]: link["href"] for link in document["links"]}


def _follow(client, href):
    parts = urlsplit(href)
    return client.get(f"{parts.path}?{parts.query}")


def test_items_are_geojson_with_counts_timestamp_and_links(client, district):
    response = client.get(ITEMS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    document = body(response)
    assert document["type"] == "FeatureCollection"
    assert document["numberMatched"] == 3
    assert document["numberReturned"] == 3
    assert document["timeStamp"].endswith("Z")
    assert "self" in _links(document)
    assert "next" not in _links(document)


def test_features_carry_the_database_geometry(client, district):
    features = body(client.get(ITEMS))["features"]

    by_slug = {feature["id"]: feature for feature in features}
    for site in district.sites:
        geometry = GEOSGeometry(str(by_slug[site.slug]["geometry"]).replace("'", '"'))
        assert geometry.equals_exact(site.location, tolerance=1e-9)


def test_paging_follows_next_and_prev_links_over_every_row(client, district):
    first = body(client.get(f"{ITEMS}?limit=2"))

    assert first["numberMatched"] == 3
    assert first["numberReturned"] == 2
    second = body(_follow(client, _links(first)["next"]))
    assert second["numberReturned"] == 1
    assert "next" not in _links(second)
    back = body(_follow(client, _links(second)["prev"]))
    seen = [f["id"] for f in first["features"]] + [f["id"] for f in second["features"]]
    assert sorted(seen) == sorted(site.slug for site in district.sites)
    assert [f["id"] for f in back["features"]] == [f["id"] for f in first["features"]]


def test_limit_has_a_default_and_a_cap(client, db):
    SiteFactory.create_batch(DEFAULT_LIMIT + 1)

    default = body(client.get(ITEMS))
    capped = body(client.get(f"{ITEMS}?limit={MAX_LIMIT * 10}"))

    assert default["numberReturned"] == DEFAULT_LIMIT
    assert "next" in _links(default)
    assert capped["numberReturned"] == DEFAULT_LIMIT + 1
    assert Site.objects.count() == DEFAULT_LIMIT + 1


@pytest.mark.parametrize("query", ["limit=0", "limit=x", "offset=-1", "offset=a"])
def test_bad_paging_values_are_400_problems(client, db, query):
    response = client.get(f"{ITEMS}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert body(response)["errors"][0]["field"] == query.split("=")[0]


def test_bbox_selects_features_inside_the_box(client, district):
    # Around Øya and Gløshaugen, not Sluppen (63.3995 N).
    response = client.get(f"{ITEMS}?bbox=10.38,63.41,10.41,63.43")

    assert sorted(slugs_of(response)) == ["gloshaugen-arena", "oya-lab"]
    assert body(response)["numberMatched"] == 2


def test_bbox_meets_a_pilot_area_not_only_points(client, district):
    # A box touching only the active pilot's square.
    response = client.get(
        f"{OGC}/collections/pilots/items?bbox=10.3935,63.4290,10.40,63.44"
    )

    assert slugs_of(response) == ["smart-street"]


@pytest.mark.parametrize(
    "bbox", ["1,2,3", "a,b,c,d", "10,64,11,63", "10,63,11,95", "1,2,3,4,5"]
)
def test_bad_bbox_is_a_400_problem(client, db, bbox):
    response = client.get(f"{ITEMS}?bbox={bbox}")

    assert response.status_code == 400
    assert body(response)["errors"][0]["field"] == "bbox"


def test_datetime_interval_with_open_ends_on_pilot_plans(client, district):
    pilots = f"{OGC}/collections/pilots/items"

    during_2025 = slugs_of(client.get(f"{pilots}?datetime=2025-06-01T00:00:00Z"))
    from_2026 = slugs_of(client.get(f"{pilots}?datetime=2026-02-01T00:00:00Z/.."))
    until_2024 = slugs_of(client.get(f"{pilots}?datetime=../2024-12-31T00:00:00Z"))
    both = slugs_of(
        client.get(f"{pilots}?datetime=2025-01-01T00:00:00Z/2030-01-01T00:00:00Z")
    )

    assert during_2025 == ["drone-delivery"]
    assert from_2026 == ["smart-street"]  # no planned end: still running
    assert until_2024 == []
    assert sorted(both) == ["drone-delivery", "smart-street"]


def test_datetime_on_sites_uses_their_last_update(client, district):
    Site.objects.filter(slug="oya-lab").update(updated_at="2020-05-05T12:00:00Z")

    response = client.get(f"{ITEMS}?datetime=../2021-01-01T00:00:00Z")
    same_day = client.get(f"{ITEMS}?datetime=2020-05-05")

    assert slugs_of(response) == ["oya-lab"]
    assert slugs_of(same_day) == ["oya-lab"]


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2025-13-01T00:00:00Z",
        "2025-01-01T00:00:00",
        "../..",
        "a/b/c",
        "2026-01-01T00:00:00Z/2025-01-01T00:00:00Z",
    ],
)
def test_bad_datetime_is_a_400_problem(client, db, value):
    response = client.get(f"{ITEMS}?datetime={value}")

    assert response.status_code == 400
    assert body(response)["errors"][0]["field"] == "datetime"


def test_single_feature_by_id_with_links(client, district):
    response = client.get(f"{ITEMS}/oya-lab")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    feature = body(response)
    assert feature["type"] == "Feature"
    assert feature["id"] == "oya-lab"
    assert feature["geometry"]["coordinates"] == [10.389, 63.4205]
    assert {link["rel"] for link in feature["links"]} == {"self", "collection"}


def test_missing_feature_is_a_404_problem(client, district):
    response = client.get(f"{ITEMS}/nowhere")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_draft_pilot_is_visible_only_to_its_owner(client, district):
    pilots = f"{OGC}/collections/pilots/items"

    anonymous = slugs_of(client.get(pilots))
    hidden = client.get(f"{pilots}/secret-draft")
    client.force_login(district.draft.owner)
    owner = slugs_of(client.get(pilots))

    assert "secret-draft" not in anonymous
    assert hidden.status_code == 404
    assert "secret-draft" in owner


def test_unknown_query_parameter_is_a_400_problem(client, db):
    response = client.get(f"{ITEMS}?colour=blue")

    assert response.status_code == 400
    assert body(response)["errors"][0]["field"] == "colour"


def test_items_take_a_constant_number_of_queries(
    client, district, django_assert_max_num_queries
):
    SiteFactory.create_batch(20)

    with django_assert_max_num_queries(6):
        response = client.get(ITEMS)

    assert body(response)["numberReturned"] == 23
