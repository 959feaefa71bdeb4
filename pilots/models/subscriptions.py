"""A stakeholder's standing interest: criteria, a channel and a frequency."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.utils.translation import gettext_lazy as _

from .fields import (
    sdg_array,
    sdgs_in_range,
    sector_array,
    trl_range_constraints,
)

MAX_RADIUS_M = 100_000


class Subscription(models.Model):
    """Criteria all have to hold (each list means "any of"; empty means any).

    Zones and organisations are kept as id arrays so matching is one `&&` per
    criterion in a single set-based statement (pilots.notifications.matching).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        WEBHOOK = "webhook", "Webhook"
        IN_APP = "in_app", "In-app inbox only"

    class Frequency(models.TextChoices):
        INSTANT = "instant", "Instant"
        DAILY = "daily", "Daily digest"
        WEEKLY = "weekly", "Weekly digest"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    name = models.CharField(max_length=120, blank=True)
    sectors = sector_array()
    sdgs = sdg_array()
    zone_ids = ArrayField(models.PositiveIntegerField(), default=list, blank=True)
    organization_ids = ArrayField(
        models.PositiveIntegerField(), default=list, blank=True
    )
    area = models.MultiPolygonField(srid=4326, null=True, blank=True)
    point = models.PointField(srid=4326, null=True, blank=True)
    radius_m = models.PositiveIntegerField(null=True, blank=True)
    trl_min = models.PositiveSmallIntegerField(_("lowest TRL"), null=True, blank=True)
    trl_max = models.PositiveSmallIntegerField(_("highest TRL"), null=True, blank=True)
    keywords = models.CharField(max_length=200, blank=True)
    channel = models.CharField(
        max_length=16, choices=Channel.choices, default=Channel.IN_APP
    )
    webhook_url = models.URLField(max_length=500, blank=True)
    webhook_secret = models.CharField(max_length=100, blank=True, editable=False)
    webhook_disabled_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the receiver answered 410 Gone."
    )
    frequency = models.CharField(
        max_length=16, choices=Frequency.choices, default=Frequency.INSTANT
    )
    is_active = models.BooleanField(default=True, help_text="False while paused.")
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "id"]
        indexes = [
            GinIndex(fields=["sectors"], name="subscription_sectors_gin"),
            GinIndex(fields=["sdgs"], name="subscription_sdgs_gin"),
            models.Index(
                fields=["frequency"],
                name="subscription_active_freq",
                condition=models.Q(is_active=True, unsubscribed_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=True) | models.Q(point__isnull=True),
                name="subscription_area_or_point",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(point__isnull=True) & models.Q(radius_m__isnull=True)
                )
                | (
                    models.Q(point__isnull=False)
                    & models.Q(radius_m__gte=1, radius_m__lte=MAX_RADIUS_M)
                ),
                name="subscription_point_has_radius",
            ),
            *trl_range_constraints("subscription"),
            models.CheckConstraint(
                condition=~models.Q(channel="webhook")
                | (~models.Q(webhook_url="") & ~models.Q(webhook_secret="")),
                name="subscription_webhook_has_url_and_secret",
            ),
            sdgs_in_range("subscription_sdgs_1_17"),
        ]

    def __str__(self) -> str:
        return self.name or f"Subscription {self.pk}"

    @property
    def receives(self) -> bool:
        return self.is_active and self.unsubscribed_at is None
