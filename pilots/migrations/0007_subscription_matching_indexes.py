"""Indexes for matching (pilots.notifications.matching), one per kind of place.

Matching reads active subscriptions in four disjoint branches; each has a
partial index that holds exactly its rows:
- an area: GiST over the area's geography (ST_Intersects in metres);
- a point and a radius: GiST over the point's reach, `_ST_Expand` of its
  geography by the radius (the box PostGIS itself uses to index ST_DWithin,
  here with each row's own radius);
- zones only: GIN over the zone ids (`&&`);
- no place at all: a btree that lists them, so the branch reads only its rows.
"""

from django.db import migrations

ACTIVE = "is_active AND unsubscribed_at IS NULL"

FORWARD = [
    "CREATE INDEX subscription_area_geog_gist ON pilots_subscription "
    f"USING gist ((area::geography)) WHERE {ACTIVE} AND area IS NOT NULL",
    "CREATE INDEX subscription_reach_gist ON pilots_subscription USING gist "
    "((_ST_Expand(point::geography, radius_m::double precision))) "
    f"WHERE {ACTIVE} AND area IS NULL AND point IS NOT NULL",
    "CREATE INDEX subscription_zones_gin ON pilots_subscription USING gin "
    f"(zone_ids) WHERE {ACTIVE} AND area IS NULL AND point IS NULL",
    "CREATE INDEX subscription_placeless ON pilots_subscription (id) "
    f"WHERE {ACTIVE} AND area IS NULL AND point IS NULL "
    "AND cardinality(zone_ids) = 0",
]
BACKWARD = [
    "DROP INDEX IF EXISTS subscription_area_geog_gist",
    "DROP INDEX IF EXISTS subscription_reach_gist",
    "DROP INDEX IF EXISTS subscription_zones_gin",
    "DROP INDEX IF EXISTS subscription_placeless",
]


class Migration(migrations.Migration):
    dependencies = [("pilots", "0006_unpublish_and_opportunity_history")]

    operations = [
        migrations.RunSQL(sql=forward, reverse_sql=backward)
        for forward, backward in zip(FORWARD, BACKWARD, strict=True)
    ]
