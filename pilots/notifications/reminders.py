"""Deadline reminders: 3 days before a matched opportunity's deadline."""

from datetime import timedelta

from django.db import connection, transaction

from ..models import Notification
from .deliveries import deliveries_create

REMINDER_LEAD = timedelta(days=3)

CREATE_REMINDERS_SQL = """
INSERT INTO pilots_notification
    (subscription_id, opportunity_id, user_id, kind, channel,
     matched_subscription_ids, created_at, delivery_id, read_at)
SELECT n.subscription_id, n.opportunity_id, n.user_id, 'reminder', n.channel,
    n.matched_subscription_ids, now(), NULL, NULL
FROM pilots_notification n
JOIN pilots_opportunity o ON o.id = n.opportunity_id
JOIN pilots_subscription s ON s.id = n.subscription_id
WHERE n.kind = 'match'
  AND o.status = 'published' AND o.unpublished_at IS NULL
  AND o.deadline > now()
  AND o.deadline <= now() + %(lead)s::interval
  AND s.is_active AND s.unsubscribed_at IS NULL
ON CONFLICT (user_id, opportunity_id, kind, channel) DO NOTHING
"""


@transaction.atomic
def reminders_create() -> list[str]:
    """Reminder notifications (once each) and their deliveries; delivery ids."""
    with connection.cursor() as cursor:
        cursor.execute(CREATE_REMINDERS_SQL, {"lead": f"{REMINDER_LEAD.days} days"})
    return deliveries_create(kind=Notification.Kind.REMINDER)
