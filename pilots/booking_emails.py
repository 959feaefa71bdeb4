"""Booking emails, in the recipient's language, times in the district's zone."""

from datetime import datetime
from typing import Any

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from .emails import recipient_language
from .models import Booking, BookingTransition, OutboxEvent
from .public_links import web_page_url
from .services.booking_rules import district_zone


def local_time(moment: datetime) -> str:
    """`2026-10-25 01:00 CEST`: wall-clock time with the zone's abbreviation."""
    return moment.astimezone(district_zone()).strftime("%Y-%m-%d %H:%M %Z")


def _facts(booking: Booking) -> dict[str, str]:
    return {
        "resource": booking.resource.name,
        "site": booking.resource.site.name,
        "start": local_time(booking.period.lower),
        "end": local_time(booking.period.upper),
        "organization": booking.organization.name,
        "link": web_page_url("my-bookings"),  # the portal page to act on it
    }


def booking_event_email(event: OutboxEvent, recipient: Any) -> EmailMessage:
    """The email of one booking event (a step, or the day-before reminder)."""
    if event.booking_transition is None:
        if event.booking is None:
            raise ValueError(f"outbox event {event.pk} is not a booking's")
        return booking_reminder_email(event.booking, recipient)
    return booking_email(event.booking_transition, recipient)


def booking_email(transition: BookingTransition, recipient: Any) -> EmailMessage:
    booking = transition.booking
    with translation.override(recipient_language(recipient)):
        facts = _facts(booking)
        state = str(Booking.State(transition.to_state).label)
        subject = _("Booking of %(resource)s: %(state)s") % {
            "resource": facts["resource"],
            "state": state,
        }
        body = _(
            "%(resource)s at %(site)s, %(start)s to %(end)s, for %(organization)s.\n"
            "State: %(state)s.\n\n%(link)s\n"
        ) % {**facts, "state": state}
        if transition.reason:
            body += "\n" + _("Reason: %(reason)s") % {"reason": transition.reason}
        return EmailMessage(subject=subject, body=body, to=[recipient.email])


def booking_reminder_email(booking: Booking, recipient: Any) -> EmailMessage:
    with translation.override(recipient_language(recipient)):
        facts = _facts(booking)
        subject = _("Tomorrow: %(resource)s at %(site)s") % facts
        body = (
            _(
                "A reminder of your booking: %(resource)s at %(site)s, "
                "%(start)s to %(end)s, for %(organization)s.\n\n%(link)s\n"
            )
            % facts
        )
        return EmailMessage(subject=subject, body=body, to=[recipient.email])
