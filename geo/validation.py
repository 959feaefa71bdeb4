"""Checking geometries that come from outside before anything stores them.

`parse_geometry` takes a GeoJSON geometry (a dict, or JSON text) and returns a GEOS
geometry in EPSG:4326 or raises `GeometryError` naming what is wrong and where
("coordinates[0][3]"). Only "type" and "coordinates" are read: a "crs" member or
anything else is ignored, and the geometry is built by GEOS from WKT that we write
ourselves, so nothing from the request ever reaches GDAL/OGR.
"""

import json
import math
import re
from collections.abc import Collection, Sequence
from typing import Any

from django.contrib.gis.geos import GEOSGeometry, WKTReader
from django.contrib.gis.geos.error import GEOSException
from django.utils.translation import gettext as _

WGS84 = 4326
MAX_VERTICES = 10_000

# How deep the position arrays nest inside "coordinates" for each type.
NESTING = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
MULTI_OF = {
    "Point": "MultiPoint",
    "LineString": "MultiLineString",
    "Polygon": "MultiPolygon",
}
_WKT_READER = WKTReader()  # GEOS's reader: no regex over the whole text
_GEOS_REASON = re.compile(r"^(?P<reason>.*?)\s*\[(?P<x>\S+) (?P<y>\S+)\]$")


_PLAIN_NUMBERS = (int, float)
_ARRAYS = (list, tuple)


