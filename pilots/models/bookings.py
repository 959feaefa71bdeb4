"""A booking of a resource, and the steps it went through.

Two confirmed bookings of an exclusive resource never overlap: PostgreSQL
refuses them (`booking_confirmed_exclusive_no_overlap`, btree_gist). Shared
resources (capacity > 1) are counted under a lock on the resource row.
"""

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.contrib.postgres.indexes import GistIndex
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organizations import Organization
from .pilots import PilotProject
from .resources import BookableResource


class Booking(models.Model):
    class State(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    resource = models.ForeignKey(
        BookableResource, on_delete=models.CASCADE, related_name="bookings"
    )
    # Copied from the resource's capacity == 1 when booked; the exclusion
    # constraint's condition cannot look at another table.
    exclusive = models.BooleanField()
    period = DateTimeRangeField()
    state = models.CharField(
        max_length=12, choices=State.choices, default=State.REQUESTED
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="bookings"
    )
    booker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="bookings",
    )
    purpose = models.CharField(max_length=500)
    pilot = models.ForeignKey(
        PilotProject,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
    )
    decision_reason = models.TextField(blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period", "id"]
        constraints = [
            ExclusionConstraint(
                name="booking_confirmed_exclusive_no_overlap",
                expressions=[
                    ("resource", RangeOperators.EQUAL),
                    ("period", RangeOperators.OVERLAPS),
                ],
                condition=models.Q(state="confirmed", exclusive=True),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    state__in=["requested", "confirmed", "declined", "cancelled"]
                ),
                name="booking_state_valid",
            ),
        ]
        indexes = [
            GistIndex(fields=["resource", "period"], name="booking_resource_period"),
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.period} ({self.state})"


class BookingTransition(models.Model):
    """Who moved a booking, when and why."""

    class Action(models.TextChoices):
        REQUEST = "request", _("Request")
        CONFIRM = "confirm", _("Confirm")
        DECLINE = "decline", _("Decline")
        CANCEL = "cancel", _("Cancel")

    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, choices=Booking.State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["booking_id", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.action}"
