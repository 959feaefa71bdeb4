"""CQL2 filters (text and JSON) translated to Django Q objects by pygeofilter.

pygeofilter parses and walks the expression; this module only narrows its
Django backend to the collection's queryables, keeps literals as plain values
(so Django validates them against the field types), gives geometries their
SRID and checks them, reads `BBOX(...)`, implements LIKE exactly, and
compares instant properties with instants and intervals. CQL2 text is read
by api/ogc/cql2_text.py (pygeofilter's grammar plus the standard T_* form).
"""

import json
import math
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib.gis.geos import GEOSException, GEOSGeometry, Polygon
from django.core.exceptions import FieldError, ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from pygeofilter import ast, values
from pygeofilter.backends.django.evaluate import DjangoFilterEvaluator
from pygeofilter.backends.evaluator import handle
from pygeofilter.parsers.cql2_json import parse as parse_cql2_json

from geo.crs import CRS84

from .cql2_input import parse_failure, standard_cql2_json
from .cql2_text import parse as parse_cql2_text
from .errors import OGCRequestError
from .parameters import FILTER_LANGUAGES

_LIKE_SPECIAL = re.compile(r"\\(.)|([%_])|([^\\%_]+)", re.DOTALL)


class _FilterError(ValueError):
    pass


def _like_regex(pattern: str) -> str:
    """A CQL2 LIKE pattern (% any, _ one, backslash escapes) as a POSIX regex."""
    parts = []
    for escaped, wildcard, plain in _LIKE_SPECIAL.findall(pattern):
        if wildcard == "%":
            parts.append(".*")
        elif wildcard == "_":
            parts.append(".")
        else:
            parts.append(re.escape(escaped or plain))
    return "^" + "".join(parts) + "$"


def _checked_geometry(geometry: GEOSGeometry) -> GEOSGeometry:
    geometry.srid = 4326
    if not geometry.valid:
        raise _FilterError(f"invalid geometry: {geometry.valid_reason}")
    west, south, east, north = geometry.extent
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise _FilterError("geometry coordinates must be longitude, latitude (CRS84)")
    return geometry


def _moment_bounds(value: Any) -> tuple[Any, Any]:
    """(start, end) of an instant or an interval; None is an open end."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, date | datetime):
        return value, value
    raise _FilterError(f"{value!r} is not a date, a timestamp or an interval")


def _as_timestamp(value: Any, *, end_of_day: bool) -> Any:
    """A plain date as the first (or last) moment of its UTC day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        moment = datetime.combine(value, time.min, tzinfo=UTC)
        return moment + timedelta(days=1, microseconds=-1) if end_of_day else moment
    return value


