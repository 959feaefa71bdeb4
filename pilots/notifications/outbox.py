"""The outbox: events written with the change, processed by a worker.

Processing an "opportunity.published" event runs the matching statement and
creates the instant deliveries, then marks the event processed, all in one
transaction: a worker that dies half-way leaves the event for the sweeper, and
running it again creates nothing twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import Notification, OutboxEvent
from .deliveries import deliveries_create
from .matching import match_subscriptions


@transaction.atomic
def outbox_event_process(*, event_id: int) -> list[str]:
    """Match and fan out one event; the ids of the deliveries it created."""
    event = (
        OutboxEvent.objects.select_for_update(skip_locked=True)
        .filter(pk=event_id, processed_at__isnull=True)
        .first()
    )
    if event is None:
        return []
    match_subscriptions(opportunity_id=event.opportunity_id)
    created = deliveries_create(
        kind=Notification.Kind.MATCH, opportunity_id=event.opportunity_id
    )
    event.processed_at = timezone.now()
    event.save(update_fields=["processed_at"])
    return created


def outbox_events_pending(*, older_than_seconds: float = 0) -> list[int]:
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return list(
        OutboxEvent.objects.filter(processed_at__isnull=True, created_at__lte=cutoff)
        .order_by("id")
        .values_list("id", flat=True)[:1000]
    )
