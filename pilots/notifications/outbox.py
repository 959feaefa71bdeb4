"""The outbox: events written with the change, processed by a worker.

Processing an "opportunity.published" event runs the matching statement and
creates the instant deliveries, then marks the event processed, all in one
transaction: a worker that dies half-way leaves the event for the sweeper, and
running it again creates nothing twice. A booking event gives its recipients
inbox entries and deliveries instead (booking_events.py).
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..enqueue import OUTBOX_EVENT, enqueue
from ..models import Notification, OutboxEvent
from .deliveries import deliveries_create
from .matching import match_subscriptions

logger = logging.getLogger(__name__)


@transaction.atomic
def outbox_event_process(*, event_id: int) -> list[str]:
    """Match and fan out one event; the ids of the deliveries it created."""
    event = (
        OutboxEvent.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("booking__resource__site", "booking_transition")
        .filter(pk=event_id, processed_at__isnull=True)
        .first()
    )
    if event is None:
        return []
    if event.booking_id is not None:
        from .booking_events import booking_event_fan_out

        created = booking_event_fan_out(event)
        event.processed_at = timezone.now()
        event.save(update_fields=["processed_at"])
        return created
    match_subscriptions(opportunity_id=int(event.opportunity_id or 0))
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


def outbox_event_enqueue(event_id: int) -> None:
    """Queue processing now; if the broker is down the beat sweeper does it."""
    try:
        enqueue(OUTBOX_EVENT, event_id, retry=False)
    except Exception:  # any broker failure: the outbox row keeps the work
        logger.warning(
            "broker unavailable; outbox event %s left for the sweeper", event_id
        )
