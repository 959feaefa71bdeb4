"""Field and constraint helpers shared by the catalogue's models."""

from django.contrib.postgres.fields import ArrayField
from django.db import models

TRL_RANGE = (1, 9)


def sector_array() -> ArrayField:
    return ArrayField(models.SlugField(max_length=32), default=list, blank=True)


def sdg_array() -> ArrayField:
    return ArrayField(models.PositiveSmallIntegerField(), default=list, blank=True)


def sdgs_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(sdgs__contained_by=list(range(1, 18))), name=name
    )
