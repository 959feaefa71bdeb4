"""Hypothesis strategies for hostile GeoJSON geometries.

Valid shapes around Trondheim next to invalid, degenerate, huge, non-finite, 3D,
wrongly wound, unclosed and mixed-type ones, plus values that are not geometries.
"""

from typing import Any

from hypothesis import strategies as st

# Around Trondheim Tech Port (lon, lat).
LON = st.floats(min_value=10.35, max_value=10.45)
LAT = st.floats(min_value=63.40, max_value=63.44)

HOSTILE_NUMBERS = st.one_of(
    st.just(float("nan")),
    st.just(float("inf")),
    st.just(float("-inf")),
    st.just(1e308),
    st.just(-1e308),
    st.just(181.0),
    st.just(-91.0),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(max_size=5),
    st.none(),
    st.booleans(),
)

GOOD_POSITION = st.tuples(LON, LAT).map(list)
POSITION = st.one_of(
    GOOD_POSITION,
    GOOD_POSITION,
    st.tuples(LON, LAT, st.floats(-100, 100)).map(list),  # 3D
    st.tuples(LON, LAT, st.floats(-100, 100), st.floats(0, 1)).map(list),  # 4D
    st.tuples(LON).map(list),  # 1D
    st.just([]),
    st.lists(HOSTILE_NUMBERS, min_size=2, max_size=3),
    st.tuples(HOSTILE_NUMBERS, LAT).map(list),
    st.tuples(LON, HOSTILE_NUMBERS).map(list),
)


def _closed(ring: list[Any]) -> list[Any]:
    return [*ring, ring[0]] if ring else ring


@st.composite
def good_ring(draw: st.DrawFn) -> list[list[float]]:
    """A small convex ring (counter-clockwise), closed."""
    lon = draw(LON)
    lat = draw(LAT)
    size = draw(st.floats(min_value=1e-6, max_value=0.01))
    ring = [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
    ]
    if draw(st.booleans()):
        ring.reverse()  # clockwise: wrong winding for RFC 7946, still valid
    return _closed(ring)


@st.composite
def bad_ring(draw: st.DrawFn) -> list[Any]:
    lon = draw(LON)
    lat = draw(LAT)
    size = draw(st.floats(min_value=0, max_value=0.01))
    kind = draw(
        st.sampled_from(
            ["bowtie", "unclosed", "two_points", "zero_area", "spike", "random"]
        )
    )
    if kind == "bowtie":
        return _closed(
            [[lon, lat], [lon + size, lat + size], [lon + size, lat], [lon, lat + size]]
        )
    if kind == "unclosed":
        return [[lon, lat], [lon + size, lat], [lon + size, lat + size]]
    if kind == "two_points":
        return _closed([[lon, lat]])
    if kind == "zero_area":
        return _closed([[lon, lat], [lon + size, lat], [lon + 2 * size, lat]])
    if kind == "spike":
        return _closed(
            [
                [lon, lat],
                [lon + size, lat],
                [lon + size, lat + size],
                [lon + size, lat + 2 * size],
                [lon + size, lat + size],
                [lon, lat + size],
            ]
        )
    return draw(st.lists(POSITION, max_size=8))


RING = st.one_of(good_ring(), good_ring(), bad_ring())
POLYGON_COORDINATES = st.lists(RING, min_size=0, max_size=3)


@st.composite
def huge_polygon(draw: st.DrawFn) -> dict[str, Any]:
    """A valid circle-like ring with more vertices than any cap allows."""
    import math

    count = draw(st.sampled_from([10_001, 20_000]))
    lon, lat = draw(LON), draw(LAT)
    ring = [
        [
            lon + 0.01 * math.cos(2 * math.pi * i / count),
            lat + 0.005 * math.sin(2 * math.pi * i / count),
        ]
        for i in range(count)
    ]
    return {"type": "Polygon", "coordinates": [_closed(ring)]}


def _geometry(kind: str, coordinates: st.SearchStrategy) -> st.SearchStrategy:
    return st.fixed_dictionaries({"type": st.just(kind), "coordinates": coordinates})


SIMPLE_GEOMETRY = st.one_of(
    _geometry("Point", POSITION),
    _geometry("MultiPoint", st.lists(POSITION, max_size=5)),
    _geometry("LineString", st.lists(POSITION, max_size=6)),
    _geometry("MultiLineString", st.lists(st.lists(POSITION, max_size=4), max_size=3)),
    _geometry("Polygon", POLYGON_COORDINATES),
    _geometry("MultiPolygon", st.lists(POLYGON_COORDINATES, max_size=3)),
)

ODD_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.just({}),
    st.just({"type": "Point"}),
    st.just({"coordinates": [10.4, 63.4]}),
    st.just({"type": "Circle", "coordinates": [10.4, 63.4]}),
    st.just(
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 63]}}
    ),
    st.just({"type": "Point", "coordinates": "10.4,63.4"}),
    st.just({"type": "Point", "coordinates": [[10.4, 63.4]]}),
    st.just({"type": "Polygon", "coordinates": [10.4, 63.4]}),
    st.just({"type": "Point", "coordinates": [1e400, 63.4]}),  # inf after JSON
    st.just(
        {
            "type": "Point",
            "coordinates": [10.4, 63.4],
            "crs": {"type": "name", "properties": {"name": "EPSG:3857"}},
        }
    ),
)

VALID_GEOMETRY = st.one_of(
    _geometry("Point", GOOD_POSITION),
    _geometry("Polygon", good_ring().map(lambda ring: [ring])),
    _geometry("MultiPolygon", good_ring().map(lambda ring: [[ring]])),
    _geometry("LineString", st.lists(GOOD_POSITION, min_size=2, max_size=5)),
)

GEOMETRY = st.one_of(
    VALID_GEOMETRY,
    VALID_GEOMETRY,
    SIMPLE_GEOMETRY,
    SIMPLE_GEOMETRY,
    st.fixed_dictionaries(
        {
            "type": st.just("GeometryCollection"),
            "geometries": st.lists(SIMPLE_GEOMETRY, max_size=3),
        }
    ),
    ODD_VALUES,
    huge_polygon(),
)
