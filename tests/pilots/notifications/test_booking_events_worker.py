"""Request -> confirm -> inbox, email and signed webhook, with a real Celery
worker and Redis (the eager tests are in tests/api/test_booking_notifications.py)."""

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks import Webhook

from config.celery_app import app
from pilots.models import Delivery, Notification
from pilots.services.bookings import booking_request, booking_transition
from pilots.services.subscriptions import subscription_create
from tests.api.owner_support import make_member
from tests.booking_support import make_resource, next_monday
from tests.factories import OrganizationFactory

from .receiver import Receiver, running_receiver
from .support import sent_emails
from .workers import wait_until, worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue() -> Iterator[str]:
    name = f"test-{uuid.uuid4().hex[:12]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = previous


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.WEBHOOK_ALLOW_INSECURE_LOCAL = True
    with running_receiver() as receiver:
        yield receiver


def delivered(count: int) -> bool:
    return (
        Delivery.objects.filter(status=Delivery.Status.DELIVERED).count() == count
        and not Delivery.objects.exclude(status=Delivery.Status.DELIVERED).exists()
    )


def test_a_request_and_its_confirmation_go_out_through_the_worker(
    queue: str, tmp_path: Path, receiver: Receiver
) -> None:
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "WEBHOOK_ALLOW_INSECURE_LOCAL": "true",
        "NOTIFICATION_SWEEP_SECONDS": "1",
        "NOTIFICATION_OUTBOX_GRACE_SECONDS": "0",
    }
    resource = make_resource(approval_required=True)
    host = make_member(resource.site.host, role="admin")
    organization = OrganizationFactory.create()
    booker = make_member(organization, role="member")
    hook = subscription_create(
        actor=booker, channel="webhook", webhook_url=f"{receiver.base_url}/hooks"
    )
    start = next_monday()

    with worker(queue=queue, tmp_path=tmp_path, env=env):
        booking = booking_request(
            resource=resource,
            organization=organization,
            actor=booker,
            start=start,
            end=start + timedelta(hours=2),
            purpose="Battery cold test",
        )
        wait_until(lambda: delivered(1), what="the host's email")
        booking_transition(booking=booking, actor=host, action="confirm")
        wait_until(lambda: delivered(3), what="the booker's email and webhook")

    # One file per connection, named by the second and an object id: two
    # sent within a second sort either way, so read them by recipient.
    messages = sent_emails(mail_dir)
    sent = {message["To"]: message for message in messages}
    assert len(messages) == 2
    assert sorted(sent) == sorted([host.email, booker.email])
    to_booker = sent[booker.email]
    assert resource.name in to_booker["Subject"]
    [received] = receiver.requests
    hook.refresh_from_db()
    payload = Webhook(hook.webhook_secret).verify(received.body, received.headers)
    assert payload["type"] == "booking.confirmed"
    assert payload["data"]["booking"]["id"] == booking.pk
    inbox = Notification.objects.values_list("user_id", "kind").order_by("id")
    assert list(inbox) == [
        (host.pk, "booking.requested"),
        (booker.pk, "booking.confirmed"),
    ]
