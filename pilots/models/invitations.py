from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organizations import Organization
from .pilots import PilotProject


class Invitation(models.Model):
    """An emailed invitation to join an organisation or to edit a pilot.

    Inviting never tells whether the address has an account; the invitee
    accepts the link once signed in with that address."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        MEMBER = "member", _("Member")

    email = models.EmailField(max_length=254)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    role = models.CharField(max_length=8, choices=Role.choices, blank=True)
    pilot = models.ForeignKey(
        PilotProject,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organization__isnull=False, pilot__isnull=True)
                    & models.Q(role__in=["admin", "member"])
                )
                | models.Q(organization__isnull=True, pilot__isnull=False, role=""),
                name="invitation_one_target",
            ),
        ]
        indexes = [models.Index(fields=["email"], name="invitation_email")]

    def __str__(self) -> str:
        target = self.organization_id or self.pilot_id
        return f"invitation {self.pk} to {target}"
