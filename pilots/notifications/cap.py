"""The per-organisation cap on notifications (issue 13).

Publishing counts the people its opportunity matches at that moment (each is
notified once per channel, see matching.py) and stores the figure on the
outbox event. An organisation's events of the last 24 hours (a rolling day)
may not add up to more than NOTIFICATIONS_PER_ORGANISATION_PER_DAY; a publish
that would exceed it is refused and changes nothing. The organisation's row is
locked while counting, so two publishes at once cannot both slip under it.
"""

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Opportunity, Organization, OutboxEvent
from .matching import matching_recipients

WINDOW = timedelta(days=1)


class NotificationCapExceeded(Exception):
    """Publishing now would notify more people than the daily cap allows."""

    def __init__(
        self, message: str, *, limit: int, used: int, requested: int, retry_after: int
    ) -> None:
        super().__init__(message)
        self.message = message
        self.limit = limit
        self.used = used
        self.requested = requested
        self.retry_after = retry_after


def _retry_after(events: list[tuple[datetime, int]], excess: int, now: datetime) -> int:
    """Seconds until enough of the window's events have aged out of it."""
    freed = 0
    for created_at, recipients in events:  # oldest first
        freed += recipients
        if freed >= excess:
            seconds = (created_at + WINDOW - now).total_seconds()
            return max(1, math.ceil(seconds))
    return int(WINDOW.total_seconds())  # more than a whole day's cap


def notification_cap_check(*, opportunity: Opportunity) -> int:
    """The people publishing `opportunity` notifies; raises when over the cap.

    Call inside the publishing transaction."""
    limit = int(settings.NOTIFICATIONS_PER_ORGANISATION_PER_DAY)
    Organization.objects.select_for_update().filter(
        pk=opportunity.publisher_id
    ).exists()
    requested = matching_recipients(opportunity_id=opportunity.pk)
    now = timezone.now()
    events = list(
        OutboxEvent.objects.filter(
            opportunity__publisher_id=opportunity.publisher_id,
            kind=OutboxEvent.Kind.OPPORTUNITY_PUBLISHED,
            created_at__gt=now - WINDOW,
        )
        .order_by("created_at", "id")
        .values_list("created_at", "recipients")
    )
    used = sum(recipients for _, recipients in events)
    if used + requested <= limit:
        return requested
    raise NotificationCapExceeded(
        _(
            "Publishing this opportunity would notify %(requested)d people; "
            "your organisation has notified %(used)d in the last 24 hours and "
            "may notify at most %(limit)d a day."
        )
        % {"requested": requested, "used": used, "limit": limit},
        limit=limit,
        used=used,
        requested=requested,
        retry_after=_retry_after(events, used + requested - limit, now),
    )
