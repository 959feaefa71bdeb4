"""Organisation members and pilot collaborators."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Organization, OrganizationMembership, PilotProject


class LastAdminError(Exception):
    """An organisation keeps at least one admin."""


def _lock_organization(organization_id: int) -> None:
    """Serialise membership changes of one organisation, so two admins demoting
    each other at once cannot both see the other as the remaining admin."""
    list(Organization.objects.select_for_update(no_key=True).filter(pk=organization_id))


def _other_admins_exist(membership: OrganizationMembership) -> bool:
    return (
        OrganizationMembership.objects.filter(
            organization_id=membership.organization_id,
            role=OrganizationMembership.Role.ADMIN,
        )
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def organization_membership_set(
    *, organization: Organization, user: Any, role: str, actor: Any = None
) -> OrganizationMembership:
    """Add `user` to `organization` in `role`, or change their role."""
    _lock_organization(organization.pk)
    membership = (
        OrganizationMembership.objects.select_for_update()
        .filter(organization=organization, user=user)
        .first()
    )
    if membership is None:
        membership = OrganizationMembership(organization=organization, user=user)
    elif (
        membership.role == OrganizationMembership.Role.ADMIN
        and role != OrganizationMembership.Role.ADMIN
        and not _other_admins_exist(membership)
    ):
        raise LastAdminError(_("An organisation keeps at least one admin."))
    membership.role = role
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.save()
    return membership


@transaction.atomic
def organization_membership_delete(
    *, membership: OrganizationMembership, actor: Any = None
) -> None:
    _lock_organization(membership.organization_id)
    membership = OrganizationMembership.objects.select_for_update().get(
        pk=membership.pk
    )
    if membership.role == OrganizationMembership.Role.ADMIN and not (
        _other_admins_exist(membership)
    ):
        raise LastAdminError(_("An organisation keeps at least one admin."))
    membership._history_user = actor  # type: ignore[attr-defined]
    membership.delete()


@transaction.atomic
def pilot_collaborator_add(*, pilot: PilotProject, user: Any, actor: Any) -> None:
    if user.pk != pilot.owner_id:
        pilot.collaborators.add(user)


@transaction.atomic
def pilot_collaborator_remove(*, pilot: PilotProject, user: Any, actor: Any) -> None:
    pilot.collaborators.remove(user)
