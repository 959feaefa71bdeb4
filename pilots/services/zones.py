"""Set-based zone assignment: one UPDATE per table, the join done by PostGIS.

The rule is the one of geo.selectors.zone_containing: the zone that covers the
point (for pilots without one, a point on the surface of their area); on a shared
edge the lowest zone id wins. Rows whose zone is already right are not touched.
"""

from django.db import connection, transaction

SITES_SQL = """
UPDATE pilots_site AS row
SET zone_id = target.zone_id, updated_at = now()
FROM (
    SELECT s.id, (
        SELECT z.id FROM geo_zone AS z
        WHERE ST_Covers(z.area, s.location)
        ORDER BY z.id LIMIT 1
    ) AS zone_id
    FROM pilots_site AS s
) AS target
WHERE row.id = target.id AND row.zone_id IS DISTINCT FROM target.zone_id
"""

PILOTS_SQL = """
UPDATE pilots_pilotproject AS row
SET zone_id = target.zone_id, updated_at = now()
FROM (
    SELECT p.id, (
        SELECT z.id FROM geo_zone AS z
        WHERE ST_Covers(z.area, COALESCE(p.location, ST_PointOnSurface(p.area)))
        ORDER BY z.id LIMIT 1
    ) AS zone_id
    FROM pilots_pilotproject AS p
) AS target
WHERE row.id = target.id AND row.zone_id IS DISTINCT FROM target.zone_id
"""


@transaction.atomic
def zones_assign() -> dict[str, int]:
    """Give every site and pilot the zone that contains it; returns rows changed."""
    changed = {}
    with connection.cursor() as cursor:
        for name, sql in (("sites", SITES_SQL), ("pilots", PILOTS_SQL)):
            cursor.execute(sql)
            changed[name] = cursor.rowcount
    return changed
