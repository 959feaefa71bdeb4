"""Mapbox Vector Tiles built by PostGIS, and the tile maths around them.

A tile is one statement: the queryset's SQL (filters and visibility included)
is restricted with `&&` to the tile's envelope in lon/lat, so the GiST index of
the stored geometry is used, then each row is clipped and quantised by
ST_AsMVTGeom in Web Mercator and the layer is encoded by ST_AsMVT. Python never
sees a geometry. SRIDs are integer literals: passing projection text made
PostGIS rebuild the projection for every row (ARCHITECTURE.md).
"""

import hashlib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.db import connections
from django.db.models import (
    Expression,
    F,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from .statements import fetch_row

LON_LAT = 4326
WEB_MERCATOR = 3857
EXTENT = 4096
BUFFER = 64
MIN_ZOOM = 0
MAX_ZOOM = 22
# The latitude limit of Web Mercator tiles.
MAX_LATITUDE = 85.0511287798066
WORLD_BOUNDS = (-180.0, -MAX_LATITUDE, 180.0, MAX_LATITUDE)


class TileOutOfRange(ValueError):
    """A z/x/y outside the tile pyramid; `field` names the coordinate."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def check_tile(z: int, x: int, y: int) -> None:
    """Raise TileOutOfRange unless 0 <= z <= MAX_ZOOM and 0 <= x, y < 2**z."""
    if not MIN_ZOOM <= z <= MAX_ZOOM:
        raise TileOutOfRange(
            "z",
            _("Zoom %(z)d is outside %(min)d..%(max)d.")
            % {"z": z, "min": MIN_ZOOM, "max": MAX_ZOOM},
        )
    last = 2**z - 1
    for name, value in (("x", x), ("y", y)):
        if not 0 <= value <= last:
            raise TileOutOfRange(
                name,
                _("%(name)s=%(value)d is outside 0..%(last)d at zoom %(z)d.")
                % {"name": name, "value": value, "last": last, "z": z},
            )


@dataclass(frozen=True)
class TileSpec:
    """How rows of a queryset become features of one vector-tile layer.

    `geometry` is what is drawn (SRID 4326); `indexed_geometries` are the
    indexed columns a row is found by (a row is a candidate when any of them
    meets the tile). Properties are scalar SQL values, one column each; `id`
    must be an integer (the MVT feature id).
    """

    geometry: str | Expression | F
    indexed_geometries: tuple[str, ...]
    properties: Mapping[str, str | Expression | F] = field(default_factory=dict)
    id: str | Expression | F = "pk"


def tile_envelope(z: int, x: int, y: int) -> RawSQL:
    """The tile's square in lon/lat, ST_Transform(ST_TileEnvelope(z, x, y), 4326):
    one expression node with z, x, y as parameters (Django copies every node of
    a filter on each clone of the queryset)."""
    return RawSQL(  # noqa: S611 (constant SQL, integer parameters)
        "ST_Transform(ST_TileEnvelope(%s::integer, %s::integer, %s::integer), "
        f"{LON_LAT})",
        (int(z), int(x), int(y)),
        output_field=GeometryField(srid=LON_LAT),
    )


class CommaJoined(Func):
    """A text array as one comma-separated string (MVT has no arrays)."""

    function = "array_to_string"
    output_field = TextField()

    def __init__(self, expression: str | Expression | F) -> None:
        super().__init__(expression, Value(","))


def _expression(value: str | Expression | F) -> Expression | F:
    return F(value) if isinstance(value, str) else value


def _identifier(key: str) -> str:
    if not key.replace("_", "").isalnum():
        raise ValueError(f"attribute name {key!r} must be alphanumeric")
    return key


def in_tile(queryset: QuerySet, spec: TileSpec, *, z: int, x: int, y: int) -> QuerySet:
    """Rows whose indexed geometry's box meets the tile (index-assisted &&)."""
    envelope = tile_envelope(z, x, y)
    condition = Q()
    for name in spec.indexed_geometries:
        condition |= Q(**{f"{name}__bboverlaps": envelope})
    return queryset.filter(condition)


def tile_query(
    queryset: QuerySet, spec: TileSpec, *, layer: str, z: int, x: int, y: int
) -> tuple[str, tuple[Any, ...]]:
    """The one statement (SQL and parameters) that encodes tile z/x/y."""
    check_tile(z, x, y)
    columns: dict[str, Expression | F] = {
        "mvt_id": _expression(spec.id),
        "mvt_source_geometry": _expression(spec.geometry),
    }
    for index, value in enumerate(spec.properties.values()):
        columns[f"prop_{index}"] = _expression(value)
    rows = in_tile(queryset, spec, z=z, x=x, y=y).order_by().values(**columns)
    inner_sql, inner_params = rows.query.sql_with_params()
    attributes = "".join(
        f', t.prop_{index} AS "{_identifier(key)}"'
        for index, key in enumerate(spec.properties)
    )
    # Identifiers come from TileSpec (checked); every value is a parameter.
    sql = (
        f"SELECT ST_AsMVT(tile.*, %s, {EXTENT}, 'mvt_geometry', 'mvt_id') FROM ("
        "SELECT ST_AsMVTGeom("
        f"ST_Transform(t.mvt_source_geometry, {WEB_MERCATOR}), "
        "ST_TileEnvelope(%s::integer, %s::integer, %s::integer), "
        f"{EXTENT}, {BUFFER}, true) AS mvt_geometry, "
        f"t.mvt_id{attributes} FROM ({inner_sql}) t"
        ") tile WHERE tile.mvt_geometry IS NOT NULL"
    )
    return sql, (layer, z, x, y, *inner_params)


def render_tile(
    queryset: QuerySet, spec: TileSpec, *, layer: str, z: int, x: int, y: int
) -> bytes:
    """The layer's features in tile z/x/y as MVT bytes (b"" when none)."""
    sql, params = tile_query(queryset, spec, layer=layer, z=z, x=x, y=y)
    row = fetch_row(queryset.db, sql, params)
    return b"" if row is None or row[0] is None else bytes(row[0])


def tile_containing(lon: float, lat: float, z: int) -> tuple[int, int]:
    """x, y of the XYZ tile at zoom z that holds lon/lat (spherical Mercator)."""
    n = 2**z
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def data_version(*sources: QuerySet, salt: str = "") -> str:
    """A short token that changes whenever a row of the sources changes.

    Built from each source's row count and latest `updated_at` in one
    statement: an insert or an edit moves the latest time, a delete the count.
    `salt` (e.g. the attribute names) changes it when the tiles' shape changes.
    """
    parts = []
    params: list[Any] = []
    for source in sources:
        inner_sql, inner_params = (
            source.order_by().values("updated_at").query.sql_with_params()
        )
        parts.append(
            "(SELECT count(*)::text || '/' || coalesce(max(s.updated_at)::text, '')"
            f" FROM ({inner_sql}) s)"
        )
        params.extend(inner_params)
    sql = "SELECT " + " || ';' || ".join(parts)
    with connections[sources[0].db].cursor() as cursor:
        cursor.execute(sql, params)
        state = cursor.fetchone()[0]
    return hashlib.sha256(f"{salt}|{state}".encode()).hexdigest()[:16]


def data_bounds(
    queryset: QuerySet, geometry: str | Expression | F
) -> tuple[float, float, float, float] | None:
    """minLon, minLat, maxLon, maxLat of the rows' geometries, or None if empty."""
    rows = queryset.order_by().values(bounds_geometry=_expression(geometry))
    inner_sql, params = rows.query.sql_with_params()
    sql = (
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
        f"(SELECT ST_Extent(t.bounds_geometry) AS e FROM ({inner_sql}) t) extent"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None or row[0] is None:
        return None
    return (float(row[0]), float(row[1]), float(row[2]), float(row[3]))
