"""Field and constraint helpers shared by the catalogue's models."""

import unicodedata

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

TRL_RANGE = (1, 9)


def no_control_characters(value: str) -> None:
    """Titles and names are one line of text: no line breaks, tabs or other
    control characters (a CR/LF in a title broke the email subject built
    from it)."""
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            _("Control characters (line breaks, tabs, ...) are not allowed here."),
            code="control_characters",
        )


def sector_array() -> ArrayField:
    return ArrayField(
        models.SlugField(max_length=32),
        default=list,
        blank=True,
        verbose_name=_("sectors"),
    )


def sdg_array() -> ArrayField:
    return ArrayField(
        models.PositiveSmallIntegerField(),
        default=list,
        blank=True,
        verbose_name=_("SDGs (UN Sustainable Development Goals)"),
    )


def sdgs_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(sdgs__contained_by=list(range(1, 18))), name=name
    )


def trl_levels_in_range() -> models.Q:
    """`trl_min` and `trl_max` are each empty or a TRL level 1 to 9."""
    low, high = TRL_RANGE
    return (
        models.Q(trl_min__isnull=True) | models.Q(trl_min__gte=low, trl_min__lte=high)
    ) & (models.Q(trl_max__isnull=True) | models.Q(trl_max__gte=low, trl_max__lte=high))


def trl_range_constraints(prefix: str) -> list[models.CheckConstraint]:
    """Levels 1 to 9, and a minimum not above the maximum when both are given."""
    return [
        models.CheckConstraint(
            condition=trl_levels_in_range(), name=f"{prefix}_trl_1_9"
        ),
        models.CheckConstraint(
            condition=models.Q(trl_min__isnull=True)
            | models.Q(trl_max__isnull=True)
            | models.Q(trl_max__gte=models.F("trl_min")),
            name=f"{prefix}_trl_min_le_max",
        ),
    ]


# Read columns: what a feature shows from other tables (a host's slug, the
# partners' slugs, ...), kept on the row by PostgreSQL triggers in the same
# transaction as any write (migration 0016), so a page reads one table.
# Django never writes them: whatever it sends, the triggers overwrite.
def read_text() -> models.TextField:
    return models.TextField(
        null=True, blank=True, editable=False, help_text="Kept by the database."
    )


def read_slugs() -> ArrayField:
    return ArrayField(
        models.TextField(),
        default=list,
        blank=True,
        editable=False,
        help_text="Kept by the database.",
    )
