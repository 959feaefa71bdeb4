"""/api/v1/subscriptions/: a user's own criteria, channels and secrets."""

from typing import Any

import pytest
from rest_framework.test import APIClient
from standardwebhooks import Webhook

from pilots.models import Delivery, Subscription
from tests.api.catalogue_support import sectors
from tests.factories import OrganizationFactory, UserFactory
from tests.pilots.notifications.factories import SubscriptionFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/subscriptions/"
PUBLIC_HOOK = "https://93.184.215.14/hooks/ttp"


@pytest.fixture
def user_client(api_client: APIClient) -> APIClient:
    api_client.force_authenticate(UserFactory.create())
    return api_client


def test_anonymous_users_have_no_subscriptions(api_client: APIClient) -> None:
    assert api_client.get(URL).status_code in (401, 403)
    assert api_client.post(URL, {}, format="json").status_code in (401, 403)


def test_create_with_every_criterion(user_client: APIClient, zones: int) -> None:
    sectors("mobility")
    organization = OrganizationFactory.create()
    payload = {
        "name": "Mobility near Gløshaugen",
        "sectors": ["mobility"],
        "sdgs": [9, 11],
        "zones": ["gloshaugen"],
        "organizations": [organization.slug],
        "point": {"type": "Point", "coordinates": [10.4025, 63.419]},
        "radius_m": 1500,
        "trl_min": 4,
        "trl_max": 7,
        "keywords": "ferry OR sensor",
        "channel": "email",
        "frequency": "weekly",
    }

    response = user_client.post(URL, payload, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["zones"] == ["gloshaugen"]
    assert body["organizations"] == [organization.slug]
    assert body["point"]["coordinates"] == [10.4025, 63.419]
    stored = Subscription.objects.get()
    assert len(stored.zone_ids) == 1
    assert stored.organization_ids == [organization.pk]


def test_webhook_secret_is_shown_once_and_rotates(user_client: APIClient) -> None:
    created = user_client.post(
        URL, {"channel": "webhook", "webhook_url": PUBLIC_HOOK}, format="json"
    )
    assert created.status_code == 201, created.content
    secret = created.json()["webhook_secret"]
    assert secret.startswith("whsec_")
    Webhook(secret)  # a valid Standard Webhooks secret

    detail = user_client.get(f"{URL}{created.json()['id']}/")
    rotated = user_client.post(f"{URL}{created.json()['id']}/rotate-secret/")

    assert "webhook_secret" not in detail.json()
    assert rotated.status_code == 200
    assert rotated.json()["webhook_secret"] not in ("", secret)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"channel": "webhook", "webhook_url": "https://127.0.0.1/x"}, "webhook_url"),
        ({"channel": "webhook", "webhook_url": "https://10.1.2.3/x"}, "webhook_url"),
        ({"channel": "webhook", "webhook_url": "http://93.184.215.14/"}, "webhook_url"),
        ({"channel": "webhook"}, "webhook_url"),
        ({"zones": ["atlantis"]}, "zones"),
        ({"organizations": ["nobody"]}, "organizations"),
        ({"point": {"type": "Point", "coordinates": [10.4, 63.4]}}, "radius_m"),
        ({"radius_m": 0}, "radius_m"),
        ({"trl_min": 7, "trl_max": 2}, "trl_max"),
        ({"sectors": ["not-a-sector"]}, "sectors"),
        ({"frequency": "hourly"}, "frequency"),
    ],
)
def test_bad_subscriptions_are_refused(
    user_client: APIClient, payload: dict[str, Any], field: str
) -> None:
    response = user_client.post(URL, payload, format="json")

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    fields = [error["field"] for error in response.json()["errors"]]
    assert field in fields
    assert not Subscription.objects.exists()


def test_users_see_and_change_only_their_own(user_client: APIClient) -> None:
    other = SubscriptionFactory.create()

    listed = user_client.get(URL)
    changed = user_client.patch(f"{URL}{other.pk}/", {"name": "x"}, format="json")

    assert listed.status_code == 200
    assert other.pk not in [row["id"] for row in listed.json()["results"]]
    assert changed.status_code == 404


def test_pause_and_resume(user_client: APIClient) -> None:
    created = user_client.post(URL, {"channel": "in_app"}, format="json").json()

    paused = user_client.post(f"{URL}{created['id']}/pause/")
    resumed = user_client.post(f"{URL}{created['id']}/resume/")

    assert paused.json()["is_active"] is False
    assert resumed.json()["is_active"] is True


def test_deliveries_never_show_receiver_answers(user_client: APIClient) -> None:
    created = user_client.post(
        URL, {"channel": "webhook", "webhook_url": PUBLIC_HOOK}, format="json"
    ).json()
    from django.utils import timezone

    Delivery.objects.create(
        subscription_id=created["id"],
        kind="match",
        channel="webhook",
        dedupe_key="match:test",
        status="dead",
        attempts=8,
        next_attempt_at=timezone.now(),
        last_error="HTTP 500: receiver said <secret-data>",
    )

    response = user_client.get(f"{URL}{created['id']}/deliveries/")

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["status"] == "dead"
    assert row["webhook_id"].startswith("msg_")
    assert "secret-data" not in response.content.decode()


def test_switching_to_webhook_shows_the_new_secret_once(user_client: APIClient) -> None:
    created = user_client.post(URL, {"channel": "email"}, format="json").json()

    switched = user_client.patch(
        f"{URL}{created['id']}/",
        {"channel": "webhook", "webhook_url": PUBLIC_HOOK},
        format="json",
    )
    renamed = user_client.patch(f"{URL}{created['id']}/", {"name": "x"}, format="json")

    assert switched.status_code == 200, switched.content
    assert switched.json()["webhook_secret"].startswith("whsec_")
    assert renamed.status_code == 200
    assert "webhook_secret" not in renamed.json()


def test_deliveries_are_paginated_newest_first(user_client: APIClient) -> None:
    from django.utils import timezone

    created = user_client.post(URL, {"channel": "email"}, format="json").json()
    for number in range(25):
        Delivery.objects.create(
            subscription_id=created["id"],
            kind="match",
            channel="email",
            dedupe_key=f"match:{number}",
            next_attempt_at=timezone.now(),
        )
    url = f"{URL}{created['id']}/deliveries/"

    first = user_client.get(url).json()
    second = user_client.get(first["next"]).json()

    assert len(first["results"]) == 20
    assert len(second["results"]) == 5
    assert second["next"] is None
    ids = [row["webhook_id"] for row in first["results"] + second["results"]]
    assert len(set(ids)) == 25
