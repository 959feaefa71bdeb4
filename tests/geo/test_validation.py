import json
from typing import Any

import pytest
from django.contrib.gis.geos import LineString, MultiPolygon, Point

from geo.validation import GeometryError, parse_geometry

SQUARE = [
    [10.40, 63.43],
    [10.41, 63.43],
    [10.41, 63.44],
    [10.40, 63.44],
    [10.40, 63.43],
]
BOWTIE = [
    [10.40, 63.43],
    [10.41, 63.44],
    [10.41, 63.43],
    [10.40, 63.44],
    [10.40, 63.43],
]
AREAS = ("MultiPolygon",)
ANY = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)


def refused(value: Any, **kwargs: Any) -> GeometryError:
    kwargs.setdefault("allowed_types", ANY)
    with pytest.raises(GeometryError) as caught:
        parse_geometry(value, **kwargs)
    return caught.value


def test_point_round_trips_in_wgs84() -> None:
    point = parse_geometry(
        {"type": "Point", "coordinates": [10.4021, 63.4305]}, allowed_types=("Point",)
    )

    assert point.srid == 4326
    assert isinstance(point, Point)
    assert (point.x, point.y) == (10.4021, 63.4305)


def test_json_text_and_bytes_are_accepted() -> None:
    text = json.dumps({"type": "Point", "coordinates": [10, 63]})

    from_text = parse_geometry(text, allowed_types=("Point",))
    from_bytes = parse_geometry(text.encode(), allowed_types=("Point",))

    assert from_text.wkt == from_bytes.wkt == "POINT (10 63)"


def test_polygon_is_promoted_to_multipolygon_when_that_is_allowed() -> None:
    area = parse_geometry(
        {"type": "Polygon", "coordinates": [SQUARE]}, allowed_types=AREAS
    )

    assert isinstance(area, MultiPolygon)
    assert len(area) == 1
    assert area[0].exterior_ring.coords[1] == (10.41, 63.43)


def test_promotion_can_be_turned_off() -> None:
    polygon = parse_geometry(
        {"type": "Polygon", "coordinates": [SQUARE]},
        allowed_types=("Polygon", "MultiPolygon"),
        promote_to_multi=False,
    )

    assert polygon.geom_type == "Polygon"
    assert (
        refused(
            {"type": "Polygon", "coordinates": [SQUARE]},
            allowed_types=AREAS,
            promote_to_multi=False,
        ).path
        == "type"
    )


def test_crs_member_is_ignored_and_never_changes_the_srid() -> None:
    value = {
        "type": "Point",
        "coordinates": [10.4, 63.4],
        "crs": {"type": "name", "properties": {"name": "/etc/passwd"}},
    }

    assert parse_geometry(value, allowed_types=("Point",)).srid == 4326


def test_bowtie_names_the_reason_and_the_place() -> None:
    error = refused({"type": "Polygon", "coordinates": [BOWTIE]})

    assert "Self-intersection at 10.405000 63.435000" in error.message


def test_unclosed_ring_points_at_the_ring() -> None:
    error = refused({"type": "Polygon", "coordinates": [[*SQUARE[:-1], [10.3, 63]]]})

    assert "closed" in error.message
    assert error.path == "coordinates[0]"


def test_degenerate_line_is_invalid() -> None:
    error = refused({"type": "LineString", "coordinates": [[10, 63], [10, 63]]})

    assert "Too few points" in error.message


@pytest.mark.parametrize(
    "text",
    [
        '{"type":"Point","coordinates":[NaN,63]}',
        '{"type":"Point","coordinates":[Infinity,63]}',
        '{"type":"Point","coordinates":[10,1e999]}',
    ],
)
def test_non_finite_numbers_are_refused(text: str) -> None:
    assert "finite" in refused(text).message


@pytest.mark.parametrize(
    ("position", "path", "word"),
    [
        ([180.5, 63], "coordinates[0]", "Longitude"),
        ([-181, 63], "coordinates[0]", "Longitude"),
        ([10, 90.01], "coordinates[1]", "Latitude"),
        ([10, -91], "coordinates[1]", "Latitude"),
        ([10**30, 63], "coordinates[0]", "Longitude"),
    ],
)
def test_out_of_range_positions_name_the_axis(
    position: list[float], path: str, word: str
) -> None:
    error = refused({"type": "Point", "coordinates": position})

    assert word in error.message
    assert error.path == path


