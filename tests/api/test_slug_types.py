"""Slugs in request bodies are strings only (issue 13): a number is a 400
naming the field, never a way around the permission checks."""

from typing import Any

import pytest
from rest_framework.test import APIClient

from pilots.models import Opportunity, PilotProject, Site, Subscription
from tests.api.catalogue_support import error_fields, sectors
from tests.factories import OrganizationFactory, SiteFactory, UserFactory
from tests.pilots.notifications.support import publisher_admin

pytestmark = pytest.mark.django_db

POINT = {"type": "Point", "coordinates": [10.4025, 63.4190]}


@pytest.fixture
def victim() -> Any:
    """Another organisation whose slug reads like a number."""
    return OrganizationFactory.create(slug="4242")


def test_a_numeric_host_does_not_move_a_site_into_another_organisation(
    api_client: APIClient, victim: Any
) -> None:
    admin, own = publisher_admin()
    site = SiteFactory.create(host=own)
    api_client.force_authenticate(admin)

    response = api_client.patch(
        f"/api/v1/sites/{site.slug}/", {"host": 4242}, format="json"
    )

    assert response.status_code == 400
    assert error_fields(response) == {"host"}
    site.refresh_from_db()
    assert site.host_id == own.pk


def test_a_numeric_host_does_not_create_a_site_for_another_organisation(
    api_client: APIClient, victim: Any
) -> None:
    api_client.force_authenticate(UserFactory.create())
    body = {"slug": "planted", "kind": "shared_lab", "name": "Planted"}

    response = api_client.post(
        "/api/v1/sites/", {**body, "host": 4242, "location": POINT}, format="json"
    )

    assert response.status_code == 400
    assert error_fields(response) == {"host"}
    assert not Site.objects.filter(slug="planted").exists()


def test_the_string_slug_still_meets_the_permission_check(
    api_client: APIClient, victim: Any
) -> None:
    admin, own = publisher_admin()
    site = SiteFactory.create(host=own)
    api_client.force_authenticate(admin)

    response = api_client.patch(
        f"/api/v1/sites/{site.slug}/", {"host": "4242"}, format="json"
    )

    assert response.status_code == 403
    site.refresh_from_db()
    assert site.host_id == own.pk


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/sites/", {"partners": [4242]}, "partners"),
        ("/api/v1/sites/", {"slug": 4242}, "slug"),
        ("/api/v1/sites/", {"sectors": [4242]}, "sectors[0]"),
        ("/api/v1/pilots/", {"lead_organization": 4242}, "lead_organization"),
        ("/api/v1/pilots/", {"partners": [4242]}, "partners"),
        ("/api/v1/pilots/", {"sites": [4242]}, "sites"),
        ("/api/v1/opportunities/", {"publisher": 4242}, "publisher"),
        ("/api/v1/opportunities/", {"sites": [4242]}, "sites"),
        ("/api/v1/organizations/", {"slug": 4242}, "slug"),
        ("/api/v1/subscriptions/", {"zones": [4242]}, "zones[0]"),
        ("/api/v1/subscriptions/", {"organizations": [4242]}, "organizations[0]"),
    ],
)
def test_every_slug_field_takes_strings_only(
    api_client: APIClient, victim: Any, url: str, body: dict[str, Any], field: str
) -> None:
    sectors("4242")
    SiteFactory.create(slug="4242")
    api_client.force_authenticate(UserFactory.create(is_superuser=True))
    before = {
        model: model.objects.count()
        for model in (Site, PilotProject, Opportunity, Subscription)
    }

    response = api_client.post(url, body, format="json")

    assert response.status_code == 400
    assert field in error_fields(response)
    messages = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert messages[field] == "A slug must be a string."
    after = {model: model.objects.count() for model in before}
    assert after == before
