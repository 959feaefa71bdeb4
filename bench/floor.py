# ruff: noqa: S608 - SQL text composed of this module's constants; values are parameters
"""The floor: a minimal WSGI app whose every answer is one SQL statement's result.

PostgreSQL builds the final body (json_agg/ST_AsGeoJSON, ST_AsMVT) with the
same properties as the registry's; Python only parses the query string and
passes the bytes on. Run it with `gunicorn bench.floor:application`, with
`DATABASE_URL` pointing at the benchmark's database.

Two floors: the first joins the host and the zone and reads the partners per
feature, as the registry did; the plain one (paths under /plain/) asks the
same statements of `bench_plain_site` (bench.plain_floor.load_plain_floor), one row
per site holding exactly the answer's columns.
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


# The plain floor: the same answer from one table's own columns.
PLAIN_TABLE = "bench_plain_site"
PLAIN_PROPERTIES = """json_build_object(
    'id', s.id, 'slug', s.slug, 'kind', s.kind, 'name', s.name,
    'name_no', s.name_no, 'status', s.status, 'access', s.access,
    'host', s.host, 'partners', s.partners,
    'zone', s.zone, 'sectors', s.sectors, 'sdgs', s.sdgs,
    'trl_min', s.trl_min, 'trl_max', s.trl_max, 'website', s.website,
    'updated_at', s.updated_at{extra})"""


ENVELOPE = "ST_MakeEnvelope(%(w)s, %(s)s, %(e)s, %(n)s, 4326)"


class Floor:
    """The statements of one floor: its table, properties and joins."""

    def __init__(self, table: str, properties: str, page_joins: str) -> None:
        self.table, self.properties, self.page_joins = table, properties, page_joins

    def feature(self, extra: str = "") -> str:
        return (
            "json_build_object('type', 'Feature', 'id', s.slug, "
            "'geometry', ST_AsGeoJSON(s.location, 6)::json, "
            f"'properties', {self.properties.format(extra=extra)})"
        )

    def features(self, page_sql: str, order: str, extra: str = "") -> str:
        """The JSON array text of the page's features."""
        return (
            f"coalesce(json_agg({self.feature(extra)} ORDER BY {order})::text, '[]') "
            f"FROM ({page_sql}) s {self.page_joins}"
        )

    def bbox_sql(self) -> str:
        return 'SELECT convert_to(\'{"type":"FeatureCollection","features":\' || ' + (
            self.features(
                # `&&` for the index, then the exact test (as the registry:
                # `&&` alone lets in points a few millionths outside)
                f"SELECT * FROM {self.table} WHERE location && {ENVELOPE} "
                f"AND ST_Intersects(location, {ENVELOPE}) "
                "ORDER BY name, id LIMIT %(limit)s",
                order="s.name, s.id",
            ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
        )

    def near_sql(self) -> str:
        """Nearest first by the geography index (KNN), exact geodesic distances."""
        return 'SELECT convert_to(\'{"type":"FeatureCollection","features":\' || ' + (
            self.features(
                "SELECT site.*, ST_Distance(site.location::geography, here.g) "
                "AS distance_m, site.location::geography <-> here.g AS knn "
                f"FROM {self.table} site CROSS JOIN (SELECT "
                "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography AS g) here "
                "WHERE ST_DWithin(site.location::geography, here.g, %s) "
                "ORDER BY site.location::geography <-> here.g, site.id LIMIT %s",
                order="s.knn, s.id",
                extra=", 'distance_m', s.distance_m",
            ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
        )

    def items_sql(self) -> str:
        """OGC API items: the page in (name, id) order plus the counts."""
        return (
            'SELECT convert_to(\'{"type":"FeatureCollection","numberMatched":\' || '
            f"(SELECT count(*) FROM {self.table} WHERE "
            "ST_Intersects(location, "
            "ST_MakeEnvelope(%(w)s, %(s)s, %(e)s, %(n)s, 4326)))"
            " || ',\"numberReturned\":' || count(*) || ',\"features\":' || "
            + self.features(
                f"SELECT * FROM {self.table} WHERE "
                "ST_Intersects(location, ST_MakeEnvelope(%(w)s, %(s)s, %(e)s, %(n)s, "
                "4326)) ORDER BY name, id LIMIT %(limit)s",
                order="s.name, s.id",
            ).replace(" FROM (", " || '}', 'UTF8') FROM (", 1)
        )


JOINED = Floor("pilots_site", SITE_PROPERTIES, PAGE_JOINS)
PLAIN = Floor(PLAIN_TABLE, PLAIN_PROPERTIES, "")

BBOX_SQL = JOINED.bbox_sql()
NEAR_SQL = JOINED.near_sql()
ITEMS_SQL = JOINED.items_sql()
PLAIN_BBOX_SQL = PLAIN.bbox_sql()
PLAIN_NEAR_SQL = PLAIN.near_sql()
PLAIN_ITEMS_SQL = PLAIN.items_sql()

_TILE_SQL = """SELECT ST_AsMVT(t.*, 'sites', 4096, 'geom', 'mvt_id') FROM (
    SELECT s.id AS mvt_id,
           ST_AsMVTGeom(ST_Transform(s.location, 3857),
                        ST_TileEnvelope(%(z)s, %(x)s, %(y)s), 4096, 64, true) AS geom,
           s.id, s.slug, s.name, s.kind, s.status,
           array_to_string(s.sectors, ',') AS sectors, {host} AS host,
           '/api/v1/sites/' || s.slug || '/' AS detail_url
    {rows}
    WHERE s.location && ST_Transform(ST_TileEnvelope(%(z)s, %(x)s, %(y)s), 4326)
) t WHERE t.geom IS NOT NULL"""
TILE_SQL = _TILE_SQL.format(host="h.name", rows=SITE_JOINS)
PLAIN_TILE_SQL = _TILE_SQL.format(host="s.host_name", rows=f"FROM {PLAIN_TABLE} s")

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


def _bbox_params(query: dict[str, list[str]]) -> dict[str, Any]:
    limit = int(query.get("limit", ["10000"])[0])
    west, south, east, north = _numbers(query, "bbox")
    return {"w": west, "s": south, "e": east, "n": north, "limit": limit}


def _near_params(query: dict[str, list[str]]) -> tuple[Any, ...]:
    lon, lat = _numbers(query, "near")
    radius = float(query["radius"][0])
    limit = int(query.get("limit", ["50"])[0])
    return (lon, lat, radius, limit)


def _items_params(query: dict[str, list[str]]) -> dict[str, Any]:
    limit = int(query.get("limit", ["10"])[0])
    west, south, east, north = _numbers(query, "bbox")
    return {"w": west, "s": south, "e": east, "n": north, "limit": limit}


def sites_geojson(query: dict[str, list[str]]) -> bytes:
    return _one(BBOX_SQL, _bbox_params(query))


def near_geojson(query: dict[str, list[str]]) -> bytes:
    return _one(NEAR_SQL, _near_params(query))


def ogc_items(query: dict[str, list[str]]) -> bytes:
    return _one(ITEMS_SQL, _items_params(query))


def plain_sites_geojson(query: dict[str, list[str]]) -> bytes:
    return _one(PLAIN_BBOX_SQL, _bbox_params(query))


def plain_near_geojson(query: dict[str, list[str]]) -> bytes:
    return _one(PLAIN_NEAR_SQL, _near_params(query))


def plain_ogc_items(query: dict[str, list[str]]) -> bytes:
    return _one(PLAIN_ITEMS_SQL, _items_params(query))


TILE_PATH = re.compile(r"^(/plain)?/tiles/(\d+)/(\d+)/(\d+)\.mvt$")

Handler = Callable[[dict[str, list[str]]], bytes]
ROUTES: dict[str, tuple[Handler, str]] = {
    "/sites.geojson": (sites_geojson, "application/geo+json"),
    "/near.geojson": (near_geojson, "application/geo+json"),
    "/ogc/items": (ogc_items, "application/geo+json"),
    "/plain/sites.geojson": (plain_sites_geojson, "application/geo+json"),
    "/plain/near.geojson": (plain_near_geojson, "application/geo+json"),
    "/plain/ogc/items": (plain_ogc_items, "application/geo+json"),
}


def application(
    environ: dict[str, Any], start_response: Callable[..., Any]
) -> Iterable[bytes]:
    path = environ.get("PATH_INFO", "")
    query = parse_qs(environ.get("QUERY_STRING", ""))
    tile = TILE_PATH.match(path)
    if tile:
        plain, *zxy = tile.groups()
        z, x, y = (int(part) for part in zxy)
        body = _one(PLAIN_TILE_SQL if plain else TILE_SQL, {"z": z, "x": x, "y": y})
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
