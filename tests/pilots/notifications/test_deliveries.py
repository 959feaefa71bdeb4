"""Delivery attempts in-process: retries with backoff, dead, 410, reminders."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from pilots.models import Delivery, Notification, Subscription
from pilots.notifications.deliveries import (
    deliveries_create,
    deliveries_due,
    delivery_attempt,
    retry_delay,
)
from pilots.notifications.matching import match_subscriptions
from pilots.notifications.reminders import reminders_create
from pilots.services.subscriptions import subscription_create
from tests.factories import UserFactory

from .factories import OpportunityFactory
from .receiver import Receiver, running_receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.WEBHOOK_ALLOW_INSECURE_LOCAL = True
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 10
    settings.NOTIFICATION_RETRY_MAX_SECONDS = 3600
    with running_receiver() as receiver:
        yield receiver


def webhook_delivery(receiver: Receiver, path: str) -> Delivery:
    subscription = subscription_create(
        actor=UserFactory.create(),
        channel="webhook",
        webhook_url=f"{receiver.base_url}{path}",
    )
    opportunity = OpportunityFactory.create()
    match_subscriptions(opportunity_id=opportunity.pk)
    [delivery_id] = deliveries_create(kind="match", opportunity_id=opportunity.pk)
    delivery = Delivery.objects.get(pk=delivery_id)
    assert delivery.subscription == subscription
    return delivery


def make_due(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_a_failure_is_retried_later_from_the_database(receiver: Receiver) -> None:
    delivery = webhook_delivery(receiver, "/fail-1/hook")

    first = delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    waiting = delivery.next_attempt_at - timezone.now()
    not_yet = delivery_attempt(delivery_id=delivery.pk)
    make_due(delivery)
    second = delivery_attempt(delivery_id=delivery.pk)

    assert first == "pending"
    assert delivery.attempts == 1
    assert timedelta(seconds=4) < waiting <= timedelta(seconds=10)
    assert delivery.last_error == "HTTP 500"
    assert not_yet is None
    assert second == "delivered"
    assert len(receiver.requests) == 2
    assert len(receiver.unique_by_webhook_id()) == 1


def test_dead_after_the_last_attempt(receiver: Receiver) -> None:
    delivery = webhook_delivery(receiver, "/fail-99/hook")

    statuses = []
    for _ in range(3):
        make_due(delivery)
        statuses.append(delivery_attempt(delivery_id=delivery.pk))

    assert statuses == ["pending", "pending", "dead"]
    make_due(delivery)
    assert delivery_attempt(delivery_id=delivery.pk) is None
    assert len(receiver.requests) == 3


def test_410_disables_the_endpoint(receiver: Receiver) -> None:
    delivery = webhook_delivery(receiver, "/gone/hook")

    assert delivery_attempt(delivery_id=delivery.pk) == "dead"
    subscription = Subscription.objects.get(deliveries=delivery)
    assert subscription.webhook_disabled_at is not None
    later = OpportunityFactory.create()
    match_subscriptions(opportunity_id=later.pk)
    [next_id] = deliveries_create(kind="match", opportunity_id=later.pk)
    assert delivery_attempt(delivery_id=next_id) == "skipped"
    assert len(receiver.requests) == 1


def test_backoff_grows_exponentially_with_jitter_and_a_cap(settings: Any) -> None:
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 30
    settings.NOTIFICATION_RETRY_MAX_SECONDS = 600
    delays = [retry_delay(n).total_seconds() for n in range(1, 8)]
    samples = {retry_delay(3).total_seconds() for _ in range(20)}

    for failures, seconds in enumerate(delays, start=1):
        ceiling = min(600, 30 * 2 ** (failures - 1))
        assert ceiling / 2 <= seconds <= ceiling
    assert len(samples) > 1  # jitter


def test_paused_subscriptions_are_skipped(receiver: Receiver) -> None:
    delivery = webhook_delivery(receiver, "/hook")
    Subscription.objects.filter(deliveries=delivery).update(is_active=False)

    assert delivery_attempt(delivery_id=delivery.pk) == "skipped"
    assert receiver.requests == []


def test_due_deliveries_are_found_by_the_sweeper(receiver: Receiver) -> None:
    delivery = webhook_delivery(receiver, "/hook")
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    assert str(delivery.pk) not in deliveries_due()
    make_due(delivery)
    assert str(delivery.pk) in deliveries_due()


def test_reminders_three_days_before_the_deadline_once() -> None:
    soon = OpportunityFactory.create(deadline=timezone.now() + timedelta(days=2))
    later = OpportunityFactory.create(deadline=timezone.now() + timedelta(days=10))
    email = subscription_create(actor=UserFactory.create(), channel="email")
    digest = subscription_create(
        actor=UserFactory.create(), channel="email", frequency="weekly"
    )
    for opportunity in (soon, later):
        match_subscriptions(opportunity_id=opportunity.pk)

    created = reminders_create()
    again = reminders_create()

    reminders = Notification.objects.filter(kind="reminder")
    assert {(n.subscription_id, n.opportunity_id) for n in reminders} == {
        (email.pk, soon.pk),
        (digest.pk, soon.pk),
    }
    assert len(created) == 2  # reminders go out even to digest subscribers
    assert again == []


def test_a_webhook_url_refused_at_send_time_is_dead_at_once(
    receiver: Receiver, settings: Any
) -> None:
    delivery = webhook_delivery(receiver, "/hook")
    settings.WEBHOOK_ALLOW_INSECURE_LOCAL = False  # e.g. the name now resolves here

    assert delivery_attempt(delivery_id=delivery.pk) == "dead"
    assert receiver.requests == []


def test_an_email_without_address_is_dead_at_once() -> None:
    subscription = subscription_create(
        actor=UserFactory.create(email=""), channel="email"
    )
    opportunity = OpportunityFactory.create()
    match_subscriptions(opportunity_id=opportunity.pk)
    [delivery_id] = deliveries_create(kind="match", opportunity_id=opportunity.pk)

    assert delivery_attempt(delivery_id=delivery_id) == "dead"
    assert Delivery.objects.get(pk=delivery_id).subscription == subscription
