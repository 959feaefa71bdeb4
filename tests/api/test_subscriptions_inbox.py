"""The in-app inbox and the one-click unsubscribe link."""

import pytest
from rest_framework.test import APIClient

from pilots.models import Notification, Subscription
from pilots.notifications.content import unsubscribe_url
from pilots.notifications.matching import match_subscriptions
from tests.factories import UserFactory
from tests.pilots.notifications.factories import OpportunityFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db
INBOX = "/api/v1/notifications/"


def test_inbox_lists_counts_and_marks_read(api_client: APIClient) -> None:
    subscription = SubscriptionFactory.create()
    other = SubscriptionFactory.create()
    first, second = OpportunityFactory.create_batch(2, is_example=True)
    for opportunity in (first, second):
        match_subscriptions(opportunity_id=opportunity.pk)
    api_client.force_authenticate(subscription.user)

    listed = api_client.get(INBOX)
    count = api_client.get(f"{INBOX}unread-count/")
    mine = Notification.objects.filter(user=subscription.user).first()
    assert mine is not None
    marked = api_client.post(f"{INBOX}{mine.pk}/read/")
    after = api_client.get(f"{INBOX}unread-count/")
    all_marked = api_client.post(f"{INBOX}mark-read/", {}, format="json")
    theirs = Notification.objects.get(user=other.user, opportunity=first)
    foreign = api_client.post(f"{INBOX}{theirs.pk}/read/")

    assert listed.status_code == 200
    rows = listed.json()["results"]
    assert {row["opportunity"] for row in rows} == {first.slug, second.slug}
    assert all(row["opportunity_is_example"] for row in rows)
    assert rows[0]["delivery_status"] == "in_app"
    assert count.json() == {"unread": 2}
    assert marked.json() == {"marked": 1}
    assert after.json() == {"unread": 1}
    assert all_marked.json() == {"marked": 1}
    assert foreign.status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_inbox_needs_an_account(api_client: APIClient) -> None:
    assert api_client.get(INBOX).status_code in (401, 403)


def test_one_click_unsubscribe_without_login(api_client: APIClient) -> None:
    subscription = SubscriptionFactory.create(channel="email")
    url = unsubscribe_url(subscription).split("8000", 1)[1]

    page = api_client.get(url)
    subscription.refresh_from_db()
    assert page.status_code == 200
    assert b"<form" in page.content
    assert subscription.unsubscribed_at is None  # a GET changes nothing

    done = api_client.post(url)  # RFC 8058: List-Unsubscribe=One-Click
    subscription.refresh_from_db()
    assert done.status_code == 200
    assert subscription.unsubscribed_at is not None
    assert not subscription.receives

    match_subscriptions(opportunity_id=OpportunityFactory.create().pk)
    assert not Notification.objects.filter(subscription=subscription).exists()


@pytest.mark.parametrize(
    "token", ["nonsense", "eyJzIjoxfQ:1xXWi1:forged-signature-forged-signature"]
)
def test_forged_unsubscribe_tokens_are_refused(
    api_client: APIClient, token: str
) -> None:
    subscription = SubscriptionFactory.create(user=UserFactory.create())

    response = api_client.post(f"/api/v1/unsubscribe/{token}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert Subscription.objects.get(pk=subscription.pk).receives
