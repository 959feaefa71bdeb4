"""parse_geometry never fails with anything but GeometryError, whatever it gets."""

from typing import Any

from hypothesis import HealthCheck, given, settings

from geo.validation import GeometryError, parse_geometry
from tests.reliability.geometries import GEOMETRY

ANY = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=GEOMETRY)
def test_hostile_geometries_are_parsed_or_refused_cleanly(value: Any) -> None:
    try:
        geometry = parse_geometry(value, allowed_types=ANY)
    except GeometryError as error:
        message = error.message
        geometry = None
    if geometry is None:
        assert message.strip()
        return
    assert geometry.srid == 4326
    assert geometry.valid
    assert not geometry.hasz
    assert geometry.num_points <= 10_000
