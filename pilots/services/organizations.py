"""Writes of organisations."""

from typing import Any

from django.db import transaction

from ..models import Organization


@transaction.atomic
def organization_create(*, actor: Any, **fields: Any) -> Organization:
    return Organization.objects.create(**fields)


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
