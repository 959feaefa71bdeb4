"""Query parameters of the items endpoint: limit/offset, bbox, datetime, crs."""

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Polygon
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from geo.crs import CRS84, SUPPORTED_CRS, is_geographic, is_latitude_first, srid_of

from .errors import OGCRequestError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Metres: every projected CRS offered lies within this (Web Mercator's edge is
# 20 037 508 m); PROJ can take very long on absurd values, so they stop here.
PROJECTED_LIMIT_M = 21_000_000

FILTER_LANGUAGES = ("cql2-text", "cql2-json")

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
# Beyond any collection, and within PostgreSQL's bigint OFFSET with the limit.
MAX_OFFSET = 2**31 - 1


def parse_limit(value: str | None) -> int:
    """The page size: DEFAULT_LIMIT when absent; above MAX_LIMIT is capped."""
    if value is None:
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        raise OGCRequestError("limit", _("limit must be an integer.")) from None
    if limit < 1:
        raise OGCRequestError("limit", _("limit must be at least 1."))
    return min(limit, MAX_LIMIT)


def parse_offset(value: str | None) -> int:
    if value is None:
        return 0
    try:
        offset = int(value)
    except ValueError:
        raise OGCRequestError("offset", _("offset must be an integer.")) from None
    if offset < 0:
        raise OGCRequestError("offset", _("offset must not be negative."))
    if offset > MAX_OFFSET:
        raise OGCRequestError(
            "offset",
            _("offset must be at most %(maximum)d.") % {"maximum": MAX_OFFSET},
        )
    return offset


def parse_crs(value: str | None, *, parameter: str) -> str:
    """A supported CRS URI (CRS84 when absent)."""
    if value is None:
        return CRS84
    crs = value.strip().strip("<>")
    if srid_of(crs) is None:
        supported = ", ".join(SUPPORTED_CRS)
        raise OGCRequestError(
            parameter,
            _("%(parameter)s %(value)r is not supported; use: %(supported)s")
            % {"parameter": parameter, "value": value, "supported": supported},
        )
    return crs


def parse_bbox(value: str | None, *, crs: str) -> GEOSGeometry | None:
    """The box as a polygon in EPSG:4326 (lon/lat), or None when absent.

    Four or six numbers (the heights of six are ignored), in `crs` axis order.
    A geographic box whose west edge is east of its east edge crosses the
    antimeridian and becomes two boxes.
    """
    if value is None:
        return None
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise OGCRequestError(
            "bbox", _("bbox must be comma-separated numbers.")
        ) from None
    if len(numbers) not in (4, 6) or not all(math.isfinite(n) for n in numbers):
        raise OGCRequestError("bbox", _("bbox must have 4 or 6 finite numbers."))
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if is_latitude_first(crs):
        numbers = [numbers[1], numbers[0], numbers[3], numbers[2]]
    west, south, east, north = numbers
    if south > north:
        raise OGCRequestError(
            "bbox", _("bbox: the southern edge is north of the north.")
        )
    if is_geographic(crs):
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            raise OGCRequestError("bbox", _("bbox latitudes must be within [-90, 90]."))
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise OGCRequestError(
                "bbox", _("bbox longitudes must be within [-180, 180].")
            )
        if west > east:
            return MultiPolygon(
                Polygon.from_bbox((west, south, 180, north)),
                Polygon.from_bbox((-180, south, east, north)),
                srid=4326,
            )
        box = Polygon.from_bbox((west, south, east, north))
        box.srid = 4326
        return box
    if west > east:
        raise OGCRequestError("bbox", _("bbox: the western edge is east of the east."))
    if max(abs(n) for n in numbers) > PROJECTED_LIMIT_M:
        raise OGCRequestError("bbox", _("bbox lies outside its CRS's area."))
    box = Polygon.from_bbox((west, south, east, north))
    box.srid = srid_of(crs)
    try:
        lon_lat = box.transform(4326, clone=True)
    except GDALException:
        raise OGCRequestError("bbox", _("bbox lies outside its CRS's area.")) from None
    if lon_lat is None or not all(math.isfinite(n) for n in lon_lat.extent):
        raise OGCRequestError("bbox", _("bbox lies outside its CRS's area."))
    return lon_lat


@dataclass(frozen=True)
class TimeInterval:
    """A closed interval; None is an open end. An instant has start == end."""

    start: datetime | None
    end: datetime | None


def _day(text: str) -> date | None:
    return parse_date(text) if _DATE.fullmatch(text) else None


def _instant(text: str, *, end_of_day: bool) -> datetime:
    day = _day(text)
    if day is not None:
        return _day_bound(day, end_of_day=end_of_day)
    moment = parse_datetime(text)
    if moment is not None:
        if moment.tzinfo is None:
            raise OGCRequestError(
                "datetime",
                _("%(text)r needs a time zone (Z or an offset).") % {"text": text},
            )
        return moment
    raise OGCRequestError(
        "datetime",
        _("%(text)r is not an RFC 3339 date-time or a date.") % {"text": text},
    )


def _day_bound(day: date, *, end_of_day: bool) -> datetime:
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start + timedelta(days=1, microseconds=-1) if end_of_day else start


def _bound(text: str, *, end_of_day: bool) -> datetime | None:
    return None if text in ("", "..") else _instant(text, end_of_day=end_of_day)


def _parse_interval(value: str) -> TimeInterval:
    if "/" not in value:
        day = _day(value)
        if day is not None:  # a whole day
            return TimeInterval(
                _day_bound(day, end_of_day=False), _day_bound(day, end_of_day=True)
            )
        moment = _instant(value, end_of_day=False)
        return TimeInterval(moment, moment)
    parts = [part.strip() for part in value.split("/")]
    if len(parts) != 2:
        raise OGCRequestError("datetime", _("datetime has at most one '/'."))
    return TimeInterval(
        _bound(parts[0], end_of_day=False), _bound(parts[1], end_of_day=True)
    )


def parse_datetime_parameter(value: str | None) -> TimeInterval | None:
    """An instant, or an interval `start/end` where either end may be '..' or ''."""
    if value is None:
        return None
    try:
        interval = _parse_interval(value)
    except OGCRequestError:
        raise
    except ValueError as error:  # well formed but out of range, e.g. month 13
        raise OGCRequestError(
            "datetime",
            _("datetime %(value)r: %(error)s") % {"value": value, "error": error},
        ) from None
    if interval.start is None and interval.end is None:
        raise OGCRequestError("datetime", _("datetime '../..' has no bound."))
    if interval.start and interval.end and interval.start > interval.end:
        raise OGCRequestError("datetime", _("datetime: the start is after the end."))
    return interval
