from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountProfile(models.Model):
    """What the registry keeps about a user beyond Django's User."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        NORWEGIAN_BOKMAL = "nb", _("Norwegian Bokmål")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("Language of the emails the registry sends."),
    )
    email_verified_at = models.DateTimeField(null=True, blank=True)
    display_name = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("Shown instead of the email address; empty: a neutral name."),
    )
    deleted_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Set when the person deleted the account (data erased)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user_id"]

    def __str__(self) -> str:
        return f"profile of {self.user}"


def public_name(user: Any) -> str | None:
    """How a person appears to others: their display name, never the address."""
    if user is None:
        return None
    try:
        profile = user.profile
    except AccountProfile.DoesNotExist:
        profile = None
    if profile is not None and profile.deleted_at is not None:
        return str(_("Former member"))
    if profile is not None and profile.display_name:
        return profile.display_name
    return str(_("Registry member #%(id)s") % {"id": user.pk})
