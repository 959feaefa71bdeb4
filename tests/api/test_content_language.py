"""`Content-Language` only on bodies that are translated: errors, messages and
labels yes; the catalogue's data (the same in every language, bilingual fields
included) and body-less answers no."""

import json

import pytest
from rest_framework.test import APIClient

from tests.api.tile_support import tile_url
from tests.factories import PilotProjectFactory, SiteFactory, UserFactory

from .owner_support import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=geojson",
        "/api/v1/sites/?format=csv",
        "/api/v1/sites/lab/",
        "/api/v1/sites/lab/?format=geojson",
        "/api/v1/sectors/",  # name_en and name_no, whatever the reader's language
        "/api/v1/trl-levels/",
        "/ogc/collections/sites/items",
        "/ogc/collections",
        tile_url("sites"),
        "/tiles/sites.json",
        "/api/schema/?format=json",
    ],
)
def test_data_bodies_have_no_content_language(client, url):
    SiteFactory.create(slug="lab")

    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 200
    assert "Content-Language" not in response


def test_a_problem_says_its_language(client):
    response = client.get("/api/v1/sites/?bbox=1,2", HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 400
    assert response["Content-Language"] == "nb"


def test_a_message_says_its_language():
    response = APIClient().post(
        "/api/v1/auth/password-reset/",
        {"email": "nobody@example.org"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 202
    assert response["Content-Language"] == "nb"
    assert "nullstille" in response.json()["detail"]


def test_workflow_steps_carry_translated_labels_and_say_so():
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status="draft")
    client = client_for(owner)

    submitted = client.post(
        f"/api/v1/pilots/{pilot.slug}/submit/", HTTP_ACCEPT_LANGUAGE="nb"
    )
    steps = client.get(
        f"/api/v1/pilots/{pilot.slug}/transitions/", HTTP_ACCEPT_LANGUAGE="nb"
    )

    assert submitted.status_code == 200
    assert submitted["Content-Language"] == "nb"
    assert steps["Content-Language"] == "nb"
    assert steps.json()["results"][0]["to_status_label"] == "Innsendt"


def test_data_written_and_empty_answers_have_no_content_language():
    user = UserFactory.create()
    client = client_for(user)

    created = client.post(
        "/api/v1/subscriptions/",
        {"channel": "in_app"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )
    deleted = client.delete(
        f"/api/v1/subscriptions/{created.json()['id']}/", HTTP_ACCEPT_LANGUAGE="nb"
    )

    assert created.status_code == 201, created.content
    assert "Content-Language" not in created
    assert deleted.status_code == 204
    assert "Content-Language" not in deleted


def test_the_openapi_document_is_english_unless_asked(client):
    english = client.get("/api/schema/?format=json", HTTP_ACCEPT_LANGUAGE="en")
    norwegian_reader = client.get("/api/schema/?format=json", HTTP_ACCEPT_LANGUAGE="nb")
    asked = client.get("/api/schema/?format=json&lang=nb")

    assert json.loads(norwegian_reader.content) == json.loads(english.content)
    assert "Content-Language" not in norwegian_reader
    assert asked["Content-Language"] == "nb"
    assert "Innsendt" in asked.content.decode()
