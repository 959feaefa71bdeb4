"""How people appear in answers: a display name for everyone, the address only
to the person themself and to staff (issue 13)."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pilots.models.accounts import public_name
from pilots.selectors.permissions import can_see_address


@extend_schema_field(OpenApiTypes.STR)
class PublicNameField(serializers.Field):
    """A user as their display name (or "Registry member #<id>")."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str | None:
        return public_name(value)


def address_for(viewer: Any, person: Any) -> str | None:
    """`person`'s email address if `viewer` may see it, else None."""
    return person.email if can_see_address(viewer, person) else None
