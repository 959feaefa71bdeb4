"""ORM expressions that measure from a lon/lat point, in metres on the Earth.

Each is one expression node over one geometry (cast to geography) with the
point as SQL parameters. Written as nested Func/Value trees they were about
fifteen nodes each, and Django copies and resolves every node on every clone of
a queryset: that copying was the largest Python cost of a `near` page.
"""

import functools
import string
from collections.abc import Mapping
from typing import Any, ClassVar

from django.core.exceptions import FullResultSet
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    Subquery,
    Value,
)
from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.where import WhereNode

POINT_SQL = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"


class _FromPoint(Func):
    """A function of one geometry and a point, written by `sql_template`.

    The template names its parts: {geography} (the geometry cast), {point},
    and {extra} (a second expression: a radius, a reach). Each part's SQL
    parameters follow its place in the text, however often it appears.
    """

    sql_template: ClassVar[str]
    _resolved = False

    def __init__(
        self,
        geometry: Expression | F,
        lon: float,
        lat: float,
        extra: Expression | Subquery | None = None,
    ) -> None:
        super().__init__(geometry, *([] if extra is None else [extra]))
        self.lon, self.lat = float(lon), float(lat)

    def extra_parts(self) -> dict[str, tuple[str, tuple[Any, ...]]]:
        """More named parts of sql_template: (SQL, parameters)."""
        return {}

    def resolve_expression(self, *args: Any, **kwargs: Any) -> "_FromPoint":
        # A filter's lookup resolves its expression again each time the query
        # is compiled, copying the whole tree; once resolved, nothing changes.
        if getattr(self, "_resolved", False):
            return self
        resolved = super().resolve_expression(*args, **kwargs)
        resolved._resolved = True
        return resolved

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
        parts.update(self.extra_parts())
        sql: list[str] = []
        params: list[Any] = []
        for text, name in _template_parts(self.sql_template):
            sql.append(text)
            if name:
                sql.append(parts[name][0])
                params.extend(parts[name][1])
        return "".join(sql), tuple(params)


@functools.cache
def _template_parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """(literal text, part name or None) of a sql_template, parsed once."""
    return tuple(
        (text, name) for text, name, _, _ in string.Formatter().parse(template)
    )


class GeodesicDistance(_FromPoint):
    """Metres on the WGS 84 spheroid (ST_Distance on geography)."""

    output_field = FloatField()
    sql_template = "ST_Distance({geography}, {point})"


class NearDistance(GeodesicDistance):
    """The distance of a `near` filter's rows, which also names its radius
    (not part of the SQL): what a page needs to bound its nearest rows."""

    def __init__(
        self, geometry: Expression | F, lon: float, lat: float, *, radius_m: float
    ) -> None:
        super().__init__(geometry, lon, lat)
        self.radius_m = float(radius_m)


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
    """Within the sphere distance (as `<->` measures) of `nearest` (an
    expression: the n-th nearest row's, say) or, when it is NULL, of
    `radius_m`, times `margin` plus a millimetre.

    One node, the radius a parameter: built of Coalesce, Value and arithmetic
    it was six nodes that Django copied and resolved on each clone."""

    output_field = BooleanField()
    sql_template = (
        "ST_DWithin({geography}, {point}, "
        "(COALESCE({extra}, {radius}) * {margin} + 0.001), false)"
    )

    def __init__(
        self,
        geometry: Expression | F,
        lon: float,
        lat: float,
        nearest: Expression | Subquery,
        *,
        radius_m: float,
        margin: float,
    ) -> None:
        super().__init__(geometry, lon, lat, nearest)
        self.radius_m, self.margin = float(radius_m), float(margin)

    def extra_parts(self) -> dict[str, tuple[str, tuple[Any, ...]]]:
        return {
            "radius": ("%s", (self.radius_m,)),
            "margin": ("%s", (self.margin,)),
        }


class NthNearest(_FromPoint):
    """The sphere distance (`<->`) of the `n`-th row nearest the point among
    the rows of one table that meet `where` (a query's own WhereNode), or
    NULL when fewer meet it: a KNN subquery written from the query's WHERE.

    Built by hand, not as a Subquery of the queryset: that clones and
    resolves the whole query again and compiles it with a second compiler,
    which was a large part of a `near` page's Python time. The subquery
    names its table as the query does, so the WHERE's columns are its own.
    """

    output_field = FloatField()
    sql_template = "({geography} <-> {point})"

    def __init__(
        self,
        geometry: Expression | F,
        lon: float,
        lat: float,
        *,
        where: WhereNode,
        table: str,
        alias: str,
        n: int,
    ) -> None:
        super().__init__(geometry, lon, lat)
        self.where, self.table, self.alias, self.n = where, table, alias, int(n)

    def relabeled_clone(self, change_map: Mapping[str, str]) -> "NthNearest":
        clone = super().relabeled_clone(change_map)
        clone.where = self.where.relabeled_clone(dict(change_map))  # type: ignore[arg-type]
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        distance, distance_params = super().as_sql(compiler, connection)
        try:
            where, where_params = compiler.compile(self.where)  # type: ignore[arg-type]
            where = f" WHERE {where}"
        except FullResultSet:
            where, where_params = "", ()
        name = compiler.quote_name_unless_alias(self.table)
        if self.alias != self.table:
            name = f"{name} {compiler.quote_name_unless_alias(self.alias)}"
        sql = (
            f"(SELECT {distance} FROM {name}{where} "
            f"ORDER BY 1 ASC LIMIT 1 OFFSET {self.n - 1})"
        )
        return sql, (*distance_params, *where_params)
