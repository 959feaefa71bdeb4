"""Booking events through the notification machinery (issue 18).

Each booking step writes an outbox event in its own transaction; processing
the event gives every recipient an in-app entry (the inbox) and deliveries by
email and, when the person has an active webhook subscription, by webhook
(their oldest one), with the opportunity deliveries' retries and signatures.

Who hears: a request, the host's admins (and the booker when it was confirmed
at once); a decision, the booker; a cancellation, the booker (and the host's
admins when the booker cancelled); a reminder, the booker. Nobody else, so the
booker's name and purpose reach only those who may see them.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import (
    Booking,
    BookingTransition,
    Delivery,
    Notification,
    OrganizationMembership,
    OutboxEvent,
    Subscription,
)
from ..models.accounts import public_name
from ..timestamps import format_timestamp
from .webhooks import DeliveryImpossible

Kind = OutboxEvent.Kind
Action = BookingTransition.Action
KIND_OF_ACTION = {
    Action.REQUEST: Kind.BOOKING_REQUESTED,
    Action.CONFIRM: Kind.BOOKING_CONFIRMED,
    Action.DECLINE: Kind.BOOKING_DECLINED,
    Action.CANCEL: Kind.BOOKING_CANCELLED,
}


def booking_event_record(
    *,
    booking: Booking,
    transition: BookingTransition | None = None,
    enqueue: bool = True,
) -> OutboxEvent:
    """The outbox row of a step (or, without one, of the day-before reminder),
    in the caller's transaction; processing is queued when it commits (unless
    the caller queues it)."""
    from .outbox import outbox_event_enqueue

    if transition is None:
        kind = Kind.BOOKING_REMINDER
    elif (
        transition.action == Action.REQUEST
        and transition.to_state == Booking.State.CONFIRMED
    ):
        kind = Kind.BOOKING_CONFIRMED
    else:
        kind = KIND_OF_ACTION[Action(transition.action)]
    event = OutboxEvent.objects.create(
        kind=kind, booking=booking, booking_transition=transition
    )
    if enqueue:
        transaction.on_commit(lambda: outbox_event_enqueue(event.pk))
    return event


def booking_of(event: OutboxEvent) -> Booking:
    if event.booking is None:
        raise ValueError(f"outbox event {event.pk} is not a booking's")
    return event.booking


def booking_event_recipients(event: OutboxEvent) -> list[Any]:
    booking = booking_of(event)
    transition = event.booking_transition
    by_booker = transition is not None and transition.actor_id == booking.booker_id
    to_hosts = (transition is not None and transition.action == Action.REQUEST) or (
        event.kind == Kind.BOOKING_CANCELLED and by_booker
    )
    to_booker = event.kind != Kind.BOOKING_REQUESTED
    ids: set[int] = set()
    if to_hosts:
        ids.update(
            OrganizationMembership.objects.filter(
                organization_id=booking.resource.site.host_id,
                role=OrganizationMembership.Role.ADMIN,
            ).values_list("user_id", flat=True)
        )
    if to_booker and booking.booker_id is not None:
        ids.add(booking.booker_id)
    people = get_user_model().objects.filter(pk__in=ids, is_active=True)
    return list(people.order_by("pk"))


def _webhooks_of(people: list[Any]) -> dict[int, Subscription]:
    """Each person's oldest webhook subscription that still receives."""
    hooks = (
        Subscription.objects.filter(
            user__in=people,
            channel=Subscription.Channel.WEBHOOK,
            is_active=True,
            unsubscribed_at__isnull=True,
            webhook_disabled_at__isnull=True,
        )
        .order_by("user_id", "created_at", "id")
        .distinct("user_id")
    )
    return {hook.user_id: hook for hook in hooks}


@transaction.atomic
def booking_event_fan_out(event: OutboxEvent) -> list[str]:
    """Inbox entries and deliveries of one event (none twice); delivery ids."""
    people = booking_event_recipients(event)
    Notification.objects.bulk_create(
        [
            Notification(
                user=person,
                booking_id=event.booking_id,
                event=event,
                kind=event.kind,
                channel=Subscription.Channel.IN_APP,
            )
            for person in people
        ],
        ignore_conflicts=True,
    )
    hooks = _webhooks_of(people)
    now = timezone.now()
    deliveries = []
    for person in people:
        channels: list[tuple[str, Subscription | None]] = []
        if person.email:
            channels.append((Subscription.Channel.EMAIL, None))
        if person.pk in hooks:
            channels.append((Subscription.Channel.WEBHOOK, hooks[person.pk]))
        deliveries += [
            Delivery(
                user=person,
                subscription=hook,
                event=event,
                kind=event.kind,
                channel=channel,
                dedupe_key=f"{event.kind}:{event.pk}:{person.pk}:{channel}",
                next_attempt_at=now,
            )
            for channel, hook in channels
        ]
    Delivery.objects.bulk_create(deliveries, ignore_conflicts=True)
    created = Delivery.objects.filter(event=event, status=Delivery.Status.PENDING)
    return sorted(str(pk) for pk in created.values_list("id", flat=True))


def booking_event_state(event: OutboxEvent) -> str:
    """The state the event tells of (the booking may have moved on since)."""
    if event.booking_transition is not None:
        return event.booking_transition.to_state
    return Booking.State.CONFIRMED


def booking_event_payload(delivery: Delivery) -> dict[str, Any]:
    """The webhook body: the booking as its booker and hosts may see it."""
    event = delivery.event
    if event is None:
        raise DeliveryImpossible("the delivery tells no event")
    booking = booking_of(event)
    transition = event.booking_transition
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    return {
        "type": event.kind,
        "timestamp": format_timestamp(delivery.created_at),
        "data": {
            "booking": {
                "id": booking.pk,
                "url": f"{base}/api/v1/bookings/{booking.pk}/",
                "state": booking_event_state(event),
                "start": format_timestamp(booking.period.lower),
                "end": format_timestamp(booking.period.upper),
                "resource": {
                    "id": booking.resource_id,
                    "name": booking.resource.name,
                    "site": booking.resource.site.slug,
                },
                "organization": booking.organization.slug,
                "booker": public_name(booking.booker) if booking.booker else None,
                "purpose": booking.purpose,
                "pilot": booking.pilot.slug if booking.pilot else None,
                "reason": transition.reason if transition else "",
            }
        },
    }


def booking_event_email_send(delivery: Delivery) -> None:
    from ..booking_emails import booking_event_email
    from .email import mail_send

    person = delivery.user
    if person is None or not person.email:
        raise DeliveryImpossible("the recipient has no email address")
    if delivery.event is None:
        raise DeliveryImpossible("the delivery tells no event")
    message = booking_event_email(delivery.event, person)
    message.extra_headers["X-Delivery-Id"] = delivery.webhook_id
    mail_send(message)


def booking_event_loaded(event_id: int) -> OutboxEvent:
    """The event with everything its messages read, in one query."""
    return OutboxEvent.objects.select_related(
        "booking__resource__site",
        "booking__organization",
        "booking__booker",
        "booking__pilot",
        "booking_transition",
    ).get(pk=event_id)
