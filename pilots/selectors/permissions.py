"""Who may do what: reads the permission classes and services share.

Kept apart from catalogue.py (the catalogue reads) so both stay small.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from ..models import OrganizationMembership, PilotProject, Site

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


def can_see_address(viewer: Any, person: Any) -> bool:
    """A person's email address is shown to themself and to staff only."""
    if not _signed_in(viewer) or person is None:
        return False
    return viewer.pk == person.pk or viewer.is_staff or is_moderator(viewer)


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


def moderator_users() -> QuerySet[Any]:
    """Active members of the moderators group."""
    return (
        get_user_model()
        .objects.filter(groups__name=MODERATORS_GROUP, is_active=True)
        .distinct()
    )


# Pilot projects ---------------------------------------------------------------

EDITABLE_PILOT_STATUSES = frozenset(
    {PilotProject.Status.DRAFT, PilotProject.Status.CHANGES_REQUESTED}
)
DELETABLE_PILOT_STATUSES = EDITABLE_PILOT_STATUSES | {PilotProject.Status.REJECTED}


def pilot_visibility_q(user: Any) -> Q:
    """Public pilots for everyone; owners and collaborators see theirs in any
    state; moderators see every pilot."""
    public = Q(status__in=PilotProject.PUBLIC_STATUSES)
    if not _signed_in(user):
        return public
    if is_moderator(user):
        return Q()
    return (
        public
        | Q(owner_id=user.pk)
        | Q(
            pk__in=PilotProject.collaborators.through.objects.filter(
                user_id=user.pk
            ).values("pilotproject_id")
        )
    )


def is_pilot_editor(user: Any, pilot: PilotProject) -> bool:
    """The owner or a collaborator (status aside)."""
    if not _signed_in(user):
        return False
    if pilot.owner_id == user.pk:
        return True
    return pilot.collaborators.filter(pk=user.pk).exists()


def can_edit_pilot(user: Any, pilot: PilotProject) -> bool:
    return pilot.status in EDITABLE_PILOT_STATUSES and is_pilot_editor(user, pilot)


def can_delete_pilot(user: Any, pilot: PilotProject) -> bool:
    return (
        _signed_in(user)
        and pilot.owner_id == user.pk
        and pilot.status in DELETABLE_PILOT_STATUSES
    )


def can_see_pilot_history(user: Any, pilot: PilotProject) -> bool:
    return is_moderator(user) or is_pilot_editor(user, pilot)


# Sites and organisations -----------------------------------------------------


def can_manage_organization(user: Any, organization_id: int | None) -> bool:
    """Organisation admins manage their organisation, its sites and members;
    superusers (district staff) manage every organisation."""
    if organization_id is None or not _signed_in(user):
        return False
    if user.is_superuser:
        return True
    return organization_id in organization_admin_ids(user)


def can_manage_site(user: Any, site: Site) -> bool:
    return can_manage_organization(user, site.host_id)


def can_see_organization_history(user: Any, organization_id: int) -> bool:
    return is_moderator(user) or can_manage_organization(user, organization_id)


# Take-downs by moderators (sites, organisations, opportunities) --------------


def _administered(user: Any) -> QuerySet[Any]:
    """Ids of the organisations `user` administers, as a subquery."""
    return OrganizationMembership.objects.filter(
        user_id=user.pk, role=OrganizationMembership.Role.ADMIN
    ).values("organization_id")


def site_visibility_q(user: Any) -> Q:
    """Sites not unpublished for everyone; unpublished ones for moderators and
    the host organisation's admins."""
    public = Q(unpublished_at__isnull=True)
    if not _signed_in(user):
        return public
    if is_moderator(user):
        return Q()
    return public | Q(host_id__in=_administered(user))


def organization_visibility_q(user: Any) -> Q:
    """Organisations not unpublished for everyone; unpublished ones for
    moderators and their own admins."""
    public = Q(unpublished_at__isnull=True)
    if not _signed_in(user):
        return public
    if is_moderator(user):
        return Q()
    return public | Q(pk__in=_administered(user))


def can_see_opportunity_history(user: Any, opportunity: Any) -> bool:
    return is_moderator(user) or can_manage_organization(user, opportunity.publisher_id)