def test_edges_of_the_ranges_are_accepted() -> None:
    line = parse_geometry(
        {"type": "LineString", "coordinates": [[-180, -90], [180, 90]]},
        allowed_types=("LineString",),
    )

    assert isinstance(line, LineString)
    assert line.coords == ((-180, -90), (180, 90))


def test_third_dimension_is_refused_clearly() -> None:
    error = refused(
        {"type": "LineString", "coordinates": [[10, 63], [10.1, 63.1, 12.5]]}
    )

    assert "3D" in error.message
    assert error.path == "coordinates[1]"


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"type": "Point", "coordinates": ["10", 63]}, "coordinates"),
        ({"type": "Point", "coordinates": [True, 63]}, "coordinates"),
        ({"type": "Point", "coordinates": [None, 63]}, "coordinates"),
        ({"type": "Point", "coordinates": [10]}, "coordinates"),
        ({"type": "Point", "coordinates": 10}, "coordinates"),
        ({"type": "MultiPoint", "coordinates": [[10, 63], "x"]}, "coordinates[1]"),
        ({"type": "Polygon", "coordinates": [[[10, 63]] * 3]}, "coordinates[0]"),
        ({"type": "Point"}, "coordinates"),
        ({"coordinates": [10, 63]}, "type"),
        ({"type": 7, "coordinates": [10, 63]}, "type"),
        ({"type": "Circle", "coordinates": [10, 63]}, "type"),
        ({"type": "GeometryCollection", "geometries": []}, "type"),
    ],
)
def test_wrong_structure_is_refused_with_a_path(value: Any, path: str) -> None:
    assert refused(value).path == path


def test_type_outside_the_allowed_set_is_refused() -> None:
    error = refused({"type": "LineString", "coordinates": [[10, 63], [11, 63]]},
                    allowed_types=("Point",))  # fmt: skip

    assert "not allowed" in error.message
    assert error.path == "type"


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"type": "Point", "coordinates": []}, "coordinates"),
        ({"type": "MultiPolygon", "coordinates": []}, "coordinates"),
        ({"type": "Polygon", "coordinates": [[]]}, "coordinates[0]"),
    ],
)
def test_empty_coordinates_are_refused(value: Any, path: str) -> None:
    error = refused(value)

    assert error.path == path


@pytest.mark.parametrize(
    "value", ["garbage", "", b"\xff\xfe", "[1, 2]", 42, None, [10, 63], "[" * 100_000]
)
def test_garbage_is_refused(value: Any) -> None:
    error = refused(value)

    assert error.path == ""
    assert any(word in error.message for word in ("JSON", "GeoJSON", "UTF-8"))


def _ring(count: int) -> list[list[float]]:
    """A closed, valid ring of `count` positions around a small circle."""
    import math

    points = [
        [10.4 + 0.01 * math.cos(2 * math.pi * i / (count - 1)),
         63.43 + 0.01 * math.sin(2 * math.pi * i / (count - 1))]
        for i in range(count - 1)
    ]  # fmt: skip
    return [*points, points[0]]


def test_vertex_cap_allows_exactly_the_limit_and_refuses_one_more() -> None:
    at_limit = {"type": "Polygon", "coordinates": [_ring(10_000)]}
    over = {"type": "Polygon", "coordinates": [_ring(10_001)]}

    assert parse_geometry(at_limit, allowed_types=ANY).num_points == 10_000
    error = refused(over)
    assert "Too many vertices" in error.message
    assert error.path == "coordinates[0][10000]"


def test_vertex_cap_is_configurable() -> None:
    error = refused({"type": "Polygon", "coordinates": [SQUARE]}, max_vertices=4)

    assert "at most 4" in error.message


def test_tuples_from_python_callers_are_accepted() -> None:
    ring = (*((x, y) for x, y in SQUARE[:-1]), [10.40, 63.43])

    area = parse_geometry(
        {"type": "Polygon", "coordinates": (ring,)}, allowed_types=AREAS
    )

    assert area.num_points == 5
