"""Deliveries: created set-based from notifications, attempted with retries.

Retry policy: after the n-th failure the next attempt waits
min(cap, base * 2**(n-1)) scaled by a random factor in [0.5, 1] (jitter); the
time is stored in `next_attempt_at` and the beat sweeper queues due rows, so
no long wait lives in the broker. After `NOTIFICATION_MAX_ATTEMPTS` a delivery
is dead. A 410 from a webhook receiver disables the endpoint.
"""

import random
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..models import Delivery, Notification, Subscription
from .booking_events import (
    booking_event_email_send,
    booking_event_loaded,
    booking_event_payload,
)
from .content import webhook_payload
from .email import email_send
from .webhooks import (
    DeliveryFailed,
    DeliveryImpossible,
    WebhookGone,
    webhook_send,
)

# Instant matches and reminders: one delivery per notification, for the
# subscriptions whose channel sends something (in-app needs no delivery).
CREATE_PER_NOTIFICATION_SQL = """
WITH pending AS (
    SELECT n.id AS notification_id, n.subscription_id, s.channel
    FROM pilots_notification n
    JOIN pilots_subscription s ON s.id = n.subscription_id
    WHERE n.kind = %(kind)s
      AND n.delivery_id IS NULL
      AND (%(opportunity_id)s::bigint IS NULL OR n.opportunity_id = %(opportunity_id)s)
      AND s.channel <> 'in_app'
      AND s.is_active AND s.unsubscribed_at IS NULL
      AND (%(kind)s = 'reminder' OR s.frequency = 'instant')
    FOR UPDATE OF n SKIP LOCKED
), created AS (
    INSERT INTO pilots_delivery (id, subscription_id, kind, channel, dedupe_key,
        status, attempts, next_attempt_at, created_at, updated_at, last_error)
    SELECT gen_random_uuid(), subscription_id, %(kind)s, channel,
        %(kind)s || ':' || notification_id, 'pending', 0, now(), now(), now(), ''
    FROM pending
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, dedupe_key
)
UPDATE pilots_notification n SET delivery_id = created.id
FROM created WHERE created.dedupe_key = %(kind)s || ':' || n.id
RETURNING created.id
"""

# Digests: one delivery per subscription gathering every match not yet sent.
CREATE_DIGESTS_SQL = """
WITH due AS (
    SELECT DISTINCT n.subscription_id, s.channel
    FROM pilots_notification n
    JOIN pilots_subscription s ON s.id = n.subscription_id
    WHERE n.kind = 'match' AND n.delivery_id IS NULL
      AND s.frequency = %(frequency)s AND s.channel <> 'in_app'
      AND s.is_active AND s.unsubscribed_at IS NULL
), created AS (
    INSERT INTO pilots_delivery (id, subscription_id, kind, channel, dedupe_key,
        status, attempts, next_attempt_at, created_at, updated_at, last_error)
    SELECT gen_random_uuid(), subscription_id, 'digest', channel,
        'digest:' || subscription_id || ':' || %(period)s, 'pending', 0, now(),
        now(), now(), ''
    FROM due
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, subscription_id
), stamped AS (
    UPDATE pilots_subscription s SET last_digest_at = now()
    FROM created WHERE s.id = created.subscription_id
)
UPDATE pilots_notification n SET delivery_id = created.id
FROM created
WHERE n.subscription_id = created.subscription_id
  AND n.kind = 'match' AND n.delivery_id IS NULL
RETURNING created.id
"""


