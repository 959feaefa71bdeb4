"""A per-organisation cap on the people its publishing notifies in any 24 hours
(issue 13): a clear 429 problem with Retry-After, documented in the schema."""

from datetime import timedelta
from typing import Any

import pytest
import yaml
from django.utils import timezone
from rest_framework.test import APIClient

from pilots.models import Opportunity, OutboxEvent
from pilots.services.subscriptions import subscription_create
from tests.api.owner_support import client_for, make_moderator
from tests.factories import UserFactory
from tests.pilots.notifications.factories import OpportunityFactory
from tests.pilots.notifications.support import publisher_admin

pytestmark = pytest.mark.django_db
URL = "/api/v1/opportunities/"


@pytest.fixture(autouse=True)
def cap_of_three(settings: Any) -> None:
    settings.NOTIFICATIONS_PER_ORGANISATION_PER_DAY = 3


@pytest.fixture
def two_people() -> None:
    """Two people, one with two matching subscriptions (still one person)."""
    twice = UserFactory.create()
    for sectors in (["mobility"], []):
        subscription_create(actor=twice, channel="in_app", sectors=sectors)
    subscription_create(actor=UserFactory.create(), channel="email")


def drafts(publisher: Any, count: int) -> list[Opportunity]:
    return [
        OpportunityFactory.create(
            publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
        )
        for _ in range(count)
    ]


def test_publishing_past_the_cap_is_a_429_and_changes_nothing(
    two_people: None,
) -> None:
    admin, publisher = publisher_admin()
    first, second = drafts(publisher, 2)
    client = client_for(admin)

    allowed = client.post(f"{URL}{first.slug}/publish/")
    refused = client.post(f"{URL}{second.slug}/publish/")

    assert allowed.status_code == 200, allowed.content
    assert OutboxEvent.objects.get(opportunity=first).recipients == 2
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    body = refused.json()
    assert (body["limit"], body["used"], body["requested"]) == (3, 2, 2)
    assert "at most 3 a day" in body["detail"]
    assert 86_000 < int(refused["Retry-After"]) <= 86_400
    second.refresh_from_db()
    assert second.status == Opportunity.Status.DRAFT
    assert not OutboxEvent.objects.filter(opportunity=second).exists()


def test_the_window_rolls_over_a_day(two_people: None) -> None:
    admin, publisher = publisher_admin()
    first, second = drafts(publisher, 2)
    client = client_for(admin)
    client.post(f"{URL}{first.slug}/publish/")
    OutboxEvent.objects.filter(opportunity=first).update(
        created_at=timezone.now() - timedelta(hours=23)
    )

    refused = client.post(f"{URL}{second.slug}/publish/")
    OutboxEvent.objects.filter(opportunity=first).update(
        created_at=timezone.now() - timedelta(hours=24, seconds=1)
    )
    allowed = client.post(f"{URL}{second.slug}/publish/")

    assert refused.status_code == 429
    assert 3500 < int(refused["Retry-After"]) <= 3600
    assert allowed.status_code == 200, allowed.content


def test_the_cap_is_per_organisation_and_holds_for_approvals(
    two_people: None,
) -> None:
    admin, publisher = publisher_admin()
    other_admin, other = publisher_admin(verified=False)
    client_for(admin).post(f"{URL}{drafts(publisher, 1)[0].slug}/publish/")
    [theirs, more] = drafts(other, 2)
    moderator = client_for(make_moderator())
    for opportunity in (theirs, more):
        client_for(other_admin).post(f"{URL}{opportunity.slug}/submit/")

    approved = moderator.post(f"{URL}{theirs.slug}/approve/")
    refused = moderator.post(f"{URL}{more.slug}/approve/")

    assert approved.status_code == 200, approved.content
    assert refused.status_code == 429
    more.refresh_from_db()
    assert more.status == Opportunity.Status.SUBMITTED


def test_the_limit_is_in_the_schema(api_client: APIClient) -> None:
    document = yaml.safe_load(api_client.get("/api/schema/").content)
    paths = document["paths"]

    for action in ("publish", "approve"):
        responses = paths[f"/api/v1/opportunities/{{slug}}/{action}/"]["post"][
            "responses"
        ]
        assert (
            "NOTIFICATIONS_PER_ORGANISATION_PER_DAY"
            in (responses["429"]["description"])
        )
        assert "409" in responses


def test_a_call_matching_more_people_than_a_whole_day_allows_waits_a_day(
    two_people: None, settings: Any
) -> None:
    settings.NOTIFICATIONS_PER_ORGANISATION_PER_DAY = 1
    admin, publisher = publisher_admin()
    [opportunity] = drafts(publisher, 1)

    refused = client_for(admin).post(f"{URL}{opportunity.slug}/publish/")

    assert refused.status_code == 429
    assert (refused.json()["used"], refused.json()["requested"]) == (0, 2)
    assert refused["Retry-After"] == "86400"
