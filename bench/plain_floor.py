"""The plain floor's table (issue 17): one row per site holding exactly the
answer's columns, rebuilt from the benchmark's sites before each size is
measured; bench.floor asks it the same statements under /plain/."""

from .data import connect

# The plain floor's table (bench.floor.PLAIN): one row per site with exactly
# the answer's columns, filled from the same rows, with the registry's indexes
# for these queries (bbox, geography KNN, name order).
PLAIN_FLOOR_SQL = """
DROP TABLE IF EXISTS bench_plain_site;
CREATE TABLE bench_plain_site AS
SELECT s.id, s.slug, s.kind, s.name, s.name_no, s.status, s.access,
       h.slug AS host, h.name AS host_name,
       ARRAY(SELECT o.slug FROM pilots_site_partners p
             JOIN pilots_organization o ON o.id = p.organization_id
             WHERE p.site_id = s.id ORDER BY o.slug) AS partners,
       z.slug AS zone, s.sectors, s.sdgs, s.trl_min, s.trl_max, s.website,
       s.updated_at, s.location
FROM pilots_site s
JOIN pilots_organization h ON h.id = s.host_id
LEFT JOIN geo_zone z ON z.id = s.zone_id;
ALTER TABLE bench_plain_site ADD PRIMARY KEY (id);
CREATE INDEX bench_plain_site_location ON bench_plain_site USING gist (location);
CREATE INDEX bench_plain_site_geography
    ON bench_plain_site USING gist ((location::geography));
CREATE INDEX bench_plain_site_name_id ON bench_plain_site (name, id);
"""


def load_plain_floor(url: str) -> None:
    """(Re)build the plain floor's table from the sites as they are now."""
    with connect(url) as conn:
        conn.execute(PLAIN_FLOOR_SQL)
        conn.execute("VACUUM ANALYZE bench_plain_site")
