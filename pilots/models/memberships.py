from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organizations import Organization


class OrganizationMembership(models.Model):
    """A user's place in an organisation; admins manage its sites and members."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organization_memberships",
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organization_id", "user_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                name="organization_membership_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["admin", "member"]),
                name="organization_membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organization} ({self.role})"