class QueryableFilterEvaluator(DjangoFilterEvaluator):
    def __init__(
        self, field_lookups: dict[str, str], timestamp_lookups: frozenset[str]
    ) -> None:
        super().__init__(field_lookups, None)
        self.timestamp_lookups = timestamp_lookups

    @handle(ast.Attribute)
    def attribute(self, node: ast.Attribute) -> F:
        if node.name not in self.field_mapping:
            names = ", ".join(sorted(self.field_mapping))
            raise _FilterError(f"unknown property {node.name!r}; queryables: {names}")
        return F(self.field_mapping[node.name])

    @handle(*values.LITERALS)
    def literal(self, node: Any) -> Any:
        if isinstance(node, float) and not math.isfinite(node):
            raise _FilterError(_("numbers must be finite"))
        return node

    @handle(type(None))
    def open_end(self, node: None) -> None:
        return None  # '..' in an interval

    @handle(values.Interval)
    def interval(self, node: values.Interval, start: Any, end: Any) -> Any:
        if isinstance(start, timedelta) and isinstance(end, date):
            start = end - start
        if isinstance(end, timedelta) and isinstance(start, date):
            end = start + end
        if isinstance(start, timedelta) or isinstance(end, timedelta):
            raise _FilterError("an interval needs at least one date or timestamp")
        return (start, end)

    @handle(values.Geometry)
    def geometry(self, node: values.Geometry) -> GEOSGeometry:
        try:
            parsed = GEOSGeometry(json.dumps(node.__geo_interface__))
        except (GEOSException, ValueError, TypeError) as error:
            raise _FilterError(f"unreadable geometry: {error}") from None
        return _checked_geometry(parsed)

    @handle(values.Envelope)
    def envelope(self, node: values.Envelope) -> GEOSGeometry:
        box = Polygon.from_bbox((node.x1, node.y1, node.x2, node.y2))
        return _checked_geometry(box)

    @handle(ast.BBox)
    def bbox(self, node: ast.BBox, lhs: Any) -> Q:
        """BBOX(geometry, minx, miny, maxx, maxy): exact, not `&&` alone."""
        if node.crs and node.crs != CRS84:
            raise _FilterError(
                gettext("BBOX coordinates must be in %(crs)s") % {"crs": CRS84}
            )
        box = Polygon.from_bbox((node.minx, node.miny, node.maxx, node.maxy))
        return Q(**{f"{lhs.name}__intersects": _checked_geometry(box)})

    @handle(ast.Function)
    def function(self, node: ast.Function, *arguments: Any) -> Any:
        if node.name.lower() == "bbox" and len(arguments) in (4, 6):
            numbers = [float(value) for value in arguments]
            if len(numbers) == 6:  # heights are ignored
                numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
            west, south, east, north = numbers
            box = Polygon.from_bbox((west, south, east, north))
            return _checked_geometry(box)
        raise _FilterError(f"function {node.name!r} is not supported")

    @handle(ast.IsNull)
    def null(self, node: ast.IsNull, lhs: Any) -> Q:
        if not isinstance(lhs, F):
            raise _FilterError(_("IS NULL applies to a property"))
        name = lhs.name  # type: ignore[attr-defined]
        return Q(**{f"{name}__isnull": not node.not_})

    @handle(ast.Like)
    def like(self, node: ast.Like, lhs: Any) -> Q:
        if not isinstance(lhs, F):
            raise _FilterError(_("LIKE compares a property with a pattern"))
        lookup = "iregex" if node.nocase else "regex"
        name = lhs.name  # type: ignore[attr-defined]
        condition = Q(**{f"{name}__{lookup}": _like_regex(node.pattern)})
        return ~condition if node.not_ else condition

    @handle(ast.TemporalPredicate, subclasses=True)
    def temporal(self, node: ast.TemporalPredicate, lhs: Any, rhs: Any) -> Q:
        if not isinstance(lhs, F):
            raise _FilterError("a temporal function compares a property with a time")
        start, end = _moment_bounds(rhs)
        if lhs.name in self.timestamp_lookups:  # type: ignore[attr-defined]
            start = _as_timestamp(start, end_of_day=False)
            end = _as_timestamp(end, end_of_day=True)
        name, op = str(lhs.name), node.op.name  # type: ignore[attr-defined]
        if op == "BEFORE" and start is not None:
            return Q(**{f"{name}__lt": start})
        if op == "AFTER" and end is not None:
            return Q(**{f"{name}__gt": end})
        if op == "TEQUALS" and start == end:
            return Q(**{name: start})
        meets = Q(**{f"{name}__isnull": False})
        if start is not None:
            meets &= Q(**{f"{name}__gte": start})
        if end is not None:
            meets &= Q(**{f"{name}__lte": end})
        if op == "DISJOINT":
            return ~meets & Q(**{f"{name}__isnull": False})
        # pygeofilter reads T_INTERSECTS as TOVERLAPS.
        if op in ("TOVERLAPS", "BEFORE_OR_DURING", "DURING_OR_AFTER"):
            return meets
        if op == "DURING":
            strictly = Q(**{f"{name}__isnull": False})
            if start is not None:
                strictly &= Q(**{f"{name}__gt": start})
            if end is not None:
                strictly &= Q(**{f"{name}__lt": end})
            return strictly
        raise _FilterError(f"T_{op} is not supported on an instant property")


def parse_filter(text: str, language: str) -> ast.AstType:
    if language not in FILTER_LANGUAGES:
        raise OGCRequestError(
            "filter-lang", f"filter-lang must be one of {', '.join(FILTER_LANGUAGES)}."
        )
    try:
        if language == "cql2-json":
            tree = parse_cql2_json(standard_cql2_json(json.loads(text)))
        else:
            tree = parse_cql2_text(text)
    except RecursionError:
        raise OGCRequestError("filter", _("The filter is nested too deeply.")) from None
    except Exception as error:  # any parser failure is the client's filter
        reason = parse_failure(error)
        raise OGCRequestError(
            "filter",
            gettext("The filter does not parse: %(reason)s") % {"reason": reason},
        ) from None
    if not isinstance(tree, ast.Node):
        raise OGCRequestError(
            "filter",
            gettext("The filter does not parse: %(reason)s")
            % {"reason": gettext("it is not a CQL2 expression.")},
        )
    return tree


def filter_condition(
    text: str,
    *,
    language: str,
    crs: str,
    field_lookups: dict[str, str],
    timestamp_lookups: frozenset[str] = frozenset(),
) -> Q:
    """The Q object of a CQL2 filter over the given queryables."""
    if crs != CRS84:
        raise OGCRequestError("filter-crs", f"filter-crs must be {CRS84}.")
    tree = parse_filter(text, language)
    try:
        evaluator = QueryableFilterEvaluator(field_lookups, timestamp_lookups)
        condition = evaluator.evaluate(tree)
    except (_FilterError, ValueError, TypeError, AssertionError, KeyError) as error:
        raise OGCRequestError("filter", f"The filter is not usable: {error}") from None
    except (AttributeError, RecursionError):  # a node in a place it cannot be
        raise OGCRequestError("filter", _("The filter is not usable.")) from None
    except NotImplementedError as error:
        raise OGCRequestError("filter", f"Not supported: {error}") from None
    if not isinstance(condition, Q):
        raise OGCRequestError("filter", _("The filter is not a condition."))
    return condition


def apply_filter(queryset: Any, condition: Q) -> Any:
    """The queryset narrowed by the condition; bad values become a 400."""
    try:
        return queryset.filter(condition)
    except (ValidationError, ValueError, TypeError, FieldError) as error:
        raise OGCRequestError("filter", f"The filter is not usable: {error}") from None
    except OverflowError:
        raise OGCRequestError(
            "filter", _("A number in the filter is out of range.")
        ) from None
