"""Factories for opportunities and subscriptions (reusing the catalogue's)."""

from datetime import timedelta

import factory
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.utils import timezone

from pilots.models import Opportunity, Subscription
from tests.factories import GLOSHAUGEN, OrganizationFactory, UserFactory


def square(lon: float, lat: float, half_side_deg: float = 0.002) -> MultiPolygon:
    """A small square around (lon, lat), EPSG:4326."""
    d = half_side_deg
    ring = (
        (lon - d, lat - d),
        (lon + d, lat - d),
        (lon + d, lat + d),
        (lon - d, lat + d),
        (lon - d, lat - d),
    )
    return MultiPolygon(Polygon(ring), srid=4326)


class OpportunityFactory(factory.django.DjangoModelFactory[Opportunity]):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    title = factory.Sequence(lambda n: f"Call for pilots {n}")
    summary = "Pilot a new solution in the district."
    publisher = factory.SubFactory(OrganizationFactory)
    area = factory.LazyFunction(lambda: square(*GLOSHAUGEN))
    footprint = factory.LazyAttribute(lambda o: o.area)
    sectors = factory.LazyFunction(lambda: ["mobility"])
    sdgs = factory.LazyFunction(lambda: [11])
    trl_min = 5
    trl_max = 7
    call_type = Opportunity.CallType.OPEN_CALL
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    status = Opportunity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class SubscriptionFactory(factory.django.DjangoModelFactory[Subscription]):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Interest {n}")
    channel = Subscription.Channel.IN_APP
    frequency = Subscription.Frequency.INSTANT


def point_at(lon: float, lat: float) -> Point:
    return Point(lon, lat, srid=4326)
