"""An email that cannot be built (a CR/LF in the title that becomes its subject,
an address with a line break) is dead at once with its reason: no retry can
mend it, and it no longer stays pending at attempt 0 for the sweeper forever."""

from typing import Any

import pytest
from django.core import mail

from pilots.models import Delivery, Opportunity
from pilots.notifications.deliveries import (
    deliveries_create,
    deliveries_due,
    delivery_attempt,
)
from pilots.notifications.matching import match_subscriptions
from pilots.services.subscriptions import subscription_create
from tests.factories import UserFactory

from .factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def email_delivery(opportunity: Opportunity, user: Any = None) -> Delivery:
    user = user or UserFactory.create()
    subscription_create(actor=user, channel="email", name="Everything")
    match_subscriptions(opportunity_id=opportunity.pk)
    [delivery_id] = deliveries_create(kind="match", opportunity_id=opportunity.pk)
    return Delivery.objects.get(pk=delivery_id)


def test_a_title_with_a_line_break_makes_the_delivery_dead_with_its_reason():
    opportunity = OpportunityFactory.create()
    # A row stored before titles were checked (update() skips validation).
    Opportunity.objects.filter(pk=opportunity.pk).update(
        title="Smart lighting\r\nBcc: everyone@example.org"
    )
    delivery = email_delivery(opportunity)

    status = delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()

    assert status == "dead"
    assert delivery.attempts == 1
    assert "header" in delivery.last_error.lower()
    assert str(delivery.pk) not in deliveries_due()
    assert mail.outbox == []


def test_an_address_with_a_line_break_makes_the_delivery_dead_too():
    opportunity = OpportunityFactory.create()
    user = UserFactory.create()
    type(user).objects.filter(pk=user.pk).update(
        email="someone@example.org\nBcc: everyone@example.org"
    )
    user.refresh_from_db()
    delivery = email_delivery(opportunity, user)

    status = delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()

    assert status == "dead"
    assert delivery.last_error
    assert mail.outbox == []


def test_a_clean_title_is_still_delivered():
    delivery = email_delivery(OpportunityFactory.create(title="Street sensors"))

    assert delivery_attempt(delivery_id=delivery.pk) == "delivered"
    assert len(mail.outbox) == 1
