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
    trl_levels_in_range,
)
from .moderation import Unpublishable
from .organizations import Organization


class SiteQuerySet(models.QuerySet["Site"]):
    def public(self) -> "SiteQuerySet":
        """Every site a moderator has not unpublished; retired ones stay listed
        with their status."""
        return self.filter(unpublished_at__isnull=True)


class Site(Unpublishable, models.Model):
    """A place where testing happens: a test arena or a shared lab."""

    class Kind(models.TextChoices):
        TEST_ARENA = "test_arena", "Test arena"
        SHARED_LAB = "shared_lab", "Shared lab"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        UNDER_CONSTRUCTION = "under_construction", "Under construction"
        OPERATIONAL = "operational", "Operational"
        RETIRED = "retired", "Retired"

    class Access(models.TextChoices):
        OPEN = "open", "Open"
        ON_APPLICATION = "on_application", "On application"
        MEMBERS_ONLY = "members_only", "Members only"

    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200, validators=[no_control_characters])
    name_no = models.CharField(
        _("name (Norwegian)"),
        max_length=200,
        blank=True,
        validators=[no_control_characters],
    )
    description = models.TextField(blank=True)
    description_no = models.TextField(_("description (Norwegian)"), blank=True)
    host = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="hosted_sites"
    )
    partners = models.ManyToManyField(
        Organization, blank=True, related_name="partner_sites"
    )
    sectors = sector_array()
    sdgs = sdg_array()
    trl_min = models.PositiveSmallIntegerField(_("lowest TRL"), null=True, blank=True)
    trl_max = models.PositiveSmallIntegerField(_("highest TRL"), null=True, blank=True)
    status = models.CharField(
        max_length=24, choices=Status.choices, default=Status.OPERATIONAL
    )
    access = models.CharField(
        max_length=16, choices=Access.choices, default=Access.ON_APPLICATION
    )
    facilities = models.TextField(blank=True)
    pricing_note = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    location = models.PointField(srid=4326, spatial_index=True)
    footprint = models.MultiPolygonField(srid=4326, null=True, blank=True)
    zone = models.ForeignKey(
        Zone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="sites",
        help_text="Derived from the location by a spatial join.",
    )
    coordinates_approximate = models.BooleanField(default=False)
    source_urls = models.JSONField(_("source URLs"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Read columns (fields.read_text): the host's slug and name, the partners'
    # slugs, the zone's slug, and the GeoJSON Feature text of the site as the
    # API writes it in CRS84 (api.features.SITE_FEATURE).
    read_host_slug = read_text()
    read_host_name = read_text()
    read_partner_slugs = read_slugs()
    read_zone_slug = read_text()
    read_feature = read_text()

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("site (test arena or lab)")
        verbose_name_plural = _("sites (test arenas and labs)")
        indexes = [
            GinIndex(fields=["sectors"], name="site_sectors_gin"),
            GinIndex(fields=["sdgs"], name="site_sdgs_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=trl_levels_in_range()
                & (
                    models.Q(trl_min__isnull=True)
                    | models.Q(trl_max__isnull=True)
                    | models.Q(trl_min__lte=models.F("trl_max"))
                ),
                name="site_trl_range_valid",
            ),
            sdgs_in_range("site_sdgs_1_17"),
        ]

    def __str__(self) -> str:
        return self.name
