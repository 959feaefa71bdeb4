"""Resource limits (OWASP API4): page sizes, body sizes, vertices, bbox, throttles.

Operations come from the OpenAPI document, so new endpoints are covered as they
are added; lists without a page size must be named in SMALL_FIXED_LISTS.
"""

import json
import math
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.gis.geos import Point
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from pilots.models import Organization, Site
from tests.factories import OrganizationFactory, UserFactory

from .openapi import Operation, operations, resolve

PROBLEM = "application/problem+json"
# Collections small by nature (vocabularies, the district's zones, probes).
SMALL_FIXED_LISTS = {
    "/api/v1/zones/",
    "/api/v1/sectors/",
    "/api/v1/sdgs/",
    "/api/v1/trl-levels/",
    "/healthz",
    "/readyz",
    "/api/schema/",
    "/api/v1/auth/tokens/",  # at most REST_KNOX TOKEN_LIMIT_PER_USER (20)
}
JSON_PAGE_CAP = 100
ROWS = JSON_PAGE_CAP + 30

pytestmark = pytest.mark.django_db


def _is_list(operation: Operation) -> bool:
    ok = operation.spec.get("responses", {}).get("200", {}).get("content", {})
    body = resolve((ok.get("application/json") or {}).get("schema", {}))
    return body.get("type") == "array" or "results" in body.get("properties", {})


def _lists() -> list[Operation]:
    return [
        op
        for op in operations()
        if op.method == "get" and op.path.startswith("/api/") and _is_list(op)
    ]


def _paginated() -> list[Operation]:
    return [op for op in _lists() if "limit" in op.query_parameters()]


def _bboxed() -> list[Operation]:
    return [op for op in _paginated() if "bbox" in op.query_parameters()]


def _writes() -> list[Operation]:
    return [op for op in operations() if op.method in ("post", "put", "patch")]


def _ids(value: Any) -> str:
    return value.label if isinstance(value, Operation) else str(value)


@pytest.fixture
def many_rows(db: None) -> None:
    host: Any = OrganizationFactory(slug="limits-host")
    Organization.objects.bulk_create(
        Organization(name=f"Limits org {n}", slug=f"limits-org-{n}")
        for n in range(ROWS)
    )
    Site.objects.bulk_create(
        Site(
            name=f"Limits site {n}",
            slug=f"limits-site-{n}",
            kind=Site.Kind.TEST_ARENA,
            host=host,
            location=Point(10.40 + n * 1e-4, 63.42, srid=4326),
        )
        for n in range(ROWS)
    )


def _items(body: Any) -> list:
    if isinstance(body, dict):
        for key in ("results", "features"):
            if isinstance(body.get(key), list):
                return body[key]
    return body if isinstance(body, list) else []


def test_every_unpaginated_list_is_small_by_nature() -> None:
    unpaginated = {op.path for op in _lists()} - {op.path for op in _paginated()}

    assert _paginated(), "no paginated list in the OpenAPI document"
    assert sorted(unpaginated - SMALL_FIXED_LISTS) == []


@pytest.mark.parametrize("operation", _paginated(), ids=_ids)
def test_page_size_is_capped(operation: Operation, many_rows: None) -> None:
    client = APIClient()
    reader: Any = UserFactory(username="page-cap", is_staff=True, is_superuser=True)
    client.force_login(reader)
    path = re.sub(r"\{[^}]+\}", "limits-host", operation.path)

    response = client.get(path, {"limit": 1_000_000})

    assert response.status_code in (200, 400, 404), response.content[:300]
    if response.status_code == 400:
        assert response["Content-Type"] == PROBLEM
    else:
        assert len(_items(response.json())) <= JSON_PAGE_CAP


