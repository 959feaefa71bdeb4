"""Q1-Q5: the same question asked of the registry and of the floor."""

import math
from dataclasses import dataclass

from .data import AREA

CENTRE = (10.40, 63.415)
NEAR = (10.40, 63.42)


def _box(fraction: float) -> tuple[float, float, float, float]:
    """A box around the centre covering `fraction` of AREA."""
    min_lon, min_lat, max_lon, max_lat = AREA
    scale = math.sqrt(fraction)
    half_w, half_h = (max_lon - min_lon) * scale / 2, (max_lat - min_lat) * scale / 2
    lon, lat = CENTRE
    return (
        round(lon - half_w, 6),
        round(lat - half_h, 6),
        round(lon + half_w, 6),
        round(lat + half_h, 6),
    )


def tile_at(lon: float, lat: float, z: int) -> tuple[int, int, int]:
    """The z/x/y Web Mercator tile holding lon/lat."""
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return z, x, y


BBOX_10_PERCENT = ",".join(map(str, _box(0.10)))
BBOX_ALL = ",".join(map(str, AREA))
TILE = tile_at(*CENTRE, 14)


@dataclass(frozen=True)
class Query:
    key: str
    title: str
    candidate: str  # path and query string on the registry
    floor: str  # path and query string on the floor app
    kind: str  # "geojson" or "mvt"
    target_ratio: float | None  # median latency, candidate / floor
    weight: float = 1.0  # share of the sequential requests (big answers: fewer)
    # The registry's tile cache is emptied before each of its requests (a
    # rendered tile, as before the cache); no wrk run, it cannot empty it.
    cold: bool = False

    @property
    def plain(self) -> str:
        """The same question of the plain floor (one table, the answer's columns)."""
        return "/plain" + self.floor

    @property
    def plain_target_ratio(self) -> float | None:
        """Median latency, candidate / plain floor (issue 17)."""
        return PLAIN_TARGETS.get(self.key)


# Targets against the plain floor; Q4's is for a warm tile (the tile cache).
PLAIN_TARGETS = {"Q1": 1.3, "Q2": 1.2, "Q3": 1.5, "Q4": 1.0, "Q5": 1.5}
# Throughput (wrk) on Q1 against the plain floor's, at least.
PLAIN_THROUGHPUT_TARGET = 0.8


QUERIES = (
    Query(
        "Q1",
        "bbox ~10 % of the area, 1 000 features, GeoJSON",
        f"/api/v1/sites/?bbox={BBOX_10_PERCENT}&format=geojson&limit=1000",
        f"/sites.geojson?bbox={BBOX_10_PERCENT}&limit=1000",
        "geojson",
        1.3,
    ),
    Query(
        "Q2",
        "10 000 features, GeoJSON",
        f"/api/v1/sites/?bbox={BBOX_ALL}&format=geojson&limit=10000",
        f"/sites.geojson?bbox={BBOX_ALL}&limit=10000",
        "geojson",
        1.2,
        weight=0.4,
    ),
    Query(
        "Q3",
        "50 nearest within 1 000 m of (10.40, 63.42), with distances",
        f"/api/v1/sites/?near={NEAR[0]},{NEAR[1]}&radius=1000&format=geojson&limit=50",
        f"/near.geojson?near={NEAR[0]},{NEAR[1]}&radius=1000&limit=50",
        "geojson",
        2.0,
    ),
    Query(
        "Q4",
        f"vector tile z{TILE[0]}/{TILE[1]}/{TILE[2]} over the centre, warm "
        "(from the tile cache)",
        "/tiles/sites/{}/{}/{}.mvt".format(*TILE),
        "/tiles/{}/{}/{}.mvt".format(*TILE),
        "mvt",
        1.0,
    ),
    Query(
        "Q4-cold",
        f"vector tile z{TILE[0]}/{TILE[1]}/{TILE[2]}, cold (tile cache emptied "
        "before each request)",
        "/tiles/sites/{}/{}/{}.mvt".format(*TILE),
        "/tiles/{}/{}/{}.mvt".format(*TILE),
        "mvt",
        2.5,
        cold=True,
    ),
    Query(
        "Q5",
        "OGC API items page of 1 000 features",
        f"/ogc/collections/sites/items?bbox={BBOX_10_PERCENT}&limit=1000",
        f"/ogc/items?bbox={BBOX_10_PERCENT}&limit=1000",
        "geojson",
        1.5,
    ),
)
