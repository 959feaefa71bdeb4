"""What matching produces and how it reaches people.

A Notification is one (subscription, opportunity, kind) or one booking event
for one person; the inbox lists them.
A Delivery is one message through the subscription's channel: one per instant
notification or deadline reminder, one per digest, one per booking event,
person and channel. Its state, attempts and the time of its next attempt live
here, so a lost broker message loses nothing.
An OutboxEvent is written in the transaction of the change (a publication, a
booking step) and processed later.
"""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from .bookings import Booking, BookingTransition
from .opportunities import Opportunity
from .subscriptions import Subscription

BOOKING_EVENTS = [
    ("booking.requested", "Booking requested"),
    ("booking.confirmed", "Booking confirmed"),
    ("booking.declined", "Booking declined"),
    ("booking.cancelled", "Booking cancelled"),
    ("booking.reminder", "Booking tomorrow"),
]


def _one_subject(name: str) -> models.CheckConstraint:
    """An opportunity's row or a booking's, never both, never neither."""
    return models.CheckConstraint(
        condition=models.Q(opportunity__isnull=False, booking__isnull=True)
        | models.Q(opportunity__isnull=True, booking__isnull=False),
        name=name,
    )


class OutboxEvent(models.Model):
    """Work committed together with the change that caused it."""

    class Kind(models.TextChoices):
        OPPORTUNITY_PUBLISHED = "opportunity.published", "Opportunity published"
        BOOKING_REQUESTED = BOOKING_EVENTS[0]
        BOOKING_CONFIRMED = BOOKING_EVENTS[1]
        BOOKING_DECLINED = BOOKING_EVENTS[2]
        BOOKING_CANCELLED = BOOKING_EVENTS[3]
        BOOKING_REMINDER = BOOKING_EVENTS[4]

    kind = models.CharField(max_length=40, choices=Kind.choices)
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_events",
    )
    booking = models.ForeignKey(
        Booking,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_events",
    )
    booking_transition = models.ForeignKey(
        BookingTransition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="The step that caused it (none for a reminder).",
    )
    recipients = models.PositiveIntegerField(
        default=0,
        help_text="People matching when it was published (the daily cap counts these).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="outbox_unprocessed",
                condition=models.Q(processed_at__isnull=True),
            )
        ]
        constraints = [_one_subject("outbox_event_one_subject")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.opportunity_id or self.booking_id}"


class Delivery(models.Model):
    """One message to one person; `id` is the webhook-id (msg_<hex>).

    Opportunity messages go through a subscription; a booking event's go to
    `user` (email) or through the person's webhook subscription, and `event`
    says what they tell."""

    class Kind(models.TextChoices):
        MATCH = "match", "New opportunity"
        DIGEST = "digest", "Digest"
        REMINDER = "reminder", "Deadline reminder"
        BOOKING_REQUESTED = BOOKING_EVENTS[0]
        BOOKING_CONFIRMED = BOOKING_EVENTS[1]
        BOOKING_DECLINED = BOOKING_EVENTS[2]
        BOOKING_CANCELLED = BOOKING_EVENTS[3]
        BOOKING_REMINDER = BOOKING_EVENTS[4]

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        DEAD = "dead", "Failed after the last attempt"
        SKIPPED = "skipped", "Skipped (unsubscribed, paused or endpoint disabled)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="The recipient of a booking event.",
    )
    event = models.ForeignKey(
        OutboxEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        help_text="The booking event it tells.",
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    channel = models.CharField(max_length=16, choices=Subscription.Channel.choices)
    dedupe_key = models.CharField(max_length=80, unique=True)
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(
        max_length=200, blank=True, help_text="For operators; never shown to users."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "deliveries"
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="delivery_due",
                condition=models.Q(status="pending"),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(subscription__isnull=False)
                | models.Q(user__isnull=False),
                name="delivery_has_recipient",
            )
        ]

    def __str__(self) -> str:
        recipient = self.subscription_id or f"user {self.user_id}"
        return f"{self.kind} to {recipient} ({self.status})"

    @property
    def webhook_id(self) -> str:
        return f"msg_{self.id.hex}"


class Notification(models.Model):
    """One opportunity that matched a person's subscriptions on one channel (or a
    reminder of it): one however many of their subscriptions match (issue 13);
    `subscription` is the one it goes through, `matched_subscription_ids` all.
    Or one booking event for one person (the in-app entry; its email and
    webhook are deliveries of the event)."""

    class Kind(models.TextChoices):
        MATCH = "match", "Matched"
        REMINDER = "reminder", "Deadline in 3 days"
        BOOKING_REQUESTED = BOOKING_EVENTS[0]
        BOOKING_CONFIRMED = BOOKING_EVENTS[1]
        BOOKING_DECLINED = BOOKING_EVENTS[2]
        BOOKING_CANCELLED = BOOKING_EVENTS[3]
        BOOKING_REMINDER = BOOKING_EVENTS[4]

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    opportunity = models.ForeignKey(
        Opportunity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    booking = models.ForeignKey(
        Booking,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    event = models.ForeignKey(
        OutboxEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.MATCH)
    channel = models.CharField(max_length=16, choices=Subscription.Channel.choices)
    matched_subscription_ids = ArrayField(
        models.IntegerField(),
        default=list,
        blank=True,
        help_text="Every subscription of the person that matched.",
    )
    delivery = models.ForeignKey(
        Delivery,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "opportunity", "kind", "channel"],
                name="notification_once_per_person_opportunity_kind_channel",
            ),
            models.UniqueConstraint(
                fields=["user", "event"],
                condition=models.Q(event__isnull=False),
                name="notification_once_per_person_event",
            ),
            _one_subject("notification_one_subject"),
        ]
        indexes = [
            models.Index(
                fields=["user", "created_at"],
                name="notification_unread",
                condition=models.Q(read_at__isnull=True),
            ),
            models.Index(
                fields=["subscription"],
                name="notification_undelivered",
                condition=models.Q(delivery__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        subject = self.opportunity_id or f"booking {self.booking_id}"
        return f"{subject} for {self.user_id}"