@pytest.mark.parametrize("operation", _bboxed(), ids=_ids)
def test_whole_world_bbox_stays_paginated_and_fast(
    operation: Operation, many_rows: None
) -> None:
    client = APIClient()
    client.get(operation.path)  # warm up

    started = time.monotonic()
    response = client.get(operation.path, {"bbox": "-180,-90,180,90"})
    elapsed = time.monotonic() - started

    assert response.status_code == 200
    body = response.json()
    assert len(_items(body)) <= JSON_PAGE_CAP
    if operation.path == "/api/v1/sites/":  # more rows than one page: a next link
        assert len(_items(body)) > 0
        assert body.get("next")
    assert elapsed < 1.0


@pytest.mark.parametrize("operation", _writes(), ids=_ids)
def test_bodies_over_one_megabyte_are_refused(operation: Operation) -> None:
    client = APIClient()
    user: Any = UserFactory(username="big-body")
    client.force_login(user)
    path = operation.path
    for name in ("id", "pk", "slug"):
        path = path.replace("{" + name + "}", "1")
    body = json.dumps({"name": "x" * (1024 * 1024 + 10)})

    response = getattr(client, operation.method)(
        path, body, content_type="application/json"
    )

    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM


def _ring(vertices: int) -> list[list[float]]:
    ring = [
        [
            10.40 + 0.01 * math.cos(2 * math.pi * i / vertices),
            63.42 + 0.005 * math.sin(2 * math.pi * i / vertices),
        ]
        for i in range(vertices)
    ]
    return [*ring, ring[0]]


def test_vertex_cap_refuses_huge_polygons() -> None:
    user: Any = UserFactory(username="vertex-cap", is_staff=True, is_superuser=True)
    host = OrganizationFactory(slug="vertex-host")
    client = APIClient()
    client.force_login(user)
    body = {
        "name": "Huge footprint",
        "slug": "huge-footprint",
        "kind": "test_arena",
        "host": host.slug,
        "location": {"type": "Point", "coordinates": [10.40, 63.42]},
    }

    small = client.post(
        "/api/v1/sites/",
        {**body, "footprint": {"type": "Polygon", "coordinates": [_ring(100)]}},
        format="json",
    )
    huge = client.post(
        "/api/v1/sites/",
        {
            **body,
            "slug": "huge-footprint-2",
            "footprint": {"type": "Polygon", "coordinates": [_ring(10_050)]},
        },
        format="json",
    )

    assert small.status_code == 201, small.content[:300]
    assert huge.status_code == 400
    assert huge["Content-Type"] == PROBLEM
    assert "vert" in json.dumps(huge.json()).lower()


@pytest.fixture
def strict_throttles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute"}
    )
    yield
    cache.clear()


@pytest.mark.usefixtures("strict_throttles")
def test_anonymous_throttle() -> None:
    client = APIClient()

    answers = [client.get("/api/v1/zones/") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[-1]["Content-Type"] == PROBLEM
    assert int(answers[-1]["Retry-After"]) > 0


@pytest.mark.usefixtures("strict_throttles")
def test_user_throttle_counts_per_account() -> None:
    first, second = APIClient(), APIClient()
    one: Any = UserFactory(username="throttle-one")
    two: Any = UserFactory(username="throttle-two")
    first.force_login(one)
    second.force_login(two)

    answers = [first.get("/api/v1/zones/").status_code for _ in range(6)]

    assert answers == [200] * 5 + [429]
    assert second.get("/api/v1/zones/").status_code == 200


@pytest.mark.usefixtures("strict_throttles")
def test_an_anonymous_client_is_counted_once_by_address() -> None:
    """The per-user scope never refuses an anonymous client (its rate is the
    higher one), so only the anonymous scope counts it."""
    from django.core.cache import cache

    client = APIClient()
    for _ in range(2):
        assert client.get("/api/v1/zones/").status_code == 200

    window = int(time.time() // 60)
    assert cache.get(f"throttle_anon_127.0.0.1:{window}") == 2
    assert cache.get(f"throttle_user_127.0.0.1:{window}") is None
