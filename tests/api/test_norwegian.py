"""Problem details speak Bokmål when asked: titles, validation messages, and
the workflow's 409 with its status and action names."""

import json

import pytest

from pilots.models import PilotProject
from tests.factories import PilotProjectFactory, UserFactory

from .catalogue_support import sectors
from .owner_support import client_for

pytestmark = pytest.mark.django_db
NB = {"HTTP_ACCEPT_LANGUAGE": "nb"}


def messages(response) -> dict[str, str]:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def test_a_bad_near_is_explained_in_norwegian(api_client):
    response = api_client.get("/api/v1/sites/?near=200,63.4&radius=100", **NB)

    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "Ugyldig forespørsel"
    assert body["detail"] == "Forespørselen har ugyldige verdier."
    assert messages(response) == {"near": "Lengdegrad 200.0 er utenfor -180..180."}


def test_near_without_radius_is_explained_in_norwegian(api_client):
    response = api_client.get("/api/v1/pilots/?near=10.4,63.4", **NB)

    assert response.status_code == 400
    assert messages(response) == {
        "radius": "radius (meter) er påkrevd sammen med near."
    }


def test_an_unknown_sector_and_a_longitude_out_of_range_in_norwegian(api_client):
    sectors("mobility")
    api_client.force_authenticate(UserFactory.create())

    response = api_client.post(
        "/api/v1/pilots/",
        json.dumps(
            {
                "slug": "p1",
                "title": "Pilot",
                "sectors": ["mobility", "space-travel"],
                "location": {"type": "Point", "coordinates": [190, 63.4]},
            }
        ),
        content_type="application/json",
        **NB,
    )

    assert response.status_code == 400
    assert messages(response) == {
        "sectors": "Ukjent sektor: space-travel (se /api/v1/sectors/).",
        "location.coordinates[0]": "Lengdegraden må være mellom -180 og 180.",
    }


def test_a_409_names_the_status_and_actions_in_norwegian():
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(
        owner=owner, status=PilotProject.Status.PUBLISHED
    )

    response = client_for(owner).post(
        f"/api/v1/pilots/{pilot.slug}/submit/",
        {},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 409
    body = response.json()
    assert body["title"] == "Konflikt"
    assert body["detail"] == (
        "Et pilotprosjekt med status «Publisert» kan ikke «send inn»; "
        "tillatt herfra: start, avpubliser."
    )
    assert body["allowed"] == ["start", "unpublish"]  # codes stay machine-readable


def test_english_stays_the_default(api_client):
    response = api_client.get("/api/v1/sites/?near=200,63.4&radius=100")

    assert response.json()["title"] == "Bad Request"
    assert messages(response) == {"near": "Longitude 200.0 is outside -180..180."}


def test_a_webhook_over_http_is_refused_in_norwegian(api_client):
    api_client.force_authenticate(UserFactory.create())

    response = api_client.post(
        "/api/v1/subscriptions/",
        {"channel": "webhook", "webhook_url": "http://example.org/hook"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 400
    assert messages(response) == {"webhook_url": "Webhook-adresser må bruke https."}


def test_ogc_parameters_are_explained_in_norwegian(api_client):
    response = api_client.get(
        "/ogc/collections/sites/items?limit=0", HTTP_ACCEPT_LANGUAGE="nb"
    )

    assert response.status_code == 400
    assert "limit må være minst 1." in response.content.decode()


def test_a_body_over_the_limit_is_refused_in_norwegian(api_client, settings):
    settings.API_MAX_REQUEST_BODY_BYTES = 10
    response = api_client.post(
        "/api/v1/sites/",
        data="x" * 100,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 413
    assert "grensen er 10 byte" in response.json()["detail"]


def test_the_password_length_rule_is_explained_in_norwegian(api_client):
    """Django's Bokmål catalogue lacks this plural message (issue 15)."""
    response = api_client.post(
        "/api/v1/auth/sign-up/",
        {"email": "kari@example.org", "password": "kort1"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nb",
    )

    assert response.status_code == 400
    messages = [error["message"] for error in response.json()["errors"]]
    assert "Passordet er for kort. Det må inneholde minst 8 tegn." in messages
