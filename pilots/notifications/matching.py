"""Matching: one set-based statement turns a published opportunity into notifications.

Every criterion a subscription leaves empty matches anything; the ones it sets
must all hold (lists mean "any of"):
- sectors / SDGs: array overlap `&&`;
- zones: the zones the opportunity's footprint intersects, `&&`;
- organisations: the publisher's id in the subscription's list;
- area: `ST_Intersects` on geography; point + radius: `ST_DWithin` on geography
  (metres on the Earth);
- TRL: range overlap of `int4range(min, max, '[]')` (a NULL bound is open);
- keywords: English or Norwegian web-search query against the opportunity's text.
A person hears once per opportunity and channel however many of their
subscriptions match (issue 13): the matches are grouped by (person, channel)
into one notification that lists the matching subscriptions; it goes through
the first of them (an instant one before a digest, then the oldest). The
unique (user, opportunity, kind, channel) constraint with ON CONFLICT DO
NOTHING makes running it twice notify no one twice.

The candidates come in four disjoint branches by the kind of place a
subscription names (an area, a point and radius, zones, nothing), each read
through its own partial index (migration 0007), so a new opportunity does not
visit every subscription's geometry; every criterion above then applies to
the candidates of all branches alike, exactly as if each row were tested.
"""

from django.db import connection

MATCHED_SQL = """
WITH o AS MATERIALIZED (  -- computed once, not per subscription
    SELECT
        opp.id,
        opp.publisher_id,
        opp.sectors,
        opp.sdgs,
        int4range(opp.trl_min, opp.trl_max, '[]') AS trl,
        opp.footprint::geography AS footprint,
        ARRAY(
            SELECT z.id FROM geo_zone z
            WHERE opp.footprint IS NOT NULL AND ST_Intersects(z.area, opp.footprint)
        )::integer[] AS zone_ids,
        to_tsvector('english',
            concat_ws(' ', opp.title, opp.summary, opp.description))
        || to_tsvector('norwegian',
            concat_ws(' ', opp.title_no, opp.summary_no, opp.description_no)
        ) AS document
    FROM pilots_opportunity opp
    WHERE opp.id = %(opportunity_id)s __PUBLIC__
),
candidates AS (
    -- an area: the GiST index of the area's geography
    SELECT s.* FROM o JOIN pilots_subscription s
        ON s.area::geography && o.footprint
    WHERE s.is_active AND s.unsubscribed_at IS NULL AND s.area IS NOT NULL
    UNION ALL
    -- a point and a radius: the GiST index of the point's reach
    SELECT s.* FROM o JOIN pilots_subscription s
        ON _ST_Expand(s.point::geography, s.radius_m::float8) && o.footprint
    WHERE s.is_active AND s.unsubscribed_at IS NULL
      AND s.area IS NULL AND s.point IS NOT NULL
    UNION ALL
    -- zones and no geometry: the GIN index of the zone ids
    SELECT s.* FROM o JOIN pilots_subscription s ON s.zone_ids && o.zone_ids
    WHERE s.is_active AND s.unsubscribed_at IS NULL
      AND s.area IS NULL AND s.point IS NULL
    UNION ALL
    -- no place at all: the sector, SDG, TRL, ... criteria below decide
    SELECT s.* FROM o CROSS JOIN pilots_subscription s
    WHERE s.is_active AND s.unsubscribed_at IS NULL
      AND s.area IS NULL AND s.point IS NULL AND cardinality(s.zone_ids) = 0
),
matched AS MATERIALIZED (  -- every criterion, on the candidates only
    SELECT s.id, s.user_id, s.channel, s.frequency
    FROM candidates s
    CROSS JOIN o
    WHERE (cardinality(s.sectors) = 0 OR s.sectors && o.sectors)
      AND (cardinality(s.sdgs) = 0 OR s.sdgs && o.sdgs)
      AND (cardinality(s.zone_ids) = 0 OR s.zone_ids && o.zone_ids)
      AND (cardinality(s.organization_ids) = 0
           OR o.publisher_id = ANY(s.organization_ids))
      AND (s.trl_min IS NULL AND s.trl_max IS NULL
           OR int4range(s.trl_min, s.trl_max, '[]') && o.trl)
      AND (s.area IS NULL
           OR (o.footprint IS NOT NULL
               AND ST_Intersects(s.area::geography, o.footprint)))
      AND (s.point IS NULL
           OR (o.footprint IS NOT NULL
               AND ST_DWithin(s.point::geography, o.footprint, s.radius_m)))
      AND (s.keywords = ''
           OR o.document @@ (websearch_to_tsquery('english', s.keywords)
                             || websearch_to_tsquery('norwegian', s.keywords)))
),
people AS (  -- one row per person and channel
    SELECT m.user_id, m.channel,
        array_agg(m.id ORDER BY m.frequency <> 'instant', m.id) AS subscription_ids
    FROM matched m
    -- a primary-key probe per match, after every criterion: a join here let the
    -- planner, misled by the selectivity of the criteria, scan users once per
    -- match
    WHERE (SELECT u.is_active FROM auth_user u WHERE u.id = m.user_id)
    GROUP BY m.user_id, m.channel
)
"""

MATCH_SQL = (
    MATCHED_SQL.replace(
        "__PUBLIC__", "AND opp.status = 'published' AND opp.unpublished_at IS NULL"
    )
    + """
INSERT INTO pilots_notification
    (subscription_id, opportunity_id, user_id, kind, channel,
     matched_subscription_ids, created_at, delivery_id, read_at)
SELECT p.subscription_ids[1], o.id, p.user_id, 'match', p.channel,
    p.subscription_ids, now(), NULL, NULL
FROM people p
CROSS JOIN o
ON CONFLICT (user_id, opportunity_id, kind, channel) DO NOTHING
"""
)

# The people publishing would notify, before it is published (the daily cap).
RECIPIENTS_SQL = (
    MATCHED_SQL.replace("__PUBLIC__", "")
    + """
SELECT count(DISTINCT user_id) FROM people
"""
)


def match_subscriptions(*, opportunity_id: int) -> int:
    """Create the notifications a published opportunity owes; the number created."""
    with connection.cursor() as cursor:
        cursor.execute(MATCH_SQL, {"opportunity_id": opportunity_id})
        return cursor.rowcount


def matching_recipients(*, opportunity_id: int) -> int:
    """How many people publishing this opportunity would notify now."""
    with connection.cursor() as cursor:
        cursor.execute(RECIPIENTS_SQL, {"opportunity_id": opportunity_id})
        row = cursor.fetchone()
    return int(row[0]) if row else 0
