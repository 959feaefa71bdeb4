"""ORM expressions that measure from a lon/lat point, in metres on the Earth.

Each is one expression node over one geometry (cast to geography) with the
point as SQL parameters. Written as nested Func/Value trees they were about
fifteen nodes each, and Django copies and resolves every node on every clone of
a queryset: that copying was the largest Python cost of a `near` page.
"""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Expression, F, FloatField, Func
from django.db.models.sql.compiler import SQLCompiler

POINT_SQL = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography"


class _FromPoint(Func):
    """A function of one geometry and a point; subclasses write its SQL."""

    def __init__(
        self, geometry: Expression | F, lon: float, lat: float, *more: Any
    ) -> None:
        super().__init__(geometry, *more)
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
        sql, params = compiler.compile(self.source_expressions[0])
        return self.sql(f"({sql})::geography", tuple(params), compiler)

    def sql(
        self, geography: str, params: tuple[Any, ...], compiler: SQLCompiler
    ) -> tuple[str, tuple[Any, ...]]:
        """The SQL of the function of `geography` (compiled, with `params`)."""
        raise NotImplementedError

    @property
    def point(self) -> tuple[float, float]:
        return (self.lon, self.lat)


class GeodesicDistance(_FromPoint):
    """Metres on the WGS 84 spheroid (ST_Distance on geography)."""

    output_field = FloatField()

    def sql(
        self, geography: str, params: tuple[Any, ...], compiler: SQLCompiler
    ) -> tuple[str, tuple[Any, ...]]:
        return f"ST_Distance({geography}, {POINT_SQL})", (*params, *self.point)


class SphereDistance(_FromPoint):
    """Metres on the sphere by the GiST index's KNN operator (`<->`): what an
    index scan nearest-first orders by."""

    output_field = FloatField()

    def sql(
        self, geography: str, params: tuple[Any, ...], compiler: SQLCompiler
    ) -> tuple[str, tuple[Any, ...]]:
        return f"({geography} <-> {POINT_SQL})", (*params, *self.point)


class WithinDistance(_FromPoint):
    """Within `radius_m` spheroidal metres, as PostGIS inlines ST_DWithin.

    `&&` against the point's expanded box is the index condition; _ST_DWithin
    is the same C function as ST_DWithin without the index support that
    estimates about ten rows whatever the radius. With a sensible estimate the
    planner can pick the nearest-first (KNN) scan where it pays.
    """

    output_field = BooleanField()

    def __init__(
        self, geometry: Expression | F, lon: float, lat: float, radius_m: float
    ) -> None:
        super().__init__(geometry, lon, lat)
        self.radius_m = float(radius_m)

    def sql(
        self, geography: str, params: tuple[Any, ...], compiler: SQLCompiler
    ) -> tuple[str, tuple[Any, ...]]:
        sql = (
            f"({geography} && _ST_Expand({POINT_SQL}, %s) "
            f"AND _ST_DWithin({geography}, {POINT_SQL}, %s, true))"
        )
        circle = (*self.point, self.radius_m)
        return sql, (*params, *circle, *params, *circle)


class WithinSphereReach(_FromPoint):
    """Within `reach` metres on the sphere (as `<->` measures), where `reach`
    is an expression (a subquery, say)."""

    output_field = BooleanField()

    def sql(
        self, geography: str, params: tuple[Any, ...], compiler: SQLCompiler
    ) -> tuple[str, tuple[Any, ...]]:
        reach, reach_params = compiler.compile(self.source_expressions[1])
        sql = f"ST_DWithin({geography}, {POINT_SQL}, {reach}, false)"
        return sql, (*params, *self.point, *reach_params)
