"""Celery task of bookings: the day-before reminder. Each step's messages go
through the notification outbox (pilots/notifications/booking_events.py).
Registered through CELERY_IMPORTS (config/settings/tasks.py)."""

from datetime import datetime, time, timedelta

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from .models import Booking
from .notifications.booking_events import booking_event_record
from .notifications.outbox import outbox_event_enqueue
from .services.booking_rules import district_zone


@shared_task(acks_late=True, reject_on_worker_lost=True)
def booking_reminders_task() -> int:
    """An outbox event for each confirmed booking that starts tomorrow (local
    date), once: `reminded_at` is set in the event's transaction."""
    zone = district_zone()
    tomorrow = timezone.now().astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.min, tzinfo=zone)
    end = datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=zone)
    event_ids = []
    with transaction.atomic():
        due = Booking.objects.select_for_update(skip_locked=True).filter(
            state=Booking.State.CONFIRMED,
            reminded_at__isnull=True,
            booker__isnull=False,
            period__startswith__gte=start,
            period__startswith__lt=end,
        )
        for booking in due:
            event_ids.append(booking_event_record(booking=booking, enqueue=False).pk)
            booking.reminded_at = timezone.now()
            booking.save(update_fields=["reminded_at"])
    for event_id in event_ids:  # committed (or the caller's test transaction)
        outbox_event_enqueue(event_id)
    return len(event_ids)
