"""Hostile query values and deeply nested bodies (issue 13) against the lists,
the OGC items and the writes. Never a 5xx; every error is problem details
naming what was wrong, without stack data."""

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.api.owner_support import make_member
from tests.factories import OrganizationFactory, SiteFactory

from .conftest import FIGURES
from .hostile import HOSTILE_QUERY_VALUES, hostile_query

EXAMPLES = int(os.environ.get("FUZZ_HOSTILE_EXAMPLES", "30"))
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
PROBLEM = "application/problem+json"
STACK_MARKERS = ("Traceback", 'File "/', "psycopg", "object has no attribute")

pytestmark = pytest.mark.django_db

LIST_PARAMETERS = ["sdg", "bbox", "near", "radius", "trl", "limit", "cursor"]
OGC_PARAMETERS = ["limit", "offset", "bbox"]
CQL2_TEXT = st.sampled_from(
    [
        "'a' LIKE 'b'",
        "trl_min = 1e400",
        "trl_min = -1e400",
        "trl_min = 99999999999999999999",
        "'x' IS NULL",
        "1 = 1",
        "name LIKE '%'",
    ]
)
CQL2_JSON = st.sampled_from(
    [
        '{"op":"isNull","args":"x"}',
        '{"op":"isNull","args":["x"]}',
        '{"op":"like","args":["a","b"]}',
        '{"op":"=","args":[{"property":"trl_min"},1e400]}',
        '{"op":"and","args":"x"}',
        "[" * 1000 + "]" * 1000,
    ]
)


def check_answer(response: Any, names: set[str]) -> None:
    text = response.content.decode(errors="replace")
    assert response.status_code < 500, (response.status_code, text[:300])
    assert not any(marker in text for marker in STACK_MARKERS), text[:300]
    if response.status_code >= 400:
        assert response["Content-Type"] == PROBLEM, text[:300]
        fields = {error["field"] for error in response.json().get("errors", [])}
        assert fields & names, (names, text[:300])


def run(strategy: st.SearchStrategy, send: Any) -> None:
    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def test(value: Any) -> None:
        send(value)

    test()


@pytest.fixture
def some_sites(db: None) -> None:
    for _ in range(3):
        SiteFactory.create()


@pytest.mark.parametrize(
    "path", ["/api/v1/sites/", "/api/v1/pilots/", "/api/v1/opportunities/"]
)
def test_hostile_query_values_on_the_lists(path: str, some_sites: None) -> None:
    client = APIClient()

    def send(query: dict[str, Any]) -> None:
        FIGURES["hypothesis hostile queries (lists)"] += 1
        check_answer(client.get(path, query), set(query))

    run(hostile_query({}, LIST_PARAMETERS), send)


@pytest.mark.parametrize("collection", ["sites", "pilots", "opportunities"])
def test_hostile_values_on_ogc_items(collection: str, some_sites: None) -> None:
    client = APIClient()
    path = f"/ogc/collections/{collection}/items"
    filters = CQL2_TEXT.map(lambda text: {"filter": text}) | CQL2_JSON.map(
        lambda text: {"filter": text, "filter-lang": "cql2-json"}
    )

    def send(query: dict[str, Any]) -> None:
        FIGURES["hypothesis hostile queries (OGC)"] += 1
        check_answer(client.get(path, query), set(query))

    run(hostile_query({}, OGC_PARAMETERS) | filters, send)


def _nested(depth: int, leaf: str) -> str:
    return "[" * depth + leaf + "]" * depth


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sites/",
        "/api/v1/pilots/",
        "/api/v1/opportunities/",
        "/api/v1/organizations/",
        "/api/v1/subscriptions/",
    ],
)
def test_deeply_nested_bodies(path: str) -> None:
    client = APIClient()
    client.force_authenticate(make_member(OrganizationFactory.create()))
    bodies = st.builds(
        lambda depth, wrapped: (
            '{"name": "x", "slug": "x", "geometry": ' + _nested(depth, "1") + "}"
            if wrapped
            else _nested(depth, "")
        ),
        st.integers(min_value=33, max_value=5000),
        st.booleans(),
    )

    def send(body: str) -> None:
        FIGURES["hypothesis nested bodies"] += 1
        response = client.post(path, body, content_type="application/json")
        check_answer(response, {"body"})
        assert response.status_code == 400

    run(bodies, send)


def test_every_hostile_parameter_is_a_parameter_of_the_lists() -> None:
    assert set(LIST_PARAMETERS) <= set(HOSTILE_QUERY_VALUES)
    assert set(OGC_PARAMETERS) <= set(HOSTILE_QUERY_VALUES)
