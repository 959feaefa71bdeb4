import json
from pathlib import Path

import pytest
from django.contrib.gis.geos import GEOSGeometry, LineString, Point, Polygon

from geo.selectors import zone_containing

pytestmark = pytest.mark.django_db


def _sites_in_zones(district_data: Path) -> list[tuple[str, Point]]:
    sites = json.loads((district_data / "trondheim_sites.json").read_text())["sites"]
    return [
        (site["zone"], Point(site["lon"], site["lat"], srid=4326))
        for site in sites
        if site["zone"]
    ]


def test_each_listed_site_lies_in_the_zone_the_data_names(
    zones: int, district_data: Path
) -> None:
    expected = _sites_in_zones(district_data)

    found = [(slug, getattr(zone_containing(p), "slug", None)) for slug, p in expected]

    assert len(expected) == 21
    assert [slug for slug, _ in found] == [zone for zone, _ in found]


def test_point_outside_every_zone_has_no_zone(zones: int) -> None:
    tyholt = Point(10.4318, 63.4222, srid=4326)

    assert zone_containing(tyholt) is None


def test_polygon_uses_a_point_on_its_surface(zones: int) -> None:
    # A C-shaped polygon whose centroid falls outside it would still be placed
    # by a point on its surface; here: a small square inside Sluppen.
    square = Polygon.from_bbox((10.3985, 63.3975, 10.3995, 63.3985))
    square.srid = 4326

    zone = zone_containing(square)

    assert zone is not None
    assert zone.slug == "sluppen"


def test_geometry_in_another_crs_is_transformed(zones: int) -> None:
    gloshaugen_utm = GEOSGeometry("POINT (570044.8 7032997.9)", srid=25832)

    zone = zone_containing(gloshaugen_utm)

    assert zone is not None
    assert zone.slug == "gloshaugen"


def test_missing_or_empty_geometry_has_no_zone(zones: int) -> None:
    assert zone_containing(None) is None
    assert zone_containing(LineString(srid=4326)) is None
