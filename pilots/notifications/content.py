"""What a delivery says: the webhook JSON and the email's subject and bodies.

Emails are written in the active language (email.py activates the
subscriber's); Norwegian ones use the Norwegian title and summary when given."""

from typing import Any

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Delivery, Notification, Opportunity, Subscription
from ..public_links import web_page_url
from ..timestamps import format_timestamp
from .deadlines import calendar_days_until, district_time_label

UNSUBSCRIBE_SALT = "pilots.subscriptions.unsubscribe"
EVENT_TYPES = {
    Delivery.Kind.MATCH: "opportunity.matched",
    Delivery.Kind.DIGEST: "opportunity.digest",
    Delivery.Kind.REMINDER: "opportunity.deadline_reminder",
}


def unsubscribe_token(subscription: Subscription) -> str:
    """A signed token naming the subscription; it needs no login and no expiry."""
    return signing.dumps({"s": subscription.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def subscription_id_from_token(token: str) -> int:
    """The subscription id in a token; raises signing.BadSignature when forged."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise signing.BadSignature("malformed token")
    return int(data["s"])


def unsubscribe_url(subscription: Subscription) -> str:
    """The page that says which subscription ends (and takes the RFC 8058 POST)."""
    return web_page_url("unsubscribe", args=[unsubscribe_token(subscription)])


def opportunity_url(opportunity: Opportunity) -> str:
    """The API resource (webhook payloads are read by programs)."""
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    return f"{base}/api/v1/opportunities/{opportunity.slug}/"


def opportunity_page_url(opportunity: Opportunity) -> str:
    """The public page (emails are read by people)."""
    return web_page_url("opportunity", args=[opportunity.slug])


def opportunity_summary(opportunity: Opportunity) -> dict[str, Any]:
    return {
        "id": opportunity.pk,
        "slug": opportunity.slug,
        "title": opportunity.title,
        "title_no": opportunity.title_no,
        "summary": opportunity.summary,
        "call_type": opportunity.call_type,
        "sectors": list(opportunity.sectors),
        "sdgs": list(opportunity.sdgs),
        "trl_min": opportunity.trl_min,
        "trl_max": opportunity.trl_max,
        "deadline": format_timestamp(opportunity.deadline)
        if opportunity.deadline
        else None,
        "is_example": opportunity.is_example,
        "url": opportunity_url(opportunity),
    }


def webhook_payload(
    delivery: Delivery, notifications: list[Notification]
) -> dict[str, Any]:
    return {
        "type": EVENT_TYPES[Delivery.Kind(delivery.kind)],
        "timestamp": format_timestamp(delivery.created_at),
        "data": {
            "subscription_id": delivery.subscription_id,
            "opportunities": [
                opportunity_summary(opportunity)
                for opportunity in _opportunities(notifications)
            ],
        },
    }


def _opportunities(notifications: list[Notification]) -> list[Opportunity]:
    return [n.opportunity for n in notifications if n.opportunity is not None]


def _in_language(opportunity: Opportunity) -> dict[str, str]:
    """Title and summary in the active language (English when no translation)."""
    norwegian = (translation.get_language() or "").startswith("nb")
    return {
        "title": (norwegian and opportunity.title_no) or opportunity.title,
        "summary": (norwegian and opportunity.summary_no) or opportunity.summary,
    }


def email_subject(delivery: Delivery, notifications: list[Notification]) -> str:
    if delivery.kind == Delivery.Kind.DIGEST:
        count = len(notifications)
        return ngettext(
            "Trondheim Tech Port: %(count)d new opportunity",
            "Trondheim Tech Port: %(count)d new opportunities",
            count,
        ) % {"count": count}
    opportunities = _opportunities(notifications)
    title = _in_language(opportunities[0])["title"] if opportunities else ""
    if delivery.kind == Delivery.Kind.REMINDER:
        deadline = opportunities[0].deadline if opportunities else None
        if deadline is not None:
            return _reminder_subject(title, _days_left(delivery, deadline))
    return _("New opportunity: %(title)s") % {"title": title}


def _days_left(delivery: Delivery, deadline: Any) -> int:
    """Calendar days in Oslo from when the reminder was made to the deadline."""
    return calendar_days_until(deadline, now=delivery.created_at or timezone.now())


def _reminder_subject(title: str, days: int) -> str:
    if days <= 0:
        return _("Deadline today: %(title)s") % {"title": title}
    return ngettext(
        "Deadline in %(count)d day: %(title)s",
        "Deadline in %(count)d days: %(title)s",
        days,
    ) % {"count": days, "title": title}


def email_bodies(
    delivery: Delivery, notifications: list[Notification]
) -> tuple[str, str]:
    """The plain-text and the HTML body (auto-escaped templates)."""
    subscription = delivery.subscription
    if subscription is None:
        raise ValueError("an opportunity's email goes through a subscription")
    context = {
        "delivery": delivery,
        "subscription": subscription,
        "is_reminder": delivery.kind == Delivery.Kind.REMINDER,
        "is_digest": delivery.kind == Delivery.Kind.DIGEST,
        "opportunities": [
            {
                "object": opportunity,
                "url": opportunity_page_url(opportunity),
                "deadline": district_time_label(opportunity.deadline)
                if opportunity.deadline
                else "",
                **_in_language(opportunity),
            }
            for opportunity in _opportunities(notifications)
        ],
        "unsubscribe_url": unsubscribe_url(subscription),
    }
    text = render_to_string("notifications/email.txt", context)
    html = render_to_string("notifications/email.html", context)
    return text, html
