"""Booking events through the notification machinery (eager tasks): requests
reach the host's admins, decisions and cancellations the booker, each as an
inbox entry, an email and (with a webhook subscription) a signed webhook."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from standardwebhooks import Webhook

from pilots.booking_tasks import booking_reminders_task
from pilots.models import Delivery, Notification, OutboxEvent, Subscription
from pilots.notifications.deliveries import delivery_attempt
from pilots.services.subscriptions import subscription_create
from tests.booking_support import OSLO, make_resource, next_monday
from tests.factories import OrganizationFactory
from tests.pilots.notifications.receiver import Receiver, running_receiver

from .owner_support import client_for, eager_celery, make_member

pytestmark = pytest.mark.django_db
__all__ = ["eager_celery"]


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.WEBHOOK_ALLOW_INSECURE_LOCAL = True
    with running_receiver() as receiver:
        yield receiver


@pytest.fixture
def people() -> dict[str, Any]:
    booker_org = OrganizationFactory.create(slug="startup-as")
    resource = make_resource(approval_required=True)
    host_org = resource.site.host
    return {
        "resource": resource,
        "booker": make_member(booker_org, role="member"),
        "colleague": make_member(booker_org, role="member"),
        "host": make_member(host_org, role="admin"),
        "host_member": make_member(host_org, role="member"),
    }


def request(people: dict[str, Any], start: datetime | None = None) -> dict[str, Any]:
    start = start or next_monday()
    response = client_for(people["booker"]).post(
        "/api/v1/bookings/",
        {
            "resource": people["resource"].pk,
            "organization": "startup-as",
            "start": start.isoformat(),
            "end": (start + timedelta(hours=2)).isoformat(),
            "purpose": "Battery cold test",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return dict(response.json())


def inbox(person: Any) -> list[dict[str, Any]]:
    return list(client_for(person).get("/api/v1/notifications/").json()["results"])


def test_a_request_reaches_only_the_hosts_admins_and_a_decision_the_booker(
    people: dict[str, Any], eager_celery: None
) -> None:
    booking = request(people)

    [entry] = inbox(people["host"])
    assert entry["kind"] == "booking.requested"
    assert entry["booking"] == booking["id"]
    assert entry["booking_resource"] == people["resource"].name
    assert entry["opportunity"] is None
    assert entry["delivery_status"] == "in_app"
    for other in ("booker", "colleague", "host_member"):
        assert inbox(people[other]) == []
    assert [m.to for m in mail.outbox] == [[people["host"].email]]
    assert OutboxEvent.objects.get().processed_at is not None

    declined = client_for(people["host"]).post(
        f"/api/v1/bookings/{booking['id']}/decline/",
        {"reason": "Maintenance that week"},
        format="json",
    )

    assert declined.status_code == 200
    [entry] = inbox(people["booker"])
    assert entry["kind"] == "booking.declined"
    assert len(inbox(people["host"])) == 1
    assert mail.outbox[-1].to == [people["booker"].email]
    assert "Maintenance that week" in mail.outbox[-1].body
    assert "/my/bookings/" in mail.outbox[-1].body  # the page to act on it
    unread = client_for(people["booker"]).get("/api/v1/notifications/unread-count/")
    assert unread.json() == {"unread": 1}


def test_the_bookers_webhook_gets_a_signed_decision_without_addresses(
    people: dict[str, Any], eager_celery: None, receiver: Receiver
) -> None:
    hook = subscription_create(
        actor=people["booker"],
        channel="webhook",
        webhook_url=f"{receiver.base_url}/hooks/bookings",
    )
    booking = request(people)
    assert receiver.requests == []  # the request goes to the hosts only

    client_for(people["host"]).post(
        f"/api/v1/bookings/{booking['id']}/confirm/", {}, format="json"
    )

    [received] = receiver.requests
    hook.refresh_from_db()
    payload = Webhook(hook.webhook_secret).verify(received.body, received.headers)
    assert payload["type"] == "booking.confirmed"
    data = payload["data"]["booking"]
    assert data["id"] == booking["id"]
    assert data["state"] == "confirmed"
    assert data["resource"]["name"] == people["resource"].name
    assert data["purpose"] == "Battery cold test"
    assert (data["start"], data["end"]) == (booking["start"], booking["end"])
    assert data["organization"] == "startup-as"
    for person in ("booker", "host", "colleague"):
        assert people[person].email not in received.body.decode()
    delivery = Delivery.objects.get(channel="webhook")
    assert received.headers["webhook-id"] == delivery.webhook_id
    assert delivery.subscription == hook
    assert delivery.status == Delivery.Status.DELIVERED
    channels = Delivery.objects.filter(user=people["booker"]).values_list(
        "channel", flat=True
    )
    assert sorted(channels) == ["email", "webhook"]


def test_a_failing_webhook_is_retried_like_an_opportunitys(
    people: dict[str, Any], eager_celery: None, receiver: Receiver
) -> None:
    subscription_create(
        actor=people["host"],
        channel="webhook",
        webhook_url=f"{receiver.base_url}/fail-1/hooks",
    )
    request(people)

    delivery = Delivery.objects.get(channel="webhook")
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now()
    assert delivery.last_error == "HTTP 500"

    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert delivery_attempt(delivery_id=delivery.pk) == Delivery.Status.DELIVERED
    assert len(receiver.unique_by_webhook_id()) == 1  # the same webhook-id twice
    assert len(receiver.requests) == 2


def test_a_cancellation_by_the_booker_tells_the_hosts_and_by_a_host_the_booker(
    people: dict[str, Any], eager_celery: None
) -> None:
    first = request(people)
    second = request(people, next_monday() + timedelta(days=1))
    booker, host = client_for(people["booker"]), client_for(people["host"])

    booker.post(f"/api/v1/bookings/{first['id']}/cancel/", {}, format="json")
    host.post(
        f"/api/v1/bookings/{second['id']}/cancel/",
        {"reason": "The chamber broke"},
        format="json",
    )

    kinds = [entry["kind"] for entry in inbox(people["host"])]
    assert kinds == ["booking.cancelled", "booking.requested", "booking.requested"]
    booker_entries = inbox(people["booker"])
    assert [entry["kind"] for entry in booker_entries] == [
        "booking.cancelled",
        "booking.cancelled",
    ]


def test_the_reminder_reaches_the_bookers_inbox_once(
    people: dict[str, Any], eager_celery: None
) -> None:
    resource = make_resource()  # confirmed at once
    host_org_admin = make_member(resource.site.host, role="admin")
    tomorrow = timezone.now().astimezone(OSLO).date() + timedelta(days=1)
    start = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 12, tzinfo=OSLO)
    people["resource"] = resource
    booking = request(people, start)
    assert booking["state"] == "confirmed"
    assert [e["kind"] for e in inbox(host_org_admin)] == ["booking.confirmed"]

    assert booking_reminders_task() == 1
    assert booking_reminders_task() == 0

    kinds = [entry["kind"] for entry in inbox(people["booker"])]
    assert kinds == ["booking.reminder", "booking.confirmed"]
    assert mail.outbox[-1].to == [people["booker"].email]
    assert "Tomorrow" in mail.outbox[-1].subject
    assert [e["kind"] for e in inbox(host_org_admin)] == ["booking.confirmed"]


def test_a_paused_webhook_subscription_gets_no_booking_events(
    people: dict[str, Any], eager_celery: None, receiver: Receiver
) -> None:
    hook = subscription_create(
        actor=people["host"],
        channel="webhook",
        webhook_url=f"{receiver.base_url}/hooks",
    )
    Subscription.objects.filter(pk=hook.pk).update(is_active=False)

    request(people)

    assert receiver.requests == []
    assert not Delivery.objects.filter(channel="webhook").exists()
    assert Notification.objects.filter(user=people["host"]).count() == 1
