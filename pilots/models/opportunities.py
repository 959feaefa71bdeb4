"""Opportunities the district publishes: calls for pilots, testbed access, ..."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex
from django.utils.translation import gettext_lazy as _

from .fields import (
    no_control_characters,
    read_slugs,
    read_text,
    sdg_array,
    sdgs_in_range,
    sector_array,
    trl_range_constraints,
)
from .moderation import Unpublishable
from .organizations import Organization
from .sites import Site


class OpportunityQuerySet(models.QuerySet["Opportunity"]):
    def published(self) -> "OpportunityQuerySet":
        return self.filter(
            status=Opportunity.Status.PUBLISHED, unpublished_at__isnull=True
        )

    def public(self) -> "OpportunityQuerySet":
        """What anyone may read: published calls and closed ones (history)."""
        return self.filter(
            status__in=(Opportunity.Status.PUBLISHED, Opportunity.Status.CLOSED),
            unpublished_at__isnull=True,
        )


class Opportunity(Unpublishable, models.Model):
    """A call the district publishes; stakeholders whose interests match hear of it.

    `footprint` is what matching and maps use: the area when one is given, else
    the collected locations of the related sites (kept by the services).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted for review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        REJECTED = "rejected", "Rejected"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed"

    class CallType(models.TextChoices):
        OPEN_CALL = "open_call", "Open call"
        TESTBED_ACCESS = "testbed_access", "Testbed access"
        INNOVATION_PARTNERSHIP = "innovation_partnership", "Innovation partnership"
        PRE_COMMERCIAL_PROCUREMENT = (
            "pre_commercial_procurement",
            "Pre-commercial procurement",
        )
        MARKET_DIALOGUE = "market_dialogue", "Market dialogue"

    class DeadlineType(models.TextChoices):
        FIXED = "fixed", "Fixed deadline"
        ROLLING = "rolling", "Rolling"
        CONTINUOUS = "continuous", "Continuous"

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200, validators=[no_control_characters])
    title_no = models.CharField(
        _("title (Norwegian)"),
        max_length=200,
        blank=True,
        validators=[no_control_characters],
    )
    summary = models.TextField(blank=True)
    summary_no = models.TextField(_("summary (Norwegian)"), blank=True)
    description = models.TextField(blank=True)
    description_no = models.TextField(_("description (Norwegian)"), blank=True)
    publisher = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="opportunities"
    )
    sites = models.ManyToManyField(Site, blank=True, related_name="opportunities")
    area = models.MultiPolygonField(
        srid=4326, null=True, blank=True, spatial_index=True
    )
    footprint = models.GeometryField(
        srid=4326,
        null=True,
        blank=True,
        editable=False,
        spatial_index=True,
        help_text="The area, or the related sites' locations when there is none.",
    )
    sectors = sector_array()
    sdgs = sdg_array()
    trl_min = models.PositiveSmallIntegerField(_("lowest TRL"), null=True, blank=True)
    trl_max = models.PositiveSmallIntegerField(_("highest TRL"), null=True, blank=True)
    call_type = models.CharField(max_length=32, choices=CallType.choices)
    opens_at = models.DateTimeField(null=True, blank=True)
    deadline_type = models.CharField(
        max_length=16, choices=DeadlineType.choices, default=DeadlineType.FIXED
    )
    deadline = models.DateTimeField(null=True, blank=True, db_index=True)
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.TextField(
        blank=True, help_text="The moderator's reason for the last review decision."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    is_example = models.BooleanField(
        default=False, help_text="Demo content, not a real call."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Read columns (fields.read_text): the publisher's slug and name, the
    # sites' slugs.
    read_publisher_slug = read_text()
    read_publisher_name = read_text()
    read_site_slugs = read_slugs()

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title", "id"]
        verbose_name_plural = "opportunities"
        indexes = [
            GinIndex(fields=["sectors"], name="opportunity_sectors_gin"),
            GinIndex(fields=["sdgs"], name="opportunity_sdgs_gin"),
        ]
        constraints = [
            *trl_range_constraints("opportunity"),
            models.CheckConstraint(
                condition=~models.Q(deadline_type="fixed")
                | models.Q(deadline__isnull=False),
                name="opportunity_fixed_has_deadline",
            ),
            sdgs_in_range("opportunity_sdgs_1_17"),
        ]

    def __str__(self) -> str:
        return self.title
