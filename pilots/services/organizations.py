"""Writes of organisations."""

from typing import Any

from django.db import transaction

from ..models import Organization, OrganizationMembership


@transaction.atomic
def organization_create(*, actor: Any, **fields: Any) -> Organization:
    """The acting user becomes the organisation's first admin."""
    organization = Organization.objects.create(**fields)
    if actor is not None and getattr(actor, "is_authenticated", False):
        OrganizationMembership.objects.create(
            organization=organization,
            user=actor,
            role=OrganizationMembership.Role.ADMIN,
        )
    return organization


@transaction.atomic
def organization_update(
    *, organization: Organization, actor: Any, **fields: Any
) -> Organization:
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.save()
    return organization


@transaction.atomic
def organization_delete(*, organization: Organization, actor: Any) -> None:
    """Raises django.db.models.ProtectedError while it hosts sites or leads pilots."""
    organization.delete()
