"""Moderators verify organisations (issue 13): a verified organisation's
admins publish opportunities without review. A valid organisation number is
not enough on its own; a moderator decides, and the history records who."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Organization
from ..selectors.permissions import is_moderator


def _require_moderator(actor: Any) -> None:
    if not is_moderator(actor):
        raise PermissionDenied(_("Only district moderators may do this."))


def _save(organization: Organization, actor: Any) -> Organization:
    organization._history_user = actor  # type: ignore[attr-defined]
    organization.save(update_fields=["verified_at", "verified_by", "updated_at"])
    return organization


@transaction.atomic
def organization_verify(*, organization: Organization, actor: Any) -> Organization:
    """Mark it verified (again: keeps the first verification)."""
    _require_moderator(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.verified_at is None:
        organization.verified_at = timezone.now()
        organization.verified_by = actor
        _save(organization, actor)
    return organization


@transaction.atomic
def organization_unverify(*, organization: Organization, actor: Any) -> Organization:
    """Withdraw the verification: its opportunities go through review again."""
    _require_moderator(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.verified_at is not None:
        organization.verified_at = None
        organization.verified_by = None
        _save(organization, actor)
    return organization
