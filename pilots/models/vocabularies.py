"""Controlled vocabularies: sectors, UN SDGs and TRL levels, in English and Norwegian.

Sites, pilots and (later) opportunities keep sector slugs and SDG numbers in
arrays, so "any of" filters and subscription matching are one `&&` on a GIN index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.Model):
    """A sector of the district's work (mobility, energy, health, ...)."""

    slug = models.SlugField(max_length=32, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=64)
    name_no = models.CharField(_("name (Norwegian)"), max_length=64)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name_en


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    code = models.CharField(max_length=8)
    name_en = models.CharField(_("name (English)"), max_length=128)
    name_no = models.CharField(_("name (Norwegian)"), max_length=128)
    statement_en = models.TextField(_("statement (English)"), blank=True)
    statement_no = models.TextField(_("statement (Norwegian)"), blank=True)
    color = models.CharField(max_length=7, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG (UN Sustainable Development Goal)")
        verbose_name_plural = _("SDGs (UN Sustainable Development Goals)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=17),
                name="sdg_number_1_17",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name_en}"


class TRLLevel(models.Model):
    """A Technology Readiness Level (Horizon 2020 Annex G wording)."""

    level = models.PositiveSmallIntegerField(primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=128)
    name_no = models.CharField(_("name (Norwegian)"), max_length=128)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_no = models.TextField(_("description (Norwegian)"), blank=True)

    class Meta:
        ordering = ["level"]
        verbose_name = _("TRL (technology readiness level)")
        verbose_name_plural = _("TRLs (technology readiness levels)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=9), name="trl_level_1_9"
            )
        ]

    def __str__(self) -> str:
        return f"TRL {self.level}: {self.name_en}"
