"""The OpenAPI document states the HTTP contract: readable operationIds, a tag
per resource, summaries, servers, the conditional-request and paging headers,
optional `distance_m`, valid nullable types; the OGC document its headers."""

import json

import pytest
from django.test import Client

from tests.reliability.openapi import document, operations

pytestmark = pytest.mark.django_db


def test_operations_are_named_tagged_and_summarised() -> None:
    listed = list(operations())

    assert document()["paths"]["/api/v1/sites/"]["get"]["operationId"] == "sites_list"
    assert not [op.label for op in listed if op.spec["operationId"].startswith("api_")]
    assert not [op.label for op in listed if "api" in op.spec["tags"]]
    assert not [op.label for op in listed if not op.spec.get("summary")]
    defined = {tag["name"] for tag in document()["tags"]}
    assert {tag for op in listed for tag in op.spec["tags"]} <= defined
    assert document()["servers"]


def test_public_reads_need_no_credentials() -> None:
    paths = document()["paths"]

    assert paths["/api/v1/sites/"]["get"]["security"] == []
    assert paths["/api/v1/pilots/{slug}/"]["get"]["security"] == []
    assert {} not in paths["/api/v1/sites/"]["post"]["security"]


def test_conditional_requests_and_paging_headers_are_documented() -> None:
    site = document()["paths"]["/api/v1/sites/{slug}/"]

    read = site["get"]
    assert "ETag" in read["responses"]["200"]["headers"]
    assert "If-None-Match" in [p["name"] for p in read["parameters"]]
    assert "304" in read["responses"]
    patch = site["patch"]
    assert "If-Match" in [p["name"] for p in patch["parameters"]]
    assert "412" in patch["responses"]
    listing = document()["paths"]["/api/v1/sites/"]["get"]["responses"]["200"]
    assert "Link" in listing["headers"]


def test_optional_and_nullable_fields_are_stated_truly() -> None:
    schemas = document()["components"]["schemas"]

    for name in ("Site", "Pilot", "Opportunity"):
        assert "distance_m" in schemas[name]["properties"]
        assert "distance_m" not in schemas[name]["required"]
    for value in ("old", "new"):
        assert "nullable" not in schemas["FieldChange"]["properties"][value]


def test_ogc_document_states_content_crs_and_link(client: Client) -> None:
    ogc = json.loads(client.get("/ogc/api").content)

    items = ogc["paths"]["/collections/{collectionId}/items"]["get"]
    assert set(items["responses"]["200"]["headers"]) == {"Content-Crs", "Link"}
    assert ogc["security"] == []
