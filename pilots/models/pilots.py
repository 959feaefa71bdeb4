from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex
from django.utils.translation import gettext_lazy as _

from geo.models import Zone

from .fields import (
    no_control_characters,
    read_slugs,
    read_text,
    sdg_array,
    sdgs_in_range,
    sector_array,
)
from .organizations import Organization
from .sites import Site


class PilotQuerySet(models.QuerySet["PilotProject"]):
    def public(self) -> "PilotQuerySet":
        return self.filter(status__in=PilotProject.PUBLIC_STATUSES)


class PilotProject(models.Model):
    """A pilot project testing something in the district."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        REJECTED = "rejected", _("Rejected")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.ACTIVE, Status.COMPLETED)

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
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pilots"
    )
    lead_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_pilots",
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="partner_pilots"
    )
    sites = models.ManyToManyField(Site, blank=True, related_name="pilots")
    sectors = sector_array()
    sdgs = sdg_array()
    trl = models.PositiveSmallIntegerField(
        _("TRL (technology readiness level)"), null=True, blank=True
    )
    planned_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    location = models.PointField(srid=4326, null=True, blank=True, spatial_index=True)
    area = models.MultiPolygonField(
        srid=4326, null=True, blank=True, spatial_index=True
    )
    zone = models.ForeignKey(
        Zone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="pilots",
        help_text="Derived from the location (or the area) by a spatial join.",
    )
    is_example = models.BooleanField(
        default=False, help_text="Demo content, not a real project."
    )
    # Editors besides the owner, and the outcome of the last review (issue 5).
    collaborators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="collaborating_pilots"
    )
    moderation_reason = models.TextField(
        blank=True, help_text="Why the last review requested changes or rejected."
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Read columns (fields.read_text): the lead organisation's slug and name,
    # the partners' and the sites' slugs, the zone's slug.
    read_lead_slug = read_text()
    read_lead_name = read_text()
    read_partner_slugs = read_slugs()
    read_site_slugs = read_slugs()
    read_zone_slug = read_text()

    objects = PilotQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")
        indexes = [
            GinIndex(fields=["sectors"], name="pilot_sectors_gin"),
            GinIndex(fields=["sdgs"], name="pilot_sdgs_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trl__isnull=True) | models.Q(trl__gte=1, trl__lte=9),
                name="pilot_trl_1_9",
            ),
            models.CheckConstraint(
                condition=models.Q(planned_start__isnull=True)
                | models.Q(planned_end__isnull=True)
                | models.Q(planned_end__gte=models.F("planned_start")),
                name="pilot_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(location__isnull=False)
                | models.Q(area__isnull=False),
                name="pilot_has_location_or_area",
            ),
            sdgs_in_range("pilot_sdgs_1_17"),
        ]

    def __str__(self) -> str:
        return self.title
