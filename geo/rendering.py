"""GeoJSON built by PostgreSQL: one statement returns the bytes of the features.

Python never builds a geometry object per row: the queryset's SQL is wrapped in
json_build_object/json_agg with ST_AsGeoJSON, and the text comes back as bytea.
"""

import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import Expression, F, IntegerField, Model, QuerySet
from django.db.models.expressions import RawSQL

from .statements import fetch_row

COORDINATE_DECIMALS = 6


@dataclass(frozen=True, eq=False)
class FeatureSpec:
    """How a queryset row becomes a GeoJSON Feature: id, geometry, properties.

    Values are field paths ("host__name") or ORM expressions; they are selected
    by the queryset and named in SQL, so properties cost one column each.
    A spec is compared by identity: statements built from it are cached.

    `ready` names a column holding the feature's text as the database keeps it
    (the json_build_object of id, geometry in CRS84 with COORDINATE_DECIMALS and
    the first `ready_count` properties, all of them when None): in CRS84 the
    feature is that text, the other properties appended, and nothing is built
    per row. Other projections build it from the properties.
    """

    geometry: str | Expression
    properties: Mapping[str, str | Expression] = field(default_factory=dict)
    id: str | Expression = "pk"
    ready: str | None = None
    ready_count: int | None = None


def _ready_count(spec: FeatureSpec) -> int:
    """How many leading properties the ready text holds (0: no ready text)."""
    if spec.ready is None:
        return 0
    return len(spec.properties) if spec.ready_count is None else spec.ready_count


def _expression(value: str | Expression) -> Expression | F:
    return F(value) if isinstance(value, str) else value


def _uses_ready(
    spec: FeatureSpec, *, srid: int | None, decimals: int, flip_axes: bool
) -> bool:
    return (
        spec.ready is not None
        and srid is None
        and not flip_axes
        and decimals == COORDINATE_DECIMALS
    )


