"""Matching reads candidates through one index per kind of place, and finds
exactly the subscriptions that testing every row against every criterion finds."""

import random

import pytest
from django.db import connection
from django.utils import timezone

from geo.models import Zone
from pilots.models import Notification, Opportunity, Subscription
from pilots.notifications.matching import MATCH_SQL, match_subscriptions
from tests.factories import GLOSHAUGEN, OrganizationFactory, UserFactory

from .factories import OpportunityFactory, point_at, square

pytestmark = pytest.mark.django_db

# Every active subscription tested against every criterion, row by row: the
# statement matching used before it was split into indexed branches.
REFERENCE_SQL = """
WITH o AS (
    SELECT opp.id, opp.publisher_id, opp.sectors, opp.sdgs,
        int4range(opp.trl_min, opp.trl_max, '[]') AS trl,
        opp.footprint::geography AS footprint,
        ARRAY(SELECT z.id FROM geo_zone z WHERE opp.footprint IS NOT NULL
              AND ST_Intersects(z.area, opp.footprint))::integer[] AS zone_ids,
        to_tsvector('english', concat_ws(' ', opp.title, opp.summary,
                                         opp.description))
        || to_tsvector('norwegian', concat_ws(' ', opp.title_no, opp.summary_no,
                                              opp.description_no)) AS document
    FROM pilots_opportunity opp
    WHERE opp.id = %(opportunity_id)s AND opp.status = 'published'
)
SELECT s.id FROM pilots_subscription s CROSS JOIN o
JOIN auth_user u ON u.id = s.user_id AND u.is_active
WHERE s.is_active AND s.unsubscribed_at IS NULL
  AND (cardinality(s.sectors) = 0 OR s.sectors && o.sectors)
  AND (cardinality(s.sdgs) = 0 OR s.sdgs && o.sdgs)
  AND (cardinality(s.zone_ids) = 0 OR s.zone_ids && o.zone_ids)
  AND (cardinality(s.organization_ids) = 0
       OR o.publisher_id = ANY(s.organization_ids))
  AND (s.trl_min IS NULL AND s.trl_max IS NULL
       OR int4range(s.trl_min, s.trl_max, '[]') && o.trl)
  AND (s.area IS NULL OR (o.footprint IS NOT NULL
                          AND ST_Intersects(s.area::geography, o.footprint)))
  AND (s.point IS NULL OR (o.footprint IS NOT NULL
                           AND ST_DWithin(s.point::geography, o.footprint,
                                          s.radius_m)))
  AND (s.keywords = '' OR o.document @@ (
       websearch_to_tsquery('english', s.keywords)
       || websearch_to_tsquery('norwegian', s.keywords)))
"""


def reference(opportunity: Opportunity) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(REFERENCE_SQL, {"opportunity_id": opportunity.pk})
        return {row[0] for row in cursor.fetchall()}


def matched(opportunity: Opportunity) -> set[int]:
    """Every subscription the notifications list as matched (one notification
    per person and channel lists all of theirs)."""
    match_subscriptions(opportunity_id=opportunity.pk)
    listed = Notification.objects.filter(opportunity=opportunity).values_list(
        "matched_subscription_ids", flat=True
    )
    return {subscription_id for ids in listed for subscription_id in ids}


def mixed_subscriptions(count: int, zone_ids: list[int], org_ids: list[int]) -> None:
    """Areas, points with radii, zones, nothing; random other criteria; some
    paused, unsubscribed or of inactive users (deterministic)."""
    rng = random.Random(20261129)
    users = [UserFactory.create() for _ in range(8)]
    users.append(UserFactory.create(is_active=False))
    lon0, lat0 = GLOSHAUGEN
    rows = []
    for number in range(count):
        kind = rng.random()
        lon = lon0 + rng.uniform(-0.05, 0.05)
        lat = lat0 + rng.uniform(-0.025, 0.025)
        fields: dict[str, object] = {}
        zones_named: list[int] = []
        if kind < 0.3:
            fields["area"] = square(lon, lat, rng.uniform(0.0005, 0.01))
        elif kind < 0.6:
            fields["point"] = point_at(lon, lat)
            fields["radius_m"] = rng.choice((50, 250, 1_000, 2_500, 5_000))
        elif kind < 0.75:
            zones_named = rng.sample(zone_ids, rng.randint(1, 2))
        if rng.random() < 0.3:  # zones together with a place, too
            zones_named = sorted({*zones_named, rng.choice(zone_ids)})
        trl_min = rng.choice((None, 1, 4, 6, 8))
        rows.append(
            Subscription(
                user=rng.choice(users),
                name=f"Mixed {number}",
                sectors=rng.sample(["mobility", "energy", "health"], rng.randint(0, 2)),
                sdgs=rng.sample([3, 7, 11], rng.randint(0, 2)),
                organization_ids=rng.sample(org_ids, 1) if rng.random() < 0.1 else [],
                trl_min=trl_min,
                trl_max=None if trl_min is None else rng.choice((trl_min, 9)),
                keywords=rng.choice(("", "", "", "pilot", "ferry", "løsning")),
                is_active=rng.random() < 0.9,
                unsubscribed_at=timezone.now() if rng.random() < 0.05 else None,
                zone_ids=zones_named,
                **fields,
            )
        )
    Subscription.objects.bulk_create(rows)


def test_branches_find_what_testing_every_row_finds(zones: int) -> None:
    zone_ids = list(Zone.objects.values_list("id", flat=True))
    publishers = [OrganizationFactory.create() for _ in range(2)]
    mixed_subscriptions(400, zone_ids, [p.pk for p in publishers])
    opportunities = [
        OpportunityFactory.create(publisher=publishers[0], summary_no="En løsning."),
        OpportunityFactory.create(
            publisher=publishers[1],
            area=square(GLOSHAUGEN[0] + 0.03, GLOSHAUGEN[1], 0.01),
            footprint=square(GLOSHAUGEN[0] + 0.03, GLOSHAUGEN[1], 0.01),
            sectors=["energy", "health"],
            sdgs=[7],
            trl_min=1,
            trl_max=3,
        ),
        OpportunityFactory.create(area=None, footprint=None, sectors=[], sdgs=[]),
    ]

    for opportunity in opportunities:
        expected = reference(opportunity)
        assert matched(opportunity) == expected
    # The data exercises every branch, matching and not.
    assert 20 < len(reference(opportunities[0])) < 380


def test_matching_reads_each_kind_of_place_through_its_index(zones: int) -> None:
    zone_ids = list(Zone.objects.values_list("id", flat=True))
    mixed_subscriptions(400, zone_ids, [OrganizationFactory.create().pk])
    opportunity = OpportunityFactory.create()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE pilots_subscription")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + MATCH_SQL, {"opportunity_id": opportunity.pk})
        plan = "\n".join(row[0] for row in cursor.fetchall())

    for index in (
        "subscription_area_geog_gist",
        "subscription_reach_gist",
        "subscription_zones_gin",
        "subscription_placeless",
    ):
        assert index in plan
