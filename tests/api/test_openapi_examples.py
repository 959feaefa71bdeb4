"""The API docs show how to use the API: every JSON request body has an example,
and the examples are accepted as they stand (what Swagger UI's "Try it out"
sends), against the district's own data."""

from typing import Any

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from pilots.models import Organization, OrganizationMembership
from pilots.services.district import district_load
from tests.factories import UserFactory
from tests.reliability.openapi import document, operations

pytestmark = pytest.mark.django_db

# Collection, then detail path of each catalogue resource the examples create.
CREATED = {
    "/api/v1/sites/": "/api/v1/sites/{slug}/",
    "/api/v1/pilots/": "/api/v1/pilots/{slug}/",
    "/api/v1/opportunities/": "/api/v1/opportunities/{slug}/",
    "/api/v1/organizations/": "/api/v1/organizations/{slug}/",
    "/api/v1/subscriptions/": "/api/v1/subscriptions/{id}/",
}


def example_of(path: str, method: str) -> Any:
    body = document()["paths"][path][method]["requestBody"]["content"]
    examples = body["application/json"]["examples"]
    return next(iter(examples.values()))["value"]


def test_every_json_request_body_has_an_example() -> None:
    bodies = {
        operation.label: operation.spec["requestBody"]["content"]["application/json"]
        for operation in operations()
        if "application/json"
        in operation.spec.get("requestBody", {}).get("content", {})
    }

    missing = [
        label
        for label, body in bodies.items()
        if not {"example", "examples"} & set(body)
    ]

    assert missing == []


@pytest.mark.parametrize(
    "path", ["/api/v1/sites/", "/api/v1/sites/{slug}/", "/api/v1/pilots/{slug}/"]
)
def test_main_reads_show_an_example_answer(path: str) -> None:
    """(Spectral's oas3-valid-media-example checks each against its schema.)"""
    ok = document()["paths"][path]["get"]["responses"]["200"]["content"]

    assert ok["application/json"]["examples"]


def test_geometry_fields_are_geojson_types() -> None:
    schemas = document()["components"]["schemas"]
    location = schemas["PilotRequest"]["properties"]["location"]

    assert location["properties"]["coordinates"]["items"] == {"type": "number"}
    area = schemas["PilotRequest"]["properties"]["area"]
    kinds = [ref.get("$ref", "null").rsplit("/", 1)[-1] for ref in area["oneOf"]]
    assert kinds == ["Polygon", "MultiPolygon", "null"]
    assert schemas["SiteRequest"]["properties"]["location"] == {
        "$ref": "#/components/schemas/Point"
    }


@pytest.fixture
def district_admin() -> APIClient:
    """A signed-in admin of the organisations the examples name."""
    district_load(data_dir=settings.DISTRICT_DATA_DIR)
    user = UserFactory.create(username="examples-admin")
    for slug in ("ntnu", "sintef", "trondheim-kommune"):
        OrganizationMembership.objects.create(
            organization=Organization.objects.get(slug=slug),
            user=user,
            role=OrganizationMembership.Role.ADMIN,
        )
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("collection", sorted(CREATED))
def test_write_examples_are_accepted(
    district_admin: APIClient, collection: str
) -> None:
    detail = CREATED[collection]

    created = district_admin.post(
        collection, example_of(collection, "post"), format="json"
    )
    assert created.status_code == 201, created.content
    key = "{id}" if "{id}" in detail else "{slug}"
    url = detail.replace(key, str(created.json()[key.strip("{}")]))
    patched = district_admin.patch(url, example_of(detail, "patch"), format="json")
    assert patched.status_code == 200, patched.content
    replaced = district_admin.put(url, example_of(detail, "put"), format="json")
    assert replaced.status_code == 200, replaced.content
