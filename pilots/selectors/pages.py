"""Reads for the pages for people (web/): one site, pilot or opportunity with
what its page shows, under the same visibility rules as the API."""

from typing import Any

from django.core import signing
from django.db.models import Prefetch

from ..models import Opportunity, Organization, PilotProject, Site, Subscription
from ..notifications.content import subscription_id_from_token
from .catalogue import visible_pilots, visible_sites
from .opportunities import opportunity_list


def _public_organizations() -> Any:
    return Organization.objects.public().order_by("name", "id")


def site_page(*, slug: str, user: Any = None) -> Site | None:
    return (
        visible_sites(user=user)
        .select_related("host", "zone")
        .prefetch_related(
            Prefetch("partners", queryset=_public_organizations()),
            Prefetch(
                "pilots",
                queryset=PilotProject.objects.public().order_by("title", "id"),
            ),
            Prefetch(
                "opportunities",
                queryset=opportunity_list().order_by("deadline", "title"),
            ),
        )
        .filter(slug=slug)
        .first()
    )


def pilot_page(*, slug: str, user: Any = None) -> PilotProject | None:
    return (
        visible_pilots(user=user)
        .select_related("lead_organization", "zone")
        .prefetch_related(
            Prefetch("partners", queryset=_public_organizations()),
            Prefetch("sites", queryset=visible_sites().order_by("name", "id")),
        )
        .filter(slug=slug)
        .first()
    )


def opportunity_page(*, slug: str, user: Any = None) -> Opportunity | None:
    return (
        opportunity_list(user=user)
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("sites", queryset=visible_sites().order_by("name", "id"))
        )
        .filter(slug=slug)
        .first()
    )


def subscription_by_token(*, token: str) -> Subscription:
    """The subscription an unsubscribe link names; raises signing.BadSignature."""
    subscription = (
        Subscription.objects.select_related("user")
        .filter(pk=subscription_id_from_token(token))
        .first()
    )
    if subscription is None:
        raise signing.BadSignature("no such subscription")
    return subscription
