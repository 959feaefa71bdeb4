"""Opportunity emails speak the subscriber's language (the account's language,
chosen at sign-up from Accept-Language): Norwegian Bokmål or English."""

from typing import Any

import pytest
from django.core import mail

from pilots.models import AccountProfile, Opportunity
from pilots.notifications.deliveries import deliveries_create, delivery_attempt
from pilots.notifications.matching import match_subscriptions
from pilots.services.subscriptions import subscription_create
from tests.factories import UserFactory

from .factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def subscriber(language: str | None) -> Any:
    user = UserFactory.create(email=f"{language}@example.org")
    if language is not None:
        AccountProfile.objects.create(user=user, language=language)
    subscription_create(actor=user, channel="email", name="Mobilitet")
    return user


def sent_to(address: str) -> mail.EmailMessage:
    [message] = [m for m in mail.outbox if address in m.to]
    return message


def deliver(opportunity: Opportunity) -> None:
    match_subscriptions(opportunity_id=opportunity.pk)
    for delivery_id in deliveries_create(kind="match", opportunity_id=opportunity.pk):
        assert delivery_attempt(delivery_id=delivery_id) == "delivered"


def test_a_norwegian_subscriber_reads_bokmal_with_the_norwegian_title() -> None:
    subscriber("nb")
    opportunity = OpportunityFactory.create(
        title="Street sensors",
        title_no="Gatesensorer",
        summary="Sensors in the street.",
        summary_no="Sensorer i gata.",
        is_example=True,
    )

    deliver(opportunity)

    message = sent_to("nb@example.org")
    html = message.alternatives[0][0]  # type: ignore[attr-defined]
    assert message.subject == "Ny mulighet: Gatesensorer"
    assert "En ny mulighet passer til «Mobilitet»:" in message.body
    assert "Sensorer i gata." in message.body
    assert "eksempel, ikke en ekte utlysning" in message.body
    assert "Frist: " in message.body
    assert "Avslutt abonnementet med ett klikk:" in message.body
    assert '<html lang="nb">' in html
    assert "Gatesensorer</a>" in html
    assert "Avslutt abonnementet</a> med ett klikk." in html


@pytest.mark.parametrize("language", ["en", None])
def test_english_subscribers_and_accounts_without_a_profile_read_english(
    language: str | None,
) -> None:
    subscriber(language)
    opportunity = OpportunityFactory.create(
        title="Street sensors", title_no="Gatesensorer"
    )

    deliver(opportunity)

    message = sent_to(f"{language}@example.org")
    assert message.subject == "New opportunity: Street sensors"
    assert 'A new opportunity matches "Mobilitet":' in message.body
    assert "Unsubscribe with one click:" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]  # type: ignore[attr-defined]
