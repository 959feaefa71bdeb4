"""One person hears once per opportunity and channel, however many of their
subscriptions match; the notification lists which did (issue 13)."""

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIClient

from pilots.models import Delivery, Notification, Subscription
from pilots.notifications.deliveries import deliveries_create
from pilots.notifications.matching import match_subscriptions
from tests.factories import UserFactory

from .factories import OpportunityFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_several_matching_subscriptions_make_one_notification_per_channel() -> None:
    person = UserFactory.create()
    by_sector = SubscriptionFactory.create(user=person, sectors=["mobility"])
    by_sdg = SubscriptionFactory.create(user=person, sdgs=[11])
    by_email = SubscriptionFactory.create(
        user=person, channel=Subscription.Channel.EMAIL, sectors=["mobility"]
    )
    by_email_too = SubscriptionFactory.create(
        user=person, channel=Subscription.Channel.EMAIL
    )
    someone_else = SubscriptionFactory.create(sectors=["mobility"])
    opportunity = OpportunityFactory.create()

    created = match_subscriptions(opportunity_id=opportunity.pk)
    again = match_subscriptions(opportunity_id=opportunity.pk)

    assert (created, again) == (3, 0)
    rows = {
        (n.user_id, n.channel): n
        for n in Notification.objects.filter(opportunity=opportunity)
    }
    assert set(rows) == {
        (person.pk, "in_app"),
        (person.pk, "email"),
        (someone_else.user_id, "in_app"),
    }
    assert rows[person.pk, "in_app"].matched_subscription_ids == [
        by_sector.pk,
        by_sdg.pk,
    ]
    assert rows[person.pk, "email"].matched_subscription_ids == [
        by_email.pk,
        by_email_too.pk,
    ]
    assert rows[person.pk, "email"].subscription_id == by_email.pk


def test_one_email_goes_out_however_many_subscriptions_match() -> None:
    person = UserFactory.create()
    for sectors in (["mobility"], []):
        SubscriptionFactory.create(
            user=person, channel=Subscription.Channel.EMAIL, sectors=sectors
        )
    opportunity = OpportunityFactory.create()
    match_subscriptions(opportunity_id=opportunity.pk)

    deliveries = deliveries_create(kind="match", opportunity_id=opportunity.pk)

    assert len(deliveries) == 1
    assert Delivery.objects.get().subscription.user_id == person.pk  # type: ignore[union-attr]


def test_an_instant_subscription_carries_it_before_a_digest() -> None:
    person = UserFactory.create()
    SubscriptionFactory.create(
        user=person,
        channel=Subscription.Channel.EMAIL,
        frequency=Subscription.Frequency.DAILY,
    )
    instant = SubscriptionFactory.create(
        user=person, channel=Subscription.Channel.EMAIL
    )
    opportunity = OpportunityFactory.create()

    match_subscriptions(opportunity_id=opportunity.pk)

    assert Notification.objects.get().subscription_id == instant.pk


def test_the_database_refuses_a_second_notification_per_person_and_channel() -> None:
    person = UserFactory.create()
    first, second = (SubscriptionFactory.create(user=person) for _ in range(2))
    opportunity = OpportunityFactory.create()
    Notification.objects.create(
        subscription=first, opportunity=opportunity, user=person, channel="in_app"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            subscription=second, opportunity=opportunity, user=person, channel="in_app"
        )


def test_the_inbox_lists_the_matching_subscriptions(api_client: APIClient) -> None:
    person = UserFactory.create()
    ids = [SubscriptionFactory.create(user=person).pk for _ in range(2)]
    opportunity = OpportunityFactory.create()
    match_subscriptions(opportunity_id=opportunity.pk)
    api_client.force_authenticate(person)

    [row] = api_client.get("/api/v1/notifications/").json()["results"]

    assert row["opportunity"] == opportunity.slug
    assert row["matched_subscriptions"] == ids
    assert row["channel"] == "in_app"
