"""What can be booked: a site, or a named instrument or area in it."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .sites import Site


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class BookableResource(models.Model):
    """A shared lab, instrument or test arena lane that people book by the hour.

    `opening_hours` is a list of {"weekday": 0-6 (Monday 0), "opens": "HH:MM",
    "closes": "HH:MM"} in the district's time zone; an empty list means open at
    all hours. Capacity 1 is exclusive; more means shared seats.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="resources")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    capacity = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1)]
    )
    min_minutes = models.PositiveIntegerField(default=60)
    max_minutes = models.PositiveIntegerField(default=60 * 24 * 7)
    lead_minutes = models.PositiveIntegerField(
        default=24 * 60,
        help_text=_("How long before its start a booking must be made."),
    )
    approval_required = models.BooleanField(
        default=True, help_text=_("Off: bookings that fit are confirmed at once.")
    )
    opening_hours = models.JSONField(default=list, blank=True)
    is_example = models.BooleanField(
        default=False, help_text=_("Demo data: not a real offer.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["site_id", "name", "id"]
        verbose_name = _("bookable resource")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="resource_capacity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(min_minutes__gte=1)
                & models.Q(min_minutes__lte=models.F("max_minutes")),
                name="resource_length_range_valid",
            ),
            models.UniqueConstraint(
                fields=["site", "name"], name="resource_name_unique_per_site"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.site})"

    @property
    def exclusive(self) -> bool:
        return self.capacity == 1


class ResourceClosure(models.Model):
    """A time the resource cannot be booked: a holiday or maintenance, once or
    repeating by an RFC 5545 RRULE (occurrences start at `starts_at`'s local
    wall-clock time, so a weekly 08:00 slot stays at 08:00 across DST)."""

    resource = models.ForeignKey(
        BookableResource, on_delete=models.CASCADE, related_name="closures"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    rrule = models.CharField(max_length=300, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="closure_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource_id}: {self.starts_at:%Y-%m-%d %H:%M} {self.rrule}"


class CalendarFeed(models.Model):
    """A secret iCalendar URL: a resource's bookings (for its hosts) or a
    person's own bookings. Rotating the token kills the old URL."""

    resource = models.OneToOneField(
        BookableResource,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feed",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feed",
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resource__isnull=True, user__isnull=False)
                | models.Q(resource__isnull=False, user__isnull=True),
                name="calendar_feed_of_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"feed of {'resource' if self.resource_id else 'user'}"
