"""ORM expressions that measure from a lon/lat point, in metres on the Earth.

Each is one expression node over one geometry (cast to geography) with the
point as SQL parameters. Written as nested Func/Value trees they were about
fifteen nodes each, and Django copies and resolves every node on every clone of
a queryset: that copying was the largest Python cost of a `near` page.
"""

import string
from typing import Any, ClassVar

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Expression, F, FloatField, Func, Value
from django.db.models.sql.compiler import SQLCompiler

POINT_SQL = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"


class _FromPoint(Func):
    """A function of one geometry and a point, written by `sql_template`.

    The template names its parts: {geography} (the geometry cast), {point},
    and {extra} (a second expression: a radius, a reach). Each part's SQL
    parameters follow its place in the text, however often it appears.
    """

    sql_template: ClassVar[str]

    def __init__(
        self,
        geometry: Expression | F,
        lon: float,
        lat: float,
        extra: Expression | None = None,
    ) -> None:
        super().__init__(geometry, *([] if extra is None else [extra]))
        self.lon, self.lat = float(lon), float(lat)

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        geometry, *extra = (compiler.compile(e) for e in self.source_expressions)
        parts = {
            "geography": (f"({geometry[0]})::geography", tuple(geometry[1])),
            "point": (POINT_SQL, (self.lon, self.lat)),
        }
        if extra:
            parts["extra"] = (extra[0][0], tuple(extra[0][1]))
        sql: list[str] = []
        params: list[Any] = []
        for text, name, _, _ in string.Formatter().parse(self.sql_template):
            sql.append(text)
            if name:
                sql.append(parts[name][0])
                params.extend(parts[name][1])
        return "".join(sql), tuple(params)


class GeodesicDistance(_FromPoint):
    """Metres on the WGS 84 spheroid (ST_Distance on geography)."""

    output_field = FloatField()
    sql_template = "ST_Distance({geography}, {point})"


class SphereDistance(_FromPoint):
    """Metres on the sphere by the GiST index's KNN operator (`<->`): what an
    index scan nearest-first orders by."""

    output_field = FloatField()
    sql_template = "({geography} <-> {point})"


class WithinDistance(_FromPoint):
    """Within `radius_m` spheroidal metres, as PostGIS inlines ST_DWithin.

    `&&` against the point's expanded box is the index condition; _ST_DWithin
    is the same C function as ST_DWithin without the index support that
    estimates about ten rows whatever the radius. With a sensible estimate the
    planner can pick the nearest-first (KNN) scan where it pays.
    """

    output_field = BooleanField()
    sql_template = (
        "({geography} && _ST_Expand({point}, {extra}) "
        "AND _ST_DWithin({geography}, {point}, {extra}, true))"
    )

    def __init__(
        self, geometry: Expression | F, lon: float, lat: float, radius_m: float
    ) -> None:
        super().__init__(geometry, lon, lat, Value(float(radius_m)))


class WithinSphereReach(_FromPoint):
    """Within `reach` metres on the sphere (as `<->` measures), where `reach`
    is an expression (a subquery, say)."""

    output_field = BooleanField()
    sql_template = "ST_DWithin({geography}, {point}, {extra}, false)"
