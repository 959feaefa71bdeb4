"""Everything the registry holds about one person, for their download (GDPR
art. 15 and 20). Webhook secrets and token digests are credentials, left out."""

import json
from typing import Any

from django.db.models import Q
from knox.models import AuthToken

from ..models import (
    AccountProfile,
    Booking,
    CalendarFeed,
    Delivery,
    Invitation,
    Notification,
    Opportunity,
    Organization,
    OrganizationMembership,
    PilotProject,
    PilotTransition,
    Site,
    Subscription,
)
from ..models.accounts import public_name
from .permissions import is_moderator

# The models with a change history (pilots.models.history).
HISTORY_MODELS = (Organization, Site, PilotProject, OrganizationMembership, Opportunity)


def _geojson(geometry: Any) -> Any:
    return None if geometry is None else json.loads(geometry.geojson)


def _pilot(pilot: PilotProject) -> dict:
    return {"slug": pilot.slug, "title": pilot.title, "status": pilot.status}


def _invitation(invitation: Invitation) -> dict:
    return {
        "email": invitation.email,
        "organization": getattr(invitation.organization, "slug", None),
        "pilot": getattr(invitation.pilot, "slug", None),
        "role": invitation.role,
        "created_at": invitation.created_at,
        "accepted_at": invitation.accepted_at,
    }


def _subscription(subscription: Subscription) -> dict:
    return {
        "id": subscription.pk,
        "name": subscription.name,
        "channel": subscription.channel,
        "frequency": subscription.frequency,
        "sectors": subscription.sectors,
        "sdgs": subscription.sdgs,
        "zone_ids": subscription.zone_ids,
        "organization_ids": subscription.organization_ids,
        "keywords": subscription.keywords,
        "area": _geojson(subscription.area),
        "point": _geojson(subscription.point),
        "radius_m": subscription.radius_m,
        "trl_min": subscription.trl_min,
        "trl_max": subscription.trl_max,
        "webhook_url": subscription.webhook_url,
        "is_active": subscription.is_active,
        "unsubscribed_at": subscription.unsubscribed_at,
        "created_at": subscription.created_at,
    }


def _history_entries(user: Any) -> list[dict]:
    entries = []
    for model in HISTORY_MODELS:
        historical: Any = getattr(model, "history").model  # noqa: B009
        for record in historical.objects.filter(history_user=user).order_by(
            "history_date", "history_id"
        ):
            entries.append(
                {
                    "model": model._meta.model_name,
                    "object_id": record.id,
                    "slug": getattr(record, "slug", None),
                    "type": {"+": "created", "~": "changed", "-": "deleted"}[
                        record.history_type
                    ],
                    "at": record.history_date,
                }
            )
    return sorted(entries, key=lambda entry: entry["at"])


def account_data(*, user: Any) -> dict[str, Any]:
    """The person's data as plain JSON-ready values."""
    profile = AccountProfile.objects.filter(user=user).first()
    memberships = OrganizationMembership.objects.filter(user=user).select_related(
        "organization"
    )
    subscriptions = list(Subscription.objects.filter(user=user).order_by("id"))
    deliveries = Delivery.objects.filter(
        Q(subscription__user=user) | Q(user=user)
    ).order_by("created_at")
    notifications = Notification.objects.filter(user=user).select_related("opportunity")
    invitations = Invitation.objects.select_related("organization", "pilot")
    return {
        "account": {
            "id": user.pk,
            "username": user.get_username(),
            "email": user.email,
            "display_name": profile.display_name if profile else "",
            "shown_to_others_as": public_name(user),
            "language": profile.language if profile else "en",
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_verified_at": profile.email_verified_at if profile else None,
            "is_moderator": is_moderator(user),
        },
        "memberships": [
            {
                "organization": membership.organization.slug,
                "role": membership.role,
                "created_at": membership.created_at,
            }
            for membership in memberships
        ],
        "pilots_owned": [
            _pilot(pilot) for pilot in PilotProject.objects.filter(owner=user)
        ],
        "pilots_collaborating": [
            _pilot(pilot) for pilot in user.collaborating_pilots.all()
        ],
        "opportunities_created": [
            {"slug": opportunity.slug, "title": opportunity.title}
            for opportunity in Opportunity.objects.filter(created_by=user)
        ],
        "pilot_transitions": [
            {
                "pilot": transition.pilot.slug,
                "action": transition.action,
                "reason": transition.reason,
                "created_at": transition.created_at,
            }
            for transition in PilotTransition.objects.filter(actor=user)
            .select_related("pilot")
            .order_by("created_at")
        ],
        "subscriptions": [_subscription(row) for row in subscriptions],
        "deliveries": [
            {
                "id": str(delivery.id),
                "subscription": delivery.subscription_id,
                "kind": delivery.kind,
                "channel": delivery.channel,
                "status": delivery.status,
                "created_at": delivery.created_at,
                "delivered_at": delivery.delivered_at,
            }
            for delivery in deliveries
        ],
        "notifications": [
            {
                "opportunity": notification.opportunity.slug
                if notification.opportunity
                else None,
                "booking": notification.booking_id,
                "subscription": notification.subscription_id,
                "kind": notification.kind,
                "created_at": notification.created_at,
                "read_at": notification.read_at,
            }
            for notification in notifications
        ],
        "history": _history_entries(user),
        "invitations_received": [
            _invitation(row) for row in invitations.filter(email__iexact=user.email)
        ]
        if user.email
        else [],
        "invitations_sent": [
            _invitation(row) for row in invitations.filter(invited_by=user)
        ],
        "bookings": [
            {
                "id": booking.pk,
                "resource": booking.resource.name,
                "site": booking.resource.site.slug,
                "organization": booking.organization.slug,
                "start": booking.period.lower,
                "end": booking.period.upper,
                "state": booking.state,
                "purpose": booking.purpose,
                "created_at": booking.created_at,
            }
            for booking in Booking.objects.filter(booker=user)
            .select_related("resource__site", "organization")
            .order_by("created_at")
        ],
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
        "api_tokens": [
            {
                "token_key": token.token_key,
                "created": token.created,
                "expiry": token.expiry,
            }
            for token in AuthToken.objects.filter(user=user).order_by("created")
        ],
    }
