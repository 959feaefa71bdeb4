"""Reads of the portal's organisation pages (issue 16): a person's
organisations, an organisation's members, open invitations, sites and calls,
and how many notifications each call sent (counts only, never recipients)."""

from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from ..models import (
    Invitation,
    Notification,
    Opportunity,
    OpportunityTransition,
    Organization,
    OrganizationMembership,
    Site,
)
from ..services.invitations import INVITATION_MAX_AGE


def memberships_of(*, user: Any) -> QuerySet[OrganizationMembership]:
    """The user's memberships with their organisations, by organisation name."""
    return (
        OrganizationMembership.objects.filter(user_id=user.pk)
        .select_related("organization")
        .order_by("organization__name", "organization_id")
    )


def membership_role(*, user: Any, organization: Organization) -> str | None:
    """The user's role in `organization` ("admin", "member") or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        OrganizationMembership.objects.filter(
            user_id=user.pk, organization=organization
        )
        .values_list("role", flat=True)
        .first()
    )


def organization_members(
    *, organization: Organization
) -> QuerySet[OrganizationMembership]:
    """Members in the order they joined, with what their public name needs."""
    return (
        OrganizationMembership.objects.filter(organization=organization)
        .select_related("user__profile")
        .order_by("created_at", "id")
    )


def pending_invitations(*, organization: Organization) -> QuerySet[Invitation]:
    """Invitations to `organization` not accepted and not expired, newest first."""
    return Invitation.objects.filter(
        organization=organization,
        accepted_at__isnull=True,
        updated_at__gt=timezone.now() - INVITATION_MAX_AGE,
    ).order_by("-updated_at", "-id")


def organization_sites(*, organization: Organization) -> QuerySet[Site]:
    """Every site the organisation hosts, unpublished ones included."""
    return Site.objects.filter(host=organization).order_by("name", "id")


def organization_opportunities(*, organization: Organization) -> QuerySet[Opportunity]:
    """Every call the organisation publishes (drafts too), last changed first,
    each with `notifications_sent`: the people and channels it reached."""
    return (
        Opportunity.objects.filter(publisher=organization)
        .annotate(notifications_sent=Count("notifications"))
        .order_by("-updated_at", "-id")
    )


def opportunity_notification_counts(*, opportunity: Opportunity) -> list[dict]:
    """How many notifications the call sent, by kind, channel and delivery
    status; `status` is "" while a digest has not gone out yet, and "inbox"
    for the in-app channel (nothing to deliver). One query."""
    rows = (
        Notification.objects.filter(opportunity=opportunity)
        .values("kind", "channel", "delivery__status")
        .annotate(count=Count("id"))
        .order_by("kind", "channel", "delivery__status")
    )
    return [
        {
            "kind": row["kind"],
            "channel": row["channel"],
            "status": row["delivery__status"]
            or ("inbox" if row["channel"] == "in_app" else ""),
            "count": row["count"],
        }
        for row in rows
    ]


def opportunity_history(*, opportunity: Opportunity) -> QuerySet[OpportunityTransition]:
    """The call's review steps, oldest first."""
    return opportunity.transitions.order_by("created_at", "id")
