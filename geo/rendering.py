"""GeoJSON built by PostgreSQL: one statement returns the bytes of the features.

Python never builds a geometry object per row: the queryset's SQL is wrapped in
json_build_object/json_agg with ST_AsGeoJSON, and the text comes back as bytea.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Expression, F, QuerySet

COORDINATE_DECIMALS = 6


@dataclass(frozen=True)
class FeatureSpec:
    """How a queryset row becomes a GeoJSON Feature: id, geometry, properties.

    Values are field paths ("host__name") or ORM expressions; they are selected
    by the queryset and named in SQL, so properties cost one column each.
    """

    geometry: str | Expression
    properties: Mapping[str, str | Expression] = field(default_factory=dict)
    id: str | Expression = "pk"


def _expression(value: str | Expression) -> Expression | F:
    return F(value) if isinstance(value, str) else value


def _feature_sql(
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
        f"'geometry', ST_AsGeoJSON({geometry}, {int(decimals)})::json, "
        f"'properties', json_build_object({properties}))"
    )


def _json_key(key: str) -> str:
    if not key.replace("_", "").isalnum():
        raise ValueError(f"property name {key!r} must be alphanumeric")
    return key


def _selected(queryset: QuerySet, spec: FeatureSpec) -> QuerySet:
    columns = {
        "feature_id": _expression(spec.id),
        "feature_geometry": _expression(spec.geometry),
    }
    for index, value in enumerate(spec.properties.values()):
        columns[f"prop_{index}"] = _expression(value)
    return queryset.values(**columns)


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
    inner_sql, params = _selected(queryset, spec).query.sql_with_params()
    # Identifiers come from FeatureSpec (checked), values stay parameters.
    sql = (
        "SELECT convert_to(coalesce(json_agg("
        f"{_feature_sql(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)}"
        f")::text, '[]'), 'UTF8') FROM ({inner_sql}) t"
    )
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return bytes(cursor.fetchone()[0])


def render_feature(
    queryset: QuerySet,
    spec: FeatureSpec,
    *,
    srid: int | None = None,
    decimals: int = COORDINATE_DECIMALS,
    flip_axes: bool = False,
) -> bytes | None:
    """The first row of the queryset as one GeoJSON Feature, or None."""
    inner_sql, params = _selected(queryset[:1], spec).query.sql_with_params()
    feature = _feature_sql(spec, srid=srid, decimals=decimals, flip_axes=flip_axes)
    sql = f"SELECT convert_to({feature}::text, 'UTF8') FROM ({inner_sql}) t"
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else bytes(row[0])


def feature_collection(features: bytes, **members: bytes) -> bytes:
    """Wrap a features array; extra members are already-encoded JSON values."""
    head = b"".join(
        b'"' + key.encode() + b'":' + value + b"," for key, value in members.items()
    )
    return b'{"type":"FeatureCollection",' + head + b'"features":' + features + b"}"
