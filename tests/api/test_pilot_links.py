"""A pilot links published sites only, and a taken slug says nothing about
the pilot that holds it (issue 13)."""

from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from pilots.models import PilotProject
from tests.api.catalogue_support import error_fields
from tests.factories import PilotProjectFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/pilots/"
POINT = {"type": "Point", "coordinates": [10.4025, 63.4190]}


def pilot_body(**extra: Any) -> dict[str, Any]:
    return {"slug": "my-pilot", "title": "My pilot", "location": POINT, **extra}


def test_an_unpublished_site_cannot_be_linked(api_client: APIClient) -> None:
    SiteFactory.create(slug="hidden", unpublished_at=timezone.now())
    api_client.force_authenticate(UserFactory.create())

    response = api_client.post(URL, pilot_body(sites=["hidden"]), format="json")

    assert response.status_code == 400
    assert error_fields(response) == {"sites"}
    assert not PilotProject.objects.filter(slug="my-pilot").exists()


def test_an_unpublished_site_cannot_be_added_to_an_existing_pilot(
    api_client: APIClient,
) -> None:
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status="draft")
    SiteFactory.create(slug="hidden", unpublished_at=timezone.now())
    api_client.force_authenticate(owner)

    response = api_client.patch(
        f"{URL}{pilot.slug}/", {"sites": ["hidden"]}, format="json"
    )

    assert response.status_code == 400
    assert error_fields(response) == {"sites"}
    assert not pilot.sites.exists()


def test_a_published_site_is_linked(api_client: APIClient) -> None:
    SiteFactory.create(slug="open-lab")
    api_client.force_authenticate(UserFactory.create())

    response = api_client.post(URL, pilot_body(sites=["open-lab"]), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["sites"] == ["open-lab"]


def test_a_draft_slug_answers_like_any_taken_slug(api_client: APIClient) -> None:
    PilotProjectFactory.create(slug="secret-draft", status="draft")
    PilotProjectFactory.create(slug="public-pilot")
    api_client.force_authenticate(UserFactory.create())

    draft = api_client.post(URL, pilot_body(slug="secret-draft"), format="json")
    public = api_client.post(URL, pilot_body(slug="public-pilot"), format="json")

    assert draft.status_code == public.status_code == 400
    assert draft.json() == public.json()
    assert draft.json()["errors"] == [
        {"field": "slug", "message": "This slug is taken; choose another."}
    ]