def _feature_sql(
    spec: FeatureSpec, *, srid: int | None, decimals: int, flip_axes: bool = False
) -> str:
    """The UTF-8 bytes (bytea) of one feature of row `t`."""
    if _uses_ready(spec, srid=srid, decimals=decimals, flip_axes=flip_axes):
        return _ready_feature_sql(spec)
    built = _built_feature_sql(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    return f"convert_to(({built})::text, 'UTF8')"


def _ready_feature_sql(spec: FeatureSpec) -> str:
    """The ready text, with the properties it lacks appended as
    json_build_object writes them (`, "key" : value` before the closing `}}`).

    Cut as bytes: left(text, -2) counts the characters of the whole text
    first, which was most of the time of appending a distance to a page.
    """
    ready = "convert_to(t.feature_ready, 'UTF8')"
    keys = list(spec.properties)[_ready_count(spec) :]
    if not keys:
        return ready
    first = _ready_count(spec)
    appended = " || ".join(
        f"', \"{_json_key(key)}\" : ' || "
        f"coalesce(to_json(t.prop_{first + offset})::text, 'null')"
        for offset, key in enumerate(keys)
    )
    return (
        f"(substr({ready}, 1, octet_length(t.feature_ready) - 2) || "
        f"convert_to({appended} || '}}}}', 'UTF8'))"
    )


def _bytes(text: str) -> str:
    """A bytea literal of ASCII text."""
    return f"'\\x{text.encode().hex()}'::bytea"


EMPTY_ARRAY = _bytes("[]")


def _aggregate(feature: str, clauses: str = "") -> str:
    """The JSON array of the features as UTF-8 bytes, NULL for none (json_agg's
    form: elements separated by a comma and a space)."""
    return (
        f"{_bytes('[')} || string_agg({feature}, {_bytes(', ')}{clauses}) "
        f"|| {_bytes(']')}"
    )


def _built_feature_sql(
    spec: FeatureSpec, *, srid: int | None, decimals: int, flip_axes: bool = False
) -> str:
    geometry = "t.feature_geometry"
    if srid is not None:
        geometry = f"ST_Transform({geometry}, {int(srid)})"
    if flip_axes:  # e.g. EPSG:4326 as EPSG defines it: latitude first
        geometry = f"ST_FlipCoordinates({geometry})"
    properties = ", ".join(
        f"'{_json_key(key)}', t.prop_{index}"
        for index, key in enumerate(spec.properties)
    )
    return (
        "json_build_object('type', 'Feature', 'id', t.feature_id, "
        # Options 0: no legacy `crs` member inside the geometry (RFC 7946; the
        # CRS of other projections is the response's Content-Crs).
        f"'geometry', ST_AsGeoJSON({geometry}, {int(decimals)}, 0)::json, "
        f"'properties', json_build_object({properties}))"
    )


def _json_key(key: str) -> str:
    if not key.replace("_", "").isalnum():
        raise ValueError(f"property name {key!r} must be alphanumeric")
    return key


def _columns(spec: FeatureSpec, *, ready: bool) -> dict[str, Expression | F]:
    """What the render reads of a row: the ready text and the properties it
    lacks, or everything a feature is built from."""
    if ready and spec.ready is not None:
        columns: dict[str, Expression | F] = {"feature_ready": F(spec.ready)}
        first = _ready_count(spec)
    else:
        columns = {
            "feature_id": _expression(spec.id),
            "feature_geometry": _expression(spec.geometry),
        }
        first = 0
    for index, value in enumerate(spec.properties.values()):
        if index >= first:
            columns[f"prop_{index}"] = _expression(value)
    return columns


def _selected(queryset: QuerySet, spec: FeatureSpec, *, ready: bool) -> QuerySet:
    return queryset.values(**_columns(spec, ready=ready))


def render_features(
    queryset: QuerySet,
    spec: FeatureSpec,
    *,
    srid: int | None = None,
    decimals: int = COORDINATE_DECIMALS,
    flip_axes: bool = False,
) -> bytes:
    """The JSON array of the queryset's features, in the queryset's order.

    `srid` reprojects in PostGIS; `flip_axes` swaps x and y after that.
    """
    ready = _uses_ready(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    try:
        selected = _selected(queryset, spec, ready=ready)
        inner_sql, params = selected.query.sql_with_params()
    except EmptyResultSet:  # e.g. a filter no row can meet (trl_min = 10^20)
        return b"[]"
    # Identifiers come from FeatureSpec (checked), values stay parameters.
    feature = _feature_sql(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    sql = f"SELECT coalesce({_aggregate(feature)}, {EMPTY_ARRAY}) FROM ({inner_sql}) t"
    row = fetch_row(queryset.db, sql, params)
    return bytes(row[0]) if row else b"[]"


@dataclass(frozen=True)
class RenderedPage:
    """A page of features and what its links need, from one statement."""

    features: bytes  # the JSON array, in forward order
    fetched: int  # rows read: limit + 1 means there are more
    first: tuple[Any, ...] | None  # ordering keys of the first row read
    last: tuple[Any, ...] | None  # ... and of the last row within the limit


def render_page(
    page: QuerySet,
    spec: FeatureSpec,
    *,
    keys: Sequence[str],
    limit: int,
    backwards: bool = False,
) -> RenderedPage:
    """Up to `limit` features of `page` (ordered, filtered), and its key rows.

    The page is chosen on the queryset's own table first (its WHERE, ORDER BY
    and LIMIT limit + 1: the rows with their ordering keys, in a CTE); the
    render reads the table's columns from that CTE and joins only its rows,
    as the floor of the benchmark does, so PostgreSQL never joins or reads
    again rows it will not return, and the ordering is sorted once.
    Properties that name an annotation of `page` (a distance, say) are
    computed in the CTE too, so the render depends on the spec alone and its
    SQL is compiled once per process.
    `backwards`: the queryset's order is the reverse of the page's.
    """
    columns: dict[str, Any] = {f"page_key_{i}": F(name) for i, name in enumerate(keys)}
    carried = []
    for index, value in enumerate(spec.properties.values()):
        if isinstance(value, str) and value in page.query.annotations:
            columns[f"page_prop_{index}"] = F(value)
            carried.append(index)
    model: type[Model] = page.model
    render = _render_statement(model, spec, tuple(carried))
    try:
        page_sql, page_params = page.values(*render.fields, **columns)[
            : limit + 1
        ].query.sql_with_params()
    except EmptyResultSet:  # e.g. queryset.none()
        return RenderedPage(features=b"[]", fetched=0, first=None, last=None)
    key_row = ", ".join(f"page.page_key_{i}" for i in range(len(keys)))
    order = "DESC" if backwards else "ASC"
    # The rows' order in `page` is its ORDER BY; row_number() over the
    # materialised CTE numbers them in that order.
    sql = (
        "WITH page AS MATERIALIZED (SELECT p.*, row_number() OVER () AS page_row "
        f"FROM ({page_sql}) p) "
        "SELECT coalesce("
        + _aggregate(
            render.feature,
            f" ORDER BY t.page_row {order}) FILTER (WHERE t.page_row <= %s",
        )
        + f", {EMPTY_ARRAY}), "
        "(SELECT count(*) FROM page), "
        f"(SELECT json_agg(json_build_array({key_row}) ORDER BY page.page_row)::text "
        "FROM page WHERE page.page_row = 1 OR page.page_row = "
        "(SELECT least(count(*), %s) FROM page)) "
        f"FROM ({render.sql}) t"
    )
    params = (*page_params, limit, limit, *render.params)
    features, fetched, edges = fetch_row(page.db, sql, params) or (b"[]", 0, None)
    rows = [tuple(row) for row in json.loads(edges)] if edges else []
    return RenderedPage(
        features=bytes(features),
        fetched=int(fetched),
        first=rows[0] if rows else None,
        last=rows[-1] if rows else None,
    )


@dataclass(frozen=True)
class _RenderStatement:
    sql: str  # reads the model's table from the `page` CTE
    params: tuple[Any, ...]
    fields: list[str]  # the table's columns the CTE must carry
    feature: str  # the json_build_object of one row `t`


@functools.lru_cache(maxsize=64)
def _render_statement(
    model: type[Model], spec: FeatureSpec, carried: tuple[int, ...]
) -> _RenderStatement:
    """How the rows of the `page` CTE become features (see render_page).

    `carried`: indexes of the properties the CTE computes (`page_prop_<i>`).
    """
    table = model._meta.db_table
    columns: dict[str, Any] = _columns(spec, ready=True)
    # Read from the CTE: the model's own table name, the CTE's own columns.
    for i in carried:
        columns[f"prop_{i}"] = RawSQL(f'"{table}".page_prop_{i}', ())  # noqa: S611
    columns["page_row"] = RawSQL(  # noqa: S611
        f'"{table}".page_row', (), output_field=IntegerField()
    )
    render = model._base_manager.order_by().values(**columns)  # no Meta.ordering
    render_sql, render_params = render.query.sql_with_params()
    render_sql = _from_page(render_sql, table)
    # The CTE carries the columns the render reads (not every column).
    used = set(re.findall(rf'"{re.escape(table)}"\."(\w+)"', render_sql))
    fields = [
        field.attname
        for field in model._meta.concrete_fields
        if field.column in used or field.primary_key
    ]
    return _RenderStatement(
        sql=render_sql,
        params=tuple(render_params),
        fields=fields,
        feature=_feature_sql(spec, srid=None, decimals=COORDINATE_DECIMALS),
    )


def _from_page(render_sql: str, table: str) -> str:
    """The render's SQL reading its main table from the `page` CTE.

    With no WHERE and no ORDER BY (the order is the CTE's `page_row`, so a
    sort here would be wasted), the main FROM is the last `FROM "<table>"`
    (the SELECT list's subqueries come before it and alias their tables U0,
    U1, ...; joins follow it).
    """
    main = f'FROM "{table}"'
    at = render_sql.rfind(main)
    rest = render_sql[at + len(main) :]
    joins_only = rest == "" or rest.startswith((" LEFT ", " INNER "))
    if at < 0 or not joins_only or " ORDER BY " in rest:
        raise ValueError(f"cannot find the main table of: {render_sql[:200]}")
    return f'{render_sql[:at]}FROM page "{table}"{rest}'


def render_feature(
    queryset: QuerySet,
    spec: FeatureSpec,
    *,
    srid: int | None = None,
    decimals: int = COORDINATE_DECIMALS,
    flip_axes: bool = False,
) -> bytes | None:
    """The first row of the queryset as one GeoJSON Feature, or None."""
    ready = _uses_ready(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    selected = _selected(queryset[:1], spec, ready=ready)
    inner_sql, params = selected.query.sql_with_params()
    feature = _feature_sql(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    sql = f"SELECT {feature} FROM ({inner_sql}) t"
    row = fetch_row(queryset.db, sql, params)
    return None if row is None else bytes(row[0])


def feature_collection(features: bytes, **members: bytes) -> bytes:
    """Wrap a features array; extra members are already-encoded JSON values."""
    head = b"".join(
        b'"' + key.encode() + b'":' + value + b"," for key, value in members.items()
    )
    # One join: chained `+` made two transient copies of a body of megabytes.
    return b"".join(
        (b'{"type":"FeatureCollection",', head, b'"features":', features, b"}")
    )
