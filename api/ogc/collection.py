"""What an OGC collection is: rows, how they render, what can filter them."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

from django.contrib.gis.db.models import Extent
from django.db.models import Expression, F, Max, Min, Q, QuerySet

from geo.rendering import FeatureSpec
from pilots.timestamps import format_timestamp

from .parameters import TimeInterval

GEOMETRY_ALIAS = "ogc_geometry"


@dataclass(frozen=True)
class Queryable:
    """A property clients may filter on: its ORM path and its JSON Schema."""

    lookup: str
    schema: Mapping[str, Any]


@dataclass(frozen=True)
class Collection:
    """One entry of the registry (see collections.py).

    `rows(user=...)` returns the rows that user may see (the shared selectors);
    `geometry` is the one the features carry, used by bbox, S_* and extents;
    `time_start`/`time_end` are the fields `datetime` looks at (equal for an
    instant; a null end is open).
    """

    id: str
    title: str
    description: str
    rows: Callable[..., QuerySet]
    feature: FeatureSpec
    geometry: str | Expression
    geometry_format: str
    time_start: str
    time_end: str
    queryables: Mapping[str, Queryable] = field(default_factory=dict)
    item_lookup: str = "slug"

    def geometry_expression(self) -> Expression | F:
        return F(self.geometry) if isinstance(self.geometry, str) else self.geometry

    def queryset(self, *, user: Any = None) -> QuerySet:
        alias = {GEOMETRY_ALIAS: self.geometry_expression()}
        return self.rows(user=user).alias(**alias)

    def field_lookups(self) -> dict[str, str]:
        return {name: queryable.lookup for name, queryable in self.queryables.items()}

    def timestamp_lookups(self) -> frozenset[str]:
        return frozenset(
            queryable.lookup
            for queryable in self.queryables.values()
            if queryable.schema.get("format") == "date-time"
        )


def _is_date_field(queryset: QuerySet, path: str) -> bool:
    model = queryset.model
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name).get_internal_type() == "DateField"


def _bound(queryset: QuerySet, path: str, moment: Any) -> Any:
    return moment.date() if _is_date_field(queryset, path) else moment


def temporal_filter(
    queryset: QuerySet, collection: Collection, interval: TimeInterval
) -> QuerySet:
    """Rows whose [time_start, time_end] meets the interval (nulls are open)."""
    start, end = collection.time_start, collection.time_end
    condition = Q()
    if interval.start is not None:
        condition &= Q(**{f"{end}__isnull": True}) | Q(
            **{f"{end}__gte": _bound(queryset, end, interval.start)}
        )
    if interval.end is not None:
        condition &= Q(**{f"{start}__isnull": True}) | Q(
            **{f"{start}__lte": _bound(queryset, start, interval.end)}
        )
    return queryset.filter(condition)


def spatial_extent(queryset: QuerySet, collection: Collection) -> list[float] | None:
    """[west, south, east, north] of the rows' geometries, in CRS84."""
    geometry = collection.geometry_expression()
    extent = queryset.aggregate(extent=Extent(geometry))["extent"]
    return None if extent is None else [float(value) for value in extent]


def temporal_extent(queryset: QuerySet, collection: Collection) -> list[Any]:
    """[first, last] of the rows' times as ISO 8601 text (None when unknown)."""
    bounds = queryset.aggregate(
        first=Min(collection.time_start), last=Max(collection.time_end)
    )
    return [
        _rfc3339(bounds["first"], end_of_day=False),
        _rfc3339(bounds["last"], end_of_day=True),
    ]


def _rfc3339(value: Any, *, end_of_day: bool) -> str | None:
    """An RFC 3339 date-time in UTC; a date covers its whole day."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        clock = time.max if end_of_day else time.min
        value = datetime.combine(value, clock.replace(microsecond=0), tzinfo=UTC)
    return format_timestamp(value)
