# ruff: noqa: S608 - SQL text composed of this module's constants; values are parameters
"""The floor: a minimal WSGI app whose every answer is one SQL statement's result.

PostgreSQL builds the final body (json_agg/ST_AsGeoJSON, ST_AsMVT) with the
same properties as the registry's; Python only parses the query string and
passes the bytes on. Run it with `gunicorn bench.floor:application`, with
`DATABASE_URL` pointing at the benchmark's database.
"""

import os
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

import psycopg

# The registry's session settings (config/settings.py): no JIT, no parallel query.
OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0"

SITE_PROPERTIES = """json_build_object(
    'id', s.id, 'slug', s.slug, 'kind', s.kind, 'name', s.name,
    'name_no', s.name_no, 'status', s.status, 'access', s.access,
    'host', h.slug,
    'partners', ARRAY(SELECT o.slug FROM pilots_site_partners p
                      JOIN pilots_organization o ON o.id = p.organization_id
                      WHERE p.site_id = s.id ORDER BY o.slug),
    'zone', z.slug, 'sectors', s.sectors, 'sdgs', s.sdgs,
    'trl_min', s.trl_min, 'trl_max', s.trl_max, 'website', s.website,
    'updated_at', s.updated_at{extra})"""

SITE_JOINS = """FROM pilots_site s
    JOIN pilots_organization h ON h.id = s.host_id
    LEFT JOIN geo_zone z ON z.id = s.zone_id"""

# The page is chosen on the sites table alone (index scan, ORDER BY, LIMIT);
# only its rows are joined and rendered, in the page's order.
PAGE_JOINS = """JOIN pilots_organization h ON h.id = s.host_id
    LEFT JOIN geo_zone z ON z.id = s.zone_id"""


def _feature(extra: str = "") -> str:
    return (
        "json_build_object('type', 'Feature', 'id', s.slug, "
        "'geometry', ST_AsGeoJSON(s.location, 6)::json, "
        f"'properties', {SITE_PROPERTIES.format(extra=extra)})"
    )


def _features(page_sql: str, order: str, extra: str = "") -> str:
    """The JSON array text of the page's features."""
    return (
        f"coalesce(json_agg({_feature(extra)} ORDER BY {order})::text, '[]') "
        f"FROM ({page_sql}) s {PAGE_JOINS}"
    )


BBOX_SQL = (
    'SELECT convert_to(\'{"type":"FeatureCollection","features":\' || '
    + _features(
        "SELECT * FROM pilots_site "
        "WHERE location && ST_MakeEnvelope(%s, %s, %s, %s, 4326) "
        "ORDER BY name, id LIMIT %s",
        order="s.name, s.id",
    ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
)

# Nearest first by the geography index (KNN), exact geodesic distances.
NEAR_SQL = (
    'SELECT convert_to(\'{"type":"FeatureCollection","features":\' || '
    + _features(
        "SELECT site.*, ST_Distance(site.location::geography, here.g) AS distance_m, "
        "site.location::geography <-> here.g AS knn FROM pilots_site site "
        "CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography AS g)"
        " here WHERE ST_DWithin(site.location::geography, here.g, %s) "
        "ORDER BY site.location::geography <-> here.g, site.id LIMIT %s",
        order="s.knn, s.id",
        extra=", 'distance_m', s.distance_m",
    ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
)

TILE_SQL = f"""SELECT ST_AsMVT(t.*, 'sites', 4096, 'geom', 'mvt_id') FROM (
    SELECT s.id AS mvt_id,
           ST_AsMVTGeom(ST_Transform(s.location, 3857),
                        ST_TileEnvelope(%(z)s, %(x)s, %(y)s), 4096, 64, true) AS geom,
           s.id, s.slug, s.name, s.kind, s.status,
           array_to_string(s.sectors, ',') AS sectors, h.name AS host,
           '/api/v1/sites/' || s.slug || '/' AS detail_url
    {SITE_JOINS}
    WHERE s.location && ST_Transform(ST_TileEnvelope(%(z)s, %(x)s, %(y)s), 4326)
) t WHERE t.geom IS NOT NULL"""

# OGC API items: the page in (name, id) order plus numberMatched/numberReturned.
ITEMS_SQL = (
    'SELECT convert_to(\'{"type":"FeatureCollection","numberMatched":\' || '
    "(SELECT count(*) FROM pilots_site WHERE "
    "ST_Intersects(location, ST_MakeEnvelope(%(w)s, %(s)s, %(e)s, %(n)s, 4326)))"
    " || ',\"numberReturned\":' || count(*) || ',\"features\":' || "
    + _features(
        "SELECT * FROM pilots_site WHERE "
        "ST_Intersects(location, ST_MakeEnvelope(%(w)s, %(s)s, %(e)s, %(n)s, 4326)) "
        "ORDER BY name, id LIMIT %(limit)s",
        order="s.name, s.id",
    ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
)

_connection: psycopg.Connection | None = None


def _cursor() -> psycopg.Cursor:
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(
            os.environ["DATABASE_URL"],
            autocommit=True,
            options=OPTIONS,
            prepare_threshold=None,
        )
    return _connection.cursor()


def _numbers(query: dict[str, list[str]], name: str) -> list[float]:
    return [float(part) for part in query[name][0].split(",")]


def _one(sql: str, params: Any) -> bytes:
    with _cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return bytes(row[0]) if row and row[0] is not None else b""


def sites_geojson(query: dict[str, list[str]]) -> bytes:
    limit = int(query.get("limit", ["10000"])[0])
    return _one(BBOX_SQL, (*_numbers(query, "bbox"), limit))


def near_geojson(query: dict[str, list[str]]) -> bytes:
    lon, lat = _numbers(query, "near")
    radius = float(query["radius"][0])
    limit = int(query.get("limit", ["50"])[0])
    return _one(NEAR_SQL, (lon, lat, radius, limit))


def ogc_items(query: dict[str, list[str]]) -> bytes:
    limit = int(query.get("limit", ["10"])[0])
    west, south, east, north = _numbers(query, "bbox")
    return _one(
        ITEMS_SQL,
        {"w": west, "s": south, "e": east, "n": north, "limit": limit},
    )


TILE_PATH = re.compile(r"^/tiles/(\d+)/(\d+)/(\d+)\.mvt$")

Handler = Callable[[dict[str, list[str]]], bytes]
ROUTES: dict[str, tuple[Handler, str]] = {
    "/sites.geojson": (sites_geojson, "application/geo+json"),
    "/near.geojson": (near_geojson, "application/geo+json"),
    "/ogc/items": (ogc_items, "application/geo+json"),
}


def application(
    environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    path = environ.get("PATH_INFO", "")
    query = parse_qs(environ.get("QUERY_STRING", ""))
    tile = TILE_PATH.match(path)
    if tile:
        z, x, y = (int(part) for part in tile.groups())
        body = _one(TILE_SQL, {"z": z, "x": x, "y": y})
        content_type = "application/vnd.mapbox-vector-tile"
    elif path in ROUTES:
        handler, content_type = ROUTES[path]
        body = handler(query)
    else:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
    )
    return [body]
