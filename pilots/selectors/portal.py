"""Reads of the registration portal: a person's own pilots, the moderators'
queue of submitted pilots."""

from typing import Any

from django.db.models import Q, QuerySet

from ..models import PilotProject, PilotTransition


def pilots_of(*, user: Any) -> QuerySet[PilotProject]:
    """Pilots this user owns or collaborates on, last changed first."""
    return (
        PilotProject.objects.filter(Q(owner=user) | Q(collaborators=user))
        .distinct()
        .order_by("-updated_at", "-id")
    )


def editable_pilot(*, user: Any, slug: str) -> PilotProject | None:
    """The user's own pilot (owner or collaborator) by slug, else None."""
    return pilots_of(user=user).filter(slug=slug).first()


def pilots_awaiting_review() -> QuerySet[PilotProject]:
    """Submitted pilots, oldest submission first."""
    return (
        PilotProject.objects.filter(status=PilotProject.Status.SUBMITTED)
        .select_related("owner")
        .order_by("submitted_at", "id")
    )


def pilot_transitions(*, pilot: PilotProject) -> QuerySet[PilotTransition]:
    """The pilot's workflow history, oldest first."""
    return pilot.transitions.select_related("actor").order_by("created_at", "id")