def _ids(sql: str, params: dict[str, str | int | None]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted({str(row[0]) for row in cursor.fetchall()})


@transaction.atomic
def deliveries_create(*, kind: str, opportunity_id: int | None = None) -> list[str]:
    """Deliveries for undelivered `kind` notifications; the new delivery ids."""
    return _ids(
        CREATE_PER_NOTIFICATION_SQL, {"kind": kind, "opportunity_id": opportunity_id}
    )


def digest_period(frequency: str, now: datetime) -> str:
    """Names the period a digest covers, so a second run in it creates nothing."""
    if frequency == Subscription.Frequency.WEEKLY:
        year, week, _ = now.isocalendar()
        return f"{year}-W{week:02d}"
    return now.date().isoformat()


@transaction.atomic
def digests_create(*, frequency: str, now: datetime | None = None) -> list[str]:
    """One digest delivery per subscriber with matches since the last digest."""
    period = digest_period(frequency, now or timezone.now())
    return _ids(CREATE_DIGESTS_SQL, {"frequency": frequency, "period": period})


def retry_delay(failures: int) -> timedelta:
    base = float(settings.NOTIFICATION_RETRY_BASE_SECONDS)
    cap = float(settings.NOTIFICATION_RETRY_MAX_SECONDS)
    delay = min(cap, base * 2 ** max(failures - 1, 0))
    return timedelta(seconds=delay * random.uniform(0.5, 1.0))  # noqa: S311 - jitter


def _send(delivery: Delivery, notifications: list[Notification]) -> None:
    subscription = delivery.subscription
    if delivery.event_id is not None:
        _send_booking_event(delivery)
    elif delivery.channel == Subscription.Channel.EMAIL:
        email_send(delivery=delivery, notifications=notifications)
    elif delivery.channel == Subscription.Channel.WEBHOOK and subscription:
        webhook_send(
            url=subscription.webhook_url,
            secret=subscription.webhook_secret,
            message_id=delivery.webhook_id,
            payload=webhook_payload(delivery, notifications),
        )


def _send_booking_event(delivery: Delivery) -> None:
    delivery.event = booking_event_loaded(int(delivery.event_id or 0))
    if delivery.channel == Subscription.Channel.EMAIL:
        booking_event_email_send(delivery)
    elif delivery.subscription is not None:
        webhook_send(
            url=delivery.subscription.webhook_url,
            secret=delivery.subscription.webhook_secret,
            message_id=delivery.webhook_id,
            payload=booking_event_payload(delivery),
        )


def _still_wanted(delivery: Delivery) -> bool:
    subscription = delivery.subscription
    if subscription is None:  # a booking event's email: the person is enough
        return delivery.user is not None and delivery.user.is_active
    if not subscription.receives or subscription.channel != delivery.channel:
        return False
    return not (
        delivery.channel == Subscription.Channel.WEBHOOK
        and subscription.webhook_disabled_at is not None
    )


@transaction.atomic
def delivery_attempt(*, delivery_id: uuid.UUID | str) -> str | None:
    """Try one due delivery once; its status afterwards (None: not due or busy).

    The row stays locked while sending, so two workers never send it at the
    same time; a worker that dies mid-send leaves it pending for the sweeper
    (a receiver may then see the same webhook-id twice and drops the second).
    """
    now = timezone.now()
    delivery = (
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("subscription__user", "user")
        .filter(
            pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
        )
        .first()
    )
    if delivery is None:
        return None
    if not _still_wanted(delivery):
        delivery.status = Delivery.Status.SKIPPED
        delivery.save(update_fields=["status", "updated_at"])
        return delivery.status
    notifications = list(
        delivery.notifications.select_related("opportunity").order_by("id")
    )
    delivery.attempts += 1
    try:
        _send(delivery, notifications)
    except WebhookGone:
        Subscription.objects.filter(pk=delivery.subscription_id or 0).update(
            webhook_disabled_at=now
        )
        delivery.status = Delivery.Status.DEAD
        delivery.last_error = "410 Gone: endpoint disabled"
    except DeliveryFailed as error:
        delivery.last_error = str(error)[:200]
        impossible = isinstance(error, DeliveryImpossible)
        if impossible or delivery.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            delivery.status = Delivery.Status.DEAD
        else:
            delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    else:
        delivery.status = Delivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.last_error = ""
    delivery.save()
    return delivery.status


def deliveries_due(*, limit: int = 1000) -> list[str]:
    """Pending deliveries whose next attempt is due, oldest first."""
    due = (
        Delivery.objects.filter(
            status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:limit]
    )
    return [str(delivery_id) for delivery_id in due]
