"""Who may do what: reads the permission classes and services share.

Kept apart from pilots/selectors.py (the catalogue reads) so both stay small.
"""

from typing import Any

from .models import OrganizationMembership

MODERATORS_GROUP = "moderators"


def _signed_in(user: Any) -> bool:
    return user is not None and bool(getattr(user, "is_authenticated", False))


def is_moderator(user: Any) -> bool:
    """Members of the Django group "moderators" (and superusers)."""
    if not _signed_in(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name=MODERATORS_GROUP).exists()
        user._is_moderator = cached
    return bool(cached)


def organization_admin_ids(user: Any) -> set[int]:
    """Ids of the organisations `user` administers."""
    if not _signed_in(user):
        return set()
    return set(
        OrganizationMembership.objects.filter(
            user_id=user.pk, role=OrganizationMembership.Role.ADMIN
        ).values_list("organization_id", flat=True)
    )


def organization_member_ids(user: Any) -> set[int]:
    """Ids of the organisations `user` belongs to, in any role."""
    if not _signed_in(user):
        return set()
    return set(
        OrganizationMembership.objects.filter(user_id=user.pk).values_list(
            "organization_id", flat=True
        )
    )
