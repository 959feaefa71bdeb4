"""How the organisation pages name a notification's kind, channel and
delivery status (pilots.selectors.organization_portal counts them)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

KINDS = {"match": _("New call"), "reminder": _("Deadline reminder")}
CHANNELS = {"email": _("Email"), "webhook": _("Webhook"), "in_app": _("Inbox")}
STATUSES = {
    "pending": _("Being sent"),
    "delivered": _("Delivered"),
    "dead": _("Failed"),
    "skipped": _("Skipped (unsubscribed or paused)"),
    "inbox": _("In the inbox"),
    "": _("Waiting for the digest"),
}


def labelled(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **row,
            "kind_label": KINDS.get(row["kind"], row["kind"]),
            "channel_label": CHANNELS.get(row["channel"], row["channel"]),
            "status_label": STATUSES.get(row["status"], row["status"]),
        }
        for row in counts
    ]
