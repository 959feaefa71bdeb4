"""Regressions for what the fuzzers found, each with the request that showed it."""

import pytest
from rest_framework.test import APIClient

from .openapi import document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/sites/", "/api/v1/pilots/", "/api/v1/organizations/"]
)
def test_empty_csv_page_is_still_csv(path: str) -> None:
    # Schemathesis: GET /api/v1/organizations/?kind=cluster&format=csv&limit=1
    # answered 200 with an empty body and no Content-Type.
    response = APIClient().get(path, {"format": "csv", "q": "no-such-thing-at-all"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header = response.content.decode().splitlines()[0]
    assert "slug" in header.split(",")


@pytest.mark.parametrize(
    "path", ["/api/v1/opportunities/", "/tiles/opportunities.json"]
)
def test_a_boolean_filter_refuses_what_is_not_a_boolean(path: str) -> None:
    # Schemathesis: GET /tiles/opportunities.json?is_example=-58800 answered 200
    # (django-filter's BooleanFilter ignores values it cannot read).
    client = APIClient()

    refused = client.get(path, {"is_example": "-58800"})
    accepted = [client.get(path, {"is_example": value}) for value in ("true", "")]

    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert [response.status_code for response in accepted] == [200, 200]


def test_tile_coordinates_and_filters_are_typed_like_the_list() -> None:
    # Schemathesis: /tiles/zones/-53694/251229121901121568768/202.mvt was a
    # schema-valid request (z, x, y were bare integers) answered 404.
    paths = document()["paths"]
    tile = {
        p["name"]: p for p in paths["/tiles/sites/{z}/{x}/{y}.mvt"]["get"]["parameters"]
    }
    tilejson = {p["name"]: p for p in paths["/tiles/sites.json"]["get"]["parameters"]}
    listed = {p["name"]: p for p in paths["/api/v1/sites/"]["get"]["parameters"]}

    assert tile["z"]["schema"] == {"type": "integer", "minimum": 0, "maximum": 22}
    assert tile["x"]["schema"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 2**22 - 1,
    }
    for name in ("kind", "status", "trl", "radius", "updated_since", "bbox"):
        assert tile[name]["schema"] == listed[name]["schema"], name
        assert tilejson[name]["schema"] == listed[name]["schema"], name
    assert "ordering" not in tile


def test_an_empty_filter_value_is_documented_and_accepted() -> None:
    # Schemathesis: GET /api/v1/organizations/?updated_since= answered 200 to a
    # value its schema (date-time) did not admit; django-filter reads an empty
    # value as no filter, and the schema now says so (allowEmptyValue).
    listed = document()["paths"]["/api/v1/organizations/"]["get"]["parameters"]
    updated_since = next(p for p in listed if p["name"] == "updated_since")

    response = APIClient().get("/api/v1/organizations/", {"updated_since": ""})

    assert updated_since["allowEmptyValue"] is True
    assert response.status_code == 200
