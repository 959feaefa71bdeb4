"""Hostile GeoJSON against every operation that accepts a geometry.

The operations are found in the OpenAPI document: request bodies with a GeoJSON
geometry property, and query parameters that take GeoJSON (`intersects`). For
each, hypothesis sends valid, invalid, degenerate, huge, NaN, 3D, wrongly wound,
unclosed and mixed-type geometries. Never a 5xx; every error is problem details;
every geometry the API accepted is stored valid (ST_IsValid in PostGIS).
"""

import json
import os
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.gis.db.models import GeometryField
from hypothesis import HealthCheck, given, seed, settings
from rest_framework.test import APIClient

from tests.factories import OrganizationFactory, UserFactory

from .conftest import FIGURES
from .geometries import GEOMETRY
from .openapi import (
    Operation,
    geometry_body_fields,
    geometry_query_parameters,
    operations,
)

EXAMPLES = int(os.environ.get("FUZZ_GEOMETRY_EXAMPLES", "25"))
SEED = int(os.environ.get("FUZZ_SEED", "20261129"))
PROBLEM = "application/problem+json"

BodyBuilder = Callable[[dict[str, Any]], dict[str, Any]]

# A valid body per collection path, into which each hostile geometry is put.
# A new geometry-accepting operation fails test_every_geometry_target_is_covered
# until it gets an entry here.
BASE_BODIES: dict[str, BodyBuilder] = {
    "/api/v1/sites/": lambda ctx: {
        "name": f"Geometry fuzz site {ctx['n']}",
        "slug": f"geometry-fuzz-site-{ctx['n']}",
        "kind": "test_arena",
        "host": ctx["organization"].slug,
        "location": {"type": "Point", "coordinates": [10.4025, 63.419]},
    },
    "/api/v1/pilots/": lambda ctx: {
        "title": f"Geometry fuzz pilot {ctx['n']}",
        "slug": f"geometry-fuzz-pilot-{ctx['n']}",
        "location": {"type": "Point", "coordinates": [10.4025, 63.419]},
    },
    "/api/v1/opportunities/": lambda ctx: {
        "title": f"Geometry fuzz opportunity {ctx['n']}",
        "slug": f"geometry-fuzz-opportunity-{ctx['n']}",
        "call_type": "open_call",
        "deadline_type": "rolling",
        "publisher": ctx["organization"].slug,
    },
    "/api/v1/subscriptions/": lambda ctx: {
        "name": f"Geometry fuzz subscription {ctx['n']}",
        "channel": "in_app",
        "frequency": "instant",
        "keywords": "battery",
    },
}


def _body_targets() -> list[tuple[Operation, str]]:
    return [
        (operation, field)
        for operation in operations()
        if operation.method in ("post", "put", "patch")
        for field in geometry_body_fields(operation)
    ]


def _query_targets() -> list[tuple[Operation, str]]:
    return [
        (operation, name)
        for operation in operations()
        if operation.method == "get"
        for name in geometry_query_parameters(operation)
    ]


def _collection_path(path: str) -> str:
    """/api/v1/sites/{slug}/ -> /api/v1/sites/"""
    parts = path.rstrip("/").split("/")
    if parts[-1].startswith("{"):
        parts = parts[:-1]
    return "/".join(parts) + "/"


# The vector tile over Gløshaugen at zoom 14 for {z}/{x}/{y} paths.
TILE = {"z": "14", "x": "8665", "y": "4429"}


def _sample_path(path: str) -> str:
    for name, value in TILE.items():
        path = path.replace("{" + name + "}", value)
    return re.sub(r"\{[^}]+\}", "1", path)


def _stored_geometries_are_valid() -> list[str]:
    invalid = []
    for model in apps.get_models():
        if model._meta.app_label not in ("pilots", "geo"):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, GeometryField):
                bad = model._default_manager.filter(**{f"{field.name}__isvalid": False})
                invalid += [
                    f"{model.__name__}.{field.name} #{pk}"
                    for pk in bad.values_list("pk", flat=True)
                ]
    return invalid


def _check_answer(response: Any, label: str) -> None:
    assert response.status_code < 500, (
        label,
        response.status_code,
        response.content[:300],
    )
    if response.status_code >= 400:
        assert response["Content-Type"] == PROBLEM, label
        text = response.content.decode()
        assert "Traceback" not in text
        assert 'File "' not in text


@pytest.fixture
def actor(db: None) -> dict[str, Any]:
    user: Any = UserFactory(
        username="geometry-fuzzer", is_staff=True, is_superuser=True
    )
    group, _ = Group.objects.get_or_create(name="moderators")
    user.groups.add(group)
    organization = OrganizationFactory(slug="geometry-fuzz-org")
    membership = _membership_model()
    if membership is not None:
        membership.objects.create(user=user, organization=organization, role="admin")
    client = APIClient()
    client.force_login(user)
    return {"client": client, "organization": organization, "n": 0}


def _membership_model() -> Any:
    """The accounts issue's membership model, once it exists."""
    found = [m for m in apps.get_models() if m.__name__ == "OrganizationMembership"]
    return found[0] if found else None


def test_every_geometry_target_is_covered() -> None:
    targets = {_collection_path(op.path) for op, _ in _body_targets()}

    assert targets, "no operation with a GeoJSON body found in the OpenAPI document"
    assert not targets - set(BASE_BODIES), "add a base body to BASE_BODIES"


@pytest.mark.parametrize(
    ("operation", "field"),
    _body_targets(),
    ids=lambda value: value.label if isinstance(value, Operation) else value,
)
def test_hostile_geometry_bodies(
    operation: Operation, field: str, actor: dict[str, Any]
) -> None:
    build = BASE_BODIES[_collection_path(operation.path)]
    client: APIClient = actor["client"]
    target = operation.path
    if "{" in target:  # a detail path: write into one object made for the test
        actor["n"] += 1
        created = client.post(_collection_path(target), build(actor), format="json")
        assert created.status_code == 201, created.content[:500]
        name = target.rstrip("/").split("/")[-1].strip("{}")
        value = created.json().get(name, created.json().get("id"))
        target = target.replace("{" + name + "}", str(value))

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(geometry=GEOMETRY)
    def send(geometry: Any) -> None:
        actor["n"] += 1
        body = build(actor) if operation.method != "patch" else {}
        body[field] = geometry
        text = json.dumps(body)  # NaN/Infinity as JSON extensions, as clients do
        response = getattr(client, operation.method)(
            target, text, content_type="application/json"
        )
        FIGURES["hypothesis geometries (bodies)"] += 1
        _check_answer(response, operation.label)
        if response.status_code in (200, 201):
            FIGURES["hypothesis geometries accepted"] += 1

    send()
    assert _stored_geometries_are_valid() == []


@pytest.mark.parametrize(
    ("operation", "name"),
    _query_targets(),
    ids=lambda value: value.label if isinstance(value, Operation) else value,
)
def test_hostile_geometry_filters(
    operation: Operation, name: str, actor: dict[str, Any]
) -> None:
    client: APIClient = actor["client"]
    path = _sample_path(operation.path)

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(geometry=GEOMETRY)
    def send(geometry: Any) -> None:
        response = client.get(path, {name: json.dumps(geometry)})
        FIGURES["hypothesis geometries (filters)"] += 1
        _check_answer(response, operation.label)

    send()
