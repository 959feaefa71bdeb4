"""Controlled vocabularies: sectors, UN SDGs and TRL levels, in English and Norwegian.

Sites, pilots and (later) opportunities keep sector slugs and SDG numbers in
arrays, so "any of" filters and subscription matching are one `&&` on a GIN index.
"""

from django.db import models


class Sector(models.Model):
    """A sector of the district's work (mobility, energy, health, ...)."""

    slug = models.SlugField(max_length=32, unique=True)
    name_en = models.CharField(max_length=64)
    name_no = models.CharField(max_length=64)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name_en


class SDG(models.Model):
    """One of the 17 UN Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    code = models.CharField(max_length=8)
    name_en = models.CharField(max_length=128)
    name_no = models.CharField(max_length=128)
    statement_en = models.TextField(blank=True)
    statement_no = models.TextField(blank=True)
    color = models.CharField(max_length=7, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG"
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
    name_en = models.CharField(max_length=128)
    name_no = models.CharField(max_length=128)
    description_en = models.TextField(blank=True)
    description_no = models.TextField(blank=True)

    class Meta:
        ordering = ["level"]
        verbose_name = "TRL level"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=9), name="trl_level_1_9"
            )
        ]

    def __str__(self) -> str:
        return f"TRL {self.level}: {self.name_en}"
