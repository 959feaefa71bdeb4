"""Times in opportunity emails are the district's (Europe/Oslo) with the zone's
name, and a reminder counts the calendar days left in Oslo (issue 15)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation

from pilots.models import Delivery, Notification, Opportunity
from pilots.notifications.content import email_subject
from pilots.notifications.deliveries import deliveries_create, delivery_attempt
from pilots.notifications.matching import match_subscriptions
from pilots.services.subscriptions import subscription_create
from tests.factories import UserFactory

from .factories import OpportunityFactory

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def emailed_body(opportunity: Opportunity) -> str:
    user = UserFactory.create(email="times@example.org")
    subscription_create(actor=user, channel="email", name="Times")
    match_subscriptions(opportunity_id=opportunity.pk)
    for delivery_id in deliveries_create(kind="match", opportunity_id=opportunity.pk):
        assert delivery_attempt(delivery_id=delivery_id) == "delivered"
    [message] = [m for m in mail.outbox if "times@example.org" in m.to]
    return str(message.body)


@pytest.mark.parametrize(
    ("deadline", "shown"),
    [
        (datetime(2036, 12, 15, 12, 0, tzinfo=OSLO), "2036-12-15 12:00 CET"),
        (datetime(2036, 6, 15, 12, 0, tzinfo=OSLO), "2036-06-15 12:00 CEST"),
    ],
)
def test_deadlines_are_shown_in_oslo_time_with_the_zone(
    deadline: datetime, shown: str
) -> None:
    opportunity = OpportunityFactory.create(deadline=deadline)

    body = emailed_body(opportunity)

    assert shown in body
    assert "UTC" not in body


def reminder_subject(deadline: datetime, now: datetime) -> str:
    opportunity = OpportunityFactory.create(title="Harbour sensors", deadline=deadline)
    subscription = subscription_create(
        actor=UserFactory.create(), channel="email", name="Harbour"
    )
    notification = Notification.objects.create(
        subscription=subscription,
        opportunity=opportunity,
        user=subscription.user,
        kind=Notification.Kind.REMINDER,
    )
    delivery = Delivery(
        subscription=subscription, kind=Delivery.Kind.REMINDER, created_at=now
    )
    with translation.override("en"):
        return email_subject(delivery, [notification])


@pytest.mark.parametrize(
    ("now", "deadline", "subject"),
    [
        # 23 hours ahead, but tomorrow in Oslo.
        (
            datetime(2036, 12, 15, 8, 0, tzinfo=OSLO),
            datetime(2036, 12, 16, 7, 0, tzinfo=OSLO),
            "Deadline in 1 day: Harbour sensors",
        ),
        # One hour ahead, past midnight in Oslo (still the same UTC date).
        (
            datetime(2036, 12, 15, 23, 30, tzinfo=OSLO),
            datetime(2036, 12, 16, 0, 30, tzinfo=OSLO),
            "Deadline in 1 day: Harbour sensors",
        ),
        # Across the spring clock change: 70.5 hours, three calendar days.
        (
            datetime(2036, 3, 28, 12, 0, tzinfo=OSLO),
            datetime(2036, 3, 31, 11, 30, tzinfo=OSLO),
            "Deadline in 3 days: Harbour sensors",
        ),
        (
            datetime(2036, 12, 15, 8, 0, tzinfo=OSLO),
            datetime(2036, 12, 15, 16, 0, tzinfo=OSLO),
            "Deadline today: Harbour sensors",
        ),
    ],
)
def test_reminders_count_calendar_days_in_oslo(
    now: datetime, deadline: datetime, subject: str
) -> None:
    assert reminder_subject(deadline, now) == subject
