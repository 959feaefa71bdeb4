from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import no_control_characters
from .moderation import Unpublishable


def validate_org_number(value: str) -> None:
    """A Norwegian organisation number: 9 digits, mod-11 check digit."""
    if len(value) != 9 or not value.isdigit():
        raise ValidationError(_("An organisation number has 9 digits."))
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    remainder = sum(int(d) * w for d, w in zip(value, weights, strict=False)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    if check == 10 or check != int(value[8]):
        raise ValidationError(_("The organisation number's check digit is wrong."))


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def public(self) -> "OrganizationQuerySet":
        """Every organisation a moderator has not unpublished."""
        return self.filter(unpublished_at__isnull=True)


class Organization(Unpublishable, models.Model):
    """A university, institute, company or public body active in the district."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", "University"
        RESEARCH_INSTITUTE = "research_institute", "Research institute"
        COMPANY = "company", "Company"
        PUBLIC_BODY = "public_body", "Public body"
        HOSPITAL = "hospital", "Hospital"
        FINANCIAL = "financial", "Financial"
        CLUSTER = "cluster", "Cluster / network"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, validators=[no_control_characters])
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    org_number = models.CharField(
        "organisation number",
        max_length=9,
        blank=True,
        validators=[validate_org_number],
        help_text="Norwegian organisation number; empty for foreign bodies.",
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    verified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a moderator verified it: its opportunities publish "
        "without review (a valid organisation number alone is not enough).",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["org_number"],
                condition=~models.Q(org_number=""),
                name="organization_org_number_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(org_number="")
                | models.Q(org_number__regex=r"^\d{9}$"),
                name="organization_org_number_9_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
