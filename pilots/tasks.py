from celery import shared_task

from geo.models import Zone


@shared_task
def worker_ping_task() -> int:
    """Proves a worker reaches the database: answers the number of zones."""
    return Zone.objects.count()


# --- Opportunities and notifications (issue 6) -------------------------------
# Every task takes ids, is idempotent (row locks, unique keys, status checks)
# and acknowledges late, so a worker lost mid-run has its task run again.
# Long waits between retries live in Delivery.next_attempt_at; the sweeper
# queues what is due and what a broker outage or a dead worker left behind.


def _queue_deliveries(delivery_ids: list[str]) -> None:
    for delivery_id in delivery_ids:
        deliver_task.apply_async((delivery_id,), retry=False)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def process_outbox_event_task(event_id: int) -> int:
    """Match an event's opportunity and fan out; returns deliveries created."""
    from pilots.notifications.outbox import outbox_event_process

    created = outbox_event_process(event_id=event_id)
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver_task(delivery_id: str) -> str | None:
    """Attempt one delivery if it is due; its status afterwards."""
    from pilots.notifications.deliveries import delivery_attempt

    return delivery_attempt(delivery_id=delivery_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def notifications_sweep_task() -> int:
    """Queue due deliveries and outbox events nobody processed; the count queued."""
    from django.conf import settings

    from pilots.notifications.deliveries import deliveries_due
    from pilots.notifications.outbox import outbox_events_pending

    events = outbox_events_pending(
        older_than_seconds=settings.NOTIFICATION_OUTBOX_GRACE_SECONDS
    )
    for event_id in events:
        process_outbox_event_task.apply_async((event_id,), retry=False)
    due = deliveries_due()
    _queue_deliveries(due)
    return len(events) + len(due)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def digests_send_task(frequency: str) -> int:
    """Gather each daily or weekly subscriber's matches into one delivery."""
    from pilots.notifications.deliveries import digests_create

    created = digests_create(frequency=frequency)
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deadline_reminders_task() -> int:
    """Remind subscribers 3 days before a matched opportunity's deadline."""
    from pilots.notifications.reminders import reminders_create

    created = reminders_create()
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def opportunities_close_task() -> int:
    """Close published opportunities whose deadline has passed."""
    from pilots.services.opportunities import opportunities_close_past_deadline

    return opportunities_close_past_deadline()
