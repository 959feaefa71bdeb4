"""Celery tasks of bookings: the emails of each step and the day-before reminder.
Registered through CELERY_IMPORTS (config/settings/tasks.py)."""

from datetime import datetime, time, timedelta
from typing import Any

from celery import shared_task
from django.utils import timezone

from .booking_emails import booking_email, booking_reminder_email
from .models import Booking, BookingTransition, OrganizationMembership
from .services.booking_rules import district_zone


def _recipients(transition: Any) -> list[Any]:
    booking = transition.booking
    host_admins = [
        membership.user
        for membership in OrganizationMembership.objects.filter(
            organization_id=booking.resource.site.host_id, role="admin"
        ).select_related("user")
    ]
    booker = [booking.booker] if booking.booker else []
    action = transition.action
    to_hosts = action == BookingTransition.Action.REQUEST or (
        action == BookingTransition.Action.CANCEL
        and transition.actor_id == booking.booker_id
    )
    to_booker = action != BookingTransition.Action.REQUEST or (
        booking.state == Booking.State.CONFIRMED
    )
    people = (host_admins if to_hosts else []) + (booker if to_booker else [])
    unique = {person.pk: person for person in people if person.email}
    return list(unique.values())


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_booking_email_task(transition_id: int) -> int:
    transition = (
        BookingTransition.objects.select_related(
            "booking__resource__site", "booking__organization", "booking__booker"
        )
        .filter(pk=transition_id)
        .first()
    )
    if transition is None:
        return 0
    recipients = _recipients(transition)
    for person in recipients:
        booking_email(transition, person).send()
    return len(recipients)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def booking_reminders_task() -> int:
    """Remind each booker of a confirmed booking that starts tomorrow (local
    date), once."""
    zone = district_zone()
    tomorrow = timezone.now().astimezone(zone).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.min, tzinfo=zone)
    end = datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=zone)
    due = Booking.objects.filter(
        state=Booking.State.CONFIRMED,
        reminded_at__isnull=True,
        booker__isnull=False,
        period__startswith__gte=start,
        period__startswith__lt=end,
    ).select_related("resource__site", "organization", "booker")
    sent = 0
    for booking in due:
        booking_reminder_email(booking, booking.booker).send()
        Booking.objects.filter(pk=booking.pk).update(reminded_at=timezone.now())
        sent += 1
    return sent
