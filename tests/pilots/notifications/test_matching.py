"""match_subscriptions: one statement, every criterion, never twice."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geo.models import Zone
from pilots.models import Notification, Opportunity, Subscription
from pilots.notifications.matching import match_subscriptions
from tests.factories import GLOSHAUGEN, OrganizationFactory, UserFactory

from .factories import OpportunityFactory, SubscriptionFactory, point_at, square

pytestmark = pytest.mark.django_db

# About 1.1 km north-east of Gløshaugen: outside a 500 m radius, inside 2 km.
NEARBY = (GLOSHAUGEN[0] + 0.012, GLOSHAUGEN[1] + 0.006)


def matched(opportunity: Opportunity) -> set[int]:
    match_subscriptions(opportunity_id=opportunity.pk)
    return set(
        Notification.objects.filter(opportunity=opportunity).values_list(
            "subscription_id", flat=True
        )
    )


def test_empty_criteria_match_everything_once() -> None:
    subscription = SubscriptionFactory.create()
    opportunity = OpportunityFactory.create()

    assert match_subscriptions(opportunity_id=opportunity.pk) == 1
    assert match_subscriptions(opportunity_id=opportunity.pk) == 0
    assert Notification.objects.get().subscription == subscription


def test_matching_is_one_statement() -> None:
    SubscriptionFactory.create_batch(5)
    opportunity = OpportunityFactory.create()

    with CaptureQueriesContext(connection) as queries:
        created = match_subscriptions(opportunity_id=opportunity.pk)

    assert created == 5
    assert len(queries.captured_queries) == 1
    assert queries.captured_queries[0]["sql"].lstrip().startswith("WITH")


def test_draft_opportunities_match_no_one() -> None:
    SubscriptionFactory.create()
    draft = OpportunityFactory.create(status=Opportunity.Status.DRAFT)

    assert match_subscriptions(opportunity_id=draft.pk) == 0


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"sectors": ["mobility", "energy"]}, True),
        ({"sectors": ["health"]}, False),
        ({"sdgs": [3, 11]}, True),
        ({"sdgs": [3]}, False),
        ({"trl_min": 7, "trl_max": 9}, True),
        ({"trl_min": 8, "trl_max": 9}, False),
        ({"trl_max": 4}, False),
        ({"trl_min": 1}, True),
        ({"keywords": "pilot solution"}, True),
        ({"keywords": "ferry"}, False),
        ({"keywords": "løsning"}, True),
        ({"is_active": False}, False),
    ],
)
def test_each_criterion(criteria: dict[str, object], expected: bool) -> None:
    subscription = SubscriptionFactory.create(**criteria)
    opportunity = OpportunityFactory.create(summary_no="Test en ny løsning.")

    assert (subscription.pk in matched(opportunity)) is expected


@pytest.mark.parametrize(
    ("make_criteria", "expected"),
    [
        (lambda: {"area": square(*GLOSHAUGEN, 0.0005)}, True),
        (lambda: {"area": square(*NEARBY, 0.0005)}, False),
        (lambda: {"point": point_at(*NEARBY), "radius_m": 2_000}, True),
        (lambda: {"point": point_at(*NEARBY), "radius_m": 500}, False),
    ],
)
def test_spatial_criteria_in_metres(
    make_criteria: Callable[[], dict[str, object]], expected: bool
) -> None:
    subscription = SubscriptionFactory.create(**make_criteria())
    opportunity = OpportunityFactory.create()

    assert (subscription.pk in matched(opportunity)) is expected


def test_zone_criterion(zones: int) -> None:
    gloshaugen = Zone.objects.get(slug="gloshaugen")
    other = Zone.objects.exclude(pk=gloshaugen.pk).first()
    assert other is not None
    inside = SubscriptionFactory.create(zone_ids=[gloshaugen.pk])
    outside = SubscriptionFactory.create(zone_ids=[other.pk])
    opportunity = OpportunityFactory.create()

    assert matched(opportunity) == {inside.pk}
    assert outside.pk not in matched(opportunity)


def test_organisation_criterion() -> None:
    publisher = OrganizationFactory.create()
    follows = SubscriptionFactory.create(organization_ids=[publisher.pk])
    other = SubscriptionFactory.create(
        organization_ids=[OrganizationFactory.create().pk]
    )
    opportunity = OpportunityFactory.create(publisher=publisher)

    assert matched(opportunity) == {follows.pk}
    assert other.pk not in matched(opportunity)


def test_unsubscribed_and_inactive_users_are_skipped() -> None:
    from django.utils import timezone

    SubscriptionFactory.create(unsubscribed_at=timezone.now(), is_active=False)
    SubscriptionFactory.create(user=UserFactory.create(is_active=False))
    opportunity = OpportunityFactory.create()

    assert matched(opportunity) == set()
    assert Subscription.objects.count() == 2
