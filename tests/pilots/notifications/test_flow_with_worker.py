"""Publish -> match -> deliver, with a real Celery worker, Redis and receivers.

The worker is another process: emails go to files (filebased backend in a
temporary folder), webhooks to a receiver thread on 127.0.0.1 (allowed by
WEBHOOK_ALLOW_INSECURE_LOCAL, which the SSRF tests check is off by default).
"""

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks import Webhook

from config.celery_app import app
from pilots.models import Delivery, Notification, Opportunity, Subscription
from pilots.services.opportunities import opportunity_publish
from pilots.services.subscriptions import subscription_create
from pilots.tasks import digests_send_task
from pilots.timestamps import format_timestamp
from tests.factories import UserFactory

from .factories import OpportunityFactory
from .receiver import Receiver, running_receiver
from .support import body_parts, publisher_admin, sent_emails
from .workers import free_port, kill_now, redis_server, wait_until, worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as receiver:
        yield receiver


@pytest.fixture
def queue() -> Iterator[str]:
    """Tasks queued from this process go to the test's own queue."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = previous


@pytest.fixture
def mail_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


@pytest.fixture
def worker_env(mail_dir: Path) -> dict[str, str]:
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "WEBHOOK_ALLOW_INSECURE_LOCAL": "true",
        "NOTIFICATION_SWEEP_SECONDS": "1",
        "NOTIFICATION_OUTBOX_GRACE_SECONDS": "0",
        "NOTIFICATION_RETRY_BASE_SECONDS": "0.2",
        "NOTIFICATION_RETRY_MAX_SECONDS": "1",
    }


@pytest.fixture(autouse=True)
def local_receivers_allowed(settings: Any) -> None:
    settings.WEBHOOK_ALLOW_INSECURE_LOCAL = True


def all_delivered(count: int) -> bool:
    return (
        Delivery.objects.filter(status=Delivery.Status.DELIVERED).count() == count
        and not Delivery.objects.exclude(status=Delivery.Status.DELIVERED).exists()
    )


def test_publish_reaches_email_inbox_and_signed_webhook(
    queue: str,
    tmp_path: Path,
    mail_dir: Path,
    worker_env: dict[str, str],
    receiver: Receiver,
) -> None:
    actor, publisher = publisher_admin()
    by_email = subscription_create(
        actor=UserFactory.create(), channel="email", sectors=["mobility"]
    )
    by_webhook = subscription_create(
        actor=UserFactory.create(),
        channel="webhook",
        webhook_url=f"{receiver.base_url}/hooks/ttp",
    )
    in_app = subscription_create(actor=UserFactory.create(), channel="in_app")
    not_matching = subscription_create(
        actor=UserFactory.create(), channel="email", sectors=["health"]
    )
    opportunity = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )

    with worker(queue=queue, tmp_path=tmp_path, env=worker_env):
        opportunity_publish(opportunity=opportunity, actor=actor)
        wait_until(lambda: all_delivered(2), what="two deliveries")
        receiver.wait_for(1)

    notified = set(Notification.objects.values_list("subscription_id", flat=True))
    assert notified == {by_email.pk, by_webhook.pk, in_app.pk}
    assert not_matching.pk not in notified

    [message] = sent_emails(mail_dir)
    assert message["To"] == by_email.user.email
    assert opportunity.title in message["Subject"]
    assert str(message["List-Unsubscribe"]).strip().startswith("<http")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    parts = body_parts(message)
    assert opportunity.title in parts["text/plain"]
    assert opportunity.title in parts["text/html"]
    assert "/unsubscribe/" in parts["text/html"]

    [received] = receiver.requests
    by_webhook.refresh_from_db()
    payload = Webhook(by_webhook.webhook_secret).verify(received.body, received.headers)
    assert payload["type"] == "opportunity.matched"
    assert payload["data"]["opportunities"][0]["slug"] == opportunity.slug
    delivery = Delivery.objects.get(subscription=by_webhook)
    assert received.headers["webhook-id"] == delivery.webhook_id
    assert received.headers["webhook-signature"].startswith("v1,")
    # Times as the API writes them (RFC 3339, UTC, Z, six decimals).
    assert opportunity.deadline is not None
    assert payload["timestamp"] == format_timestamp(delivery.created_at)
    assert payload["data"]["opportunities"][0]["deadline"] == format_timestamp(
        opportunity.deadline
    )

    with pytest.raises(Exception, match="signature"):
        Webhook(by_webhook.webhook_secret).verify(
            received.body.replace(b"matched", b"matchet"), received.headers
        )


def test_broker_down_while_publishing_delivers_after_it_returns(
    tmp_path: Path, mail_dir: Path, worker_env: dict[str, str], settings: Any
) -> None:
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    actor, publisher = publisher_admin()
    subscription_create(actor=UserFactory.create(), channel="email")
    opportunity = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )
    previous = (app.conf.broker_url, app.conf.task_default_queue)
    app.conf.update(broker_url=broker, task_default_queue="outage")
    app._pool = None  # type: ignore[attr-defined]  # drop shared-broker connections
    try:
        started = time.monotonic()
        opportunity_publish(opportunity=opportunity, actor=actor)  # broker is down
        assert time.monotonic() - started < 15
    finally:
        app.conf.update(broker_url=previous[0], task_default_queue=previous[1])
        app._pool = None  # type: ignore[attr-defined]
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.PUBLISHED
    assert not Notification.objects.exists()

    with (
        redis_server(port, tmp_path),
        worker(
            queue="outage",
            tmp_path=tmp_path,
            beat=True,
            env={**worker_env, "REDIS_URL": broker},
        ),
    ):
        wait_until(lambda: all_delivered(1), what="delivery after the outage")

    assert len(sent_emails(mail_dir)) == 1


def test_worker_killed_mid_fan_out_delivers_everything_once(
    queue: str,
    tmp_path: Path,
    worker_env: dict[str, str],
    receiver: Receiver,
) -> None:
    actor, publisher = publisher_admin()
    count = 24
    subscriptions = [
        subscription_create(
            actor=UserFactory.create(),
            channel="webhook",
            webhook_url=f"{receiver.base_url}/slow-150/{index}",
        )
        for index in range(count)
    ]
    opportunity = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )

    with worker(queue=queue, tmp_path=tmp_path, env=worker_env) as first:
        opportunity_publish(opportunity=opportunity, actor=actor)
        wait_until(lambda: len(receiver.requests) >= 3, what="fan-out to start")
        kill_now(first)
    delivered_before = Delivery.objects.filter(status="delivered").count()
    assert delivered_before < count

    with worker(queue=queue, tmp_path=tmp_path, beat=True, env=worker_env):
        wait_until(lambda: all_delivered(count), timeout=90, what="all deliveries")

    unique = receiver.unique_by_webhook_id()
    assert len(unique) == count
    assert {r.path for r in unique.values()} == {
        f"/slow-150/{index}" for index in range(count)
    }
    assert Notification.objects.count() == count
    expected_ids = {
        d.webhook_id for d in Delivery.objects.filter(subscription__in=subscriptions)
    }
    assert set(unique) == expected_ids


def test_digest_groups_matches_into_one_message(
    queue: str, tmp_path: Path, mail_dir: Path, worker_env: dict[str, str]
) -> None:
    actor, publisher = publisher_admin()
    daily = subscription_create(
        actor=UserFactory.create(), channel="email", frequency="daily"
    )
    instant = subscription_create(actor=UserFactory.create(), channel="email")
    opportunities = [
        OpportunityFactory.create(
            publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
        )
        for _ in range(3)
    ]

    with worker(queue=queue, tmp_path=tmp_path, env=worker_env):
        for opportunity in opportunities:
            opportunity_publish(opportunity=opportunity, actor=actor)
        wait_until(lambda: all_delivered(3), what="three instant emails")
        assert not Delivery.objects.filter(subscription=daily).exists()

        assert digests_send_task.delay("daily").get(timeout=30) == 1
        assert digests_send_task.delay("daily").get(timeout=30) == 0
        wait_until(lambda: all_delivered(4), what="the digest")

    digests = [m for m in sent_emails(mail_dir) if m["To"] == daily.user.email]
    assert len(digests) == 1
    text = body_parts(digests[0])["text/plain"]
    for opportunity in opportunities:
        assert opportunity.title in text
    assert "3 new opportunities" in digests[0]["Subject"]
    assert len([m for m in sent_emails(mail_dir) if m["To"] == instant.user.email]) == 3
    delivery = Delivery.objects.get(subscription=daily)
    assert delivery.notifications.count() == 3
    daily.refresh_from_db()
    assert daily.last_digest_at is not None
    assert json.dumps(str(delivery.id))
    assert Subscription.objects.count() == 2


def test_a_moderators_approval_notifies_once_per_person_and_channel(
    queue: str, tmp_path: Path, mail_dir: Path, worker_env: dict[str, str]
) -> None:
    """Issue 13: an unverified publisher submits; nothing goes out until a
    moderator approves; then the worker sends one email to a person two of whose
    subscriptions match."""
    from pilots.services.opportunity_review import opportunity_transition
    from tests.api.owner_support import make_moderator

    actor, publisher = publisher_admin(verified=False)
    person = UserFactory.create()
    first = subscription_create(actor=person, channel="email", sectors=["mobility"])
    second = subscription_create(actor=person, channel="email")
    opportunity = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )

    with worker(queue=queue, tmp_path=tmp_path, env=worker_env):
        opportunity_transition(opportunity=opportunity, actor=actor, action="submit")
        time.sleep(1)  # the sweeper's period: it would find any outbox row
        nothing_yet = Notification.objects.count()
        opportunity_transition(
            opportunity=opportunity, actor=make_moderator(), action="approve"
        )
        wait_until(lambda: all_delivered(1), what="one delivery")

    assert nothing_yet == 0
    [notification] = Notification.objects.all()
    assert notification.matched_subscription_ids == [first.pk, second.pk]
    [message] = sent_emails(mail_dir)
    assert message["To"] == person.email
    assert opportunity.title in message["Subject"]