class GeometryError(ValueError):
    """A geometry that cannot be accepted; `path` points inside it ("" = whole)."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{message} ({path})" if path else message)
        self.message = message
        self.path = path


def parse_geometry(
    value: object,
    *,
    allowed_types: Collection[str],
    max_vertices: int = MAX_VERTICES,
    promote_to_multi: bool = True,
) -> GEOSGeometry:
    """Validate a GeoJSON geometry and return it as a GEOS geometry (SRID 4326)."""
    document = _as_object(value)
    geometry_type = _geometry_type(document)
    target_type = _target_type(geometry_type, allowed_types, promote_to_multi)
    if "coordinates" not in document:
        raise GeometryError(
            _("A geometry needs a 'coordinates' member."), "coordinates"
        )
    coordinates = document["coordinates"]
    counter = _VertexCounter(max_vertices)
    _check_nesting(coordinates, NESTING[geometry_type], "coordinates", counter)
    _check_shape(geometry_type, coordinates)
    if target_type != geometry_type:
        geometry_type, coordinates = target_type, [coordinates]
    try:
        geometry = _WKT_READER.read(_wkt(geometry_type, coordinates))
    except (GEOSException, ValueError) as error:
        raise GeometryError(
            _("Not a usable geometry: %(error)s") % {"error": error}
        ) from None
    geometry.srid = WGS84
    if not geometry.valid:
        raise GeometryError(_describe_invalid(geometry.valid_reason))
    return geometry


def _as_object(value: object) -> dict[str, Any]:
    if isinstance(value, bytes | bytearray):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            raise GeometryError(_("Geometry text is not UTF-8.")) from None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            raise GeometryError(_("Geometry is not valid JSON.")) from None
    if not isinstance(value, dict):
        raise GeometryError(
            _("Expected a GeoJSON geometry object with 'type' and 'coordinates'.")
        )
    return value


def _geometry_type(document: dict[str, Any]) -> str:
    geometry_type = document.get("type")
    if not isinstance(geometry_type, str) or not geometry_type:
        raise GeometryError(_("A geometry needs a 'type' member (text)."), "type")
    if geometry_type not in NESTING:
        raise GeometryError(
            _("Unsupported geometry type %(type)r; use one of: %(types)s.")
            % {"type": geometry_type[:40], "types": ", ".join(NESTING)},
            "type",
        )
    return geometry_type


def _target_type(
    geometry_type: str, allowed_types: Collection[str], promote_to_multi: bool
) -> str:
    if promote_to_multi and MULTI_OF.get(geometry_type) in allowed_types:
        return MULTI_OF[geometry_type]
    if geometry_type in allowed_types:
        return geometry_type
    raise GeometryError(
        _("Geometry type %(type)s is not allowed here; use one of: %(types)s.")
        % {"type": geometry_type, "types": ", ".join(sorted(allowed_types))},
        "type",
    )


class _VertexCounter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0

    def add(self, count: int, path: str) -> None:
        """Count `count` positions of the array at `path`; the error names the
        first position over the limit."""
        if self.count + count > self.limit:
            index = self.limit - self.count
            raise GeometryError(
                _("Too many vertices: at most %(limit)d are accepted.")
                % {"limit": self.limit},
                f"{path}[{index}]",
            )
        self.count += count


def _check_nesting(
    node: object, depth: int, path: str, counter: _VertexCounter
) -> None:
    if depth == 0:
        counter.add(1, path)
        _check_position(node, path)
        return
    if not isinstance(node, list | tuple):
        raise GeometryError(_("Expected an array."), path)
    if not node:
        raise GeometryError(_("Empty coordinates are not accepted."), path)
    if depth == 1:
        _check_positions(node, path, counter)
        return
    for index, child in enumerate(node):
        _check_nesting(child, depth - 1, f"{path}[{index}]", counter)


def _check_positions(
    positions: Sequence[Any], path: str, counter: _VertexCounter
) -> None:
    """The hot loop: plain 2D numbers in range pass quickly; anything else goes
    through _check_position, which names the problem."""
    counter.add(len(positions), path)
    for index, position in enumerate(positions):
        if type(position) in _ARRAYS and len(position) == 2:
            x, y = position
            if (
                type(x) in _PLAIN_NUMBERS
                and type(y) in _PLAIN_NUMBERS
                and -180 <= x <= 180
                and -90 <= y <= 90
            ):
                continue  # NaN fails the comparisons and is caught below
        _check_position(position, f"{path}[{index}]")


def _check_position(node: object, path: str) -> None:
    if not isinstance(node, list | tuple) or not node:
        raise GeometryError(_("Expected a position [longitude, latitude]."), path)
    if len(node) > 2:
        raise GeometryError(
            _("3D coordinates are not supported; send [longitude, latitude] only."),
            path,
        )
    if len(node) < 2:
        raise GeometryError(_("A position needs longitude and latitude."), path)
    for number in node:
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise GeometryError(_("Coordinates must be numbers."), path)
        if isinstance(number, float) and not math.isfinite(number):
            raise GeometryError(_("Coordinates must be finite numbers."), path)
    longitude, latitude = node
    if not -180 <= longitude <= 180:
        raise GeometryError(_("Longitude must be between -180 and 180."), f"{path}[0]")
    if not -90 <= latitude <= 90:
        raise GeometryError(_("Latitude must be between -90 and 90."), f"{path}[1]")


def _check_shape(geometry_type: str, coordinates: Any) -> None:
    """Point counts and closed rings, with paths (GEOS would only say 'invalid')."""
    if geometry_type == "LineString":
        _check_line(coordinates, "coordinates")
    elif geometry_type == "MultiLineString":
        for index, line in enumerate(coordinates):
            _check_line(line, f"coordinates[{index}]")
    elif geometry_type == "Polygon":
        _check_polygon(coordinates, "coordinates")
    elif geometry_type == "MultiPolygon":
        for index, polygon in enumerate(coordinates):
            _check_polygon(polygon, f"coordinates[{index}]")


def _check_line(line: list[Any], path: str) -> None:
    if len(line) < 2:
        raise GeometryError(_("A line needs at least 2 positions."), path)


def _check_polygon(rings: list[Any], path: str) -> None:
    for index, ring in enumerate(rings):
        ring_path = f"{path}[{index}]"
        if len(ring) < 4:
            raise GeometryError(
                _("A polygon ring needs at least 4 positions."), ring_path
            )
        if list(ring[0]) != list(ring[-1]):
            raise GeometryError(
                _("A polygon ring must end where it starts (closed ring)."), ring_path
            )


def _wkt(geometry_type: str, coordinates: Any) -> str:
    return f"{geometry_type.upper()} {_wkt_body(coordinates, NESTING[geometry_type])}"


def _wkt_body(node: Any, depth: int) -> str:
    if depth == 0:
        return f"({_wkt_position(node)})"
    if depth == 1:
        return "(" + ", ".join(_wkt_position(p) for p in node) + ")"
    return "(" + ", ".join(_wkt_body(child, depth - 1) for child in node) + ")"


def _wkt_position(position: list[int | float]) -> str:
    # Checked before: plain int/float in range, so repr() is exact WKT.
    x, y = position
    return f"{x!r} {y!r}"


def _describe_invalid(reason: str) -> str:
    """'Self-intersection[10.4 63.41]' -> 'Self-intersection at 10.400000 63.410000'."""
    match = _GEOS_REASON.match(reason)
    if not match:
        return _("Invalid geometry: %(reason)s.") % {"reason": reason}
    try:
        x, y = float(match["x"]), float(match["y"])
    except ValueError:
        return _("Invalid geometry: %(reason)s.") % {"reason": reason}
    return _("Invalid geometry: %(reason)s at %(x).6f %(y).6f.") % {
        "reason": match["reason"],
        "x": x,
        "y": y,
    }
