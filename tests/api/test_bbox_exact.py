"""bbox filters are exact: `&&` compares the index's single-precision boxes and
lets in points a few millionths of a degree outside; every bbox also tests the
geometry itself."""

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.db import connection

from pilots.models import Site
from pilots.selectors.catalogue import bbox_filter
from tests.api.catalogue_support import slugs
from tests.api.ogc.conftest import OGC, slugs_of
from tests.api.tile_support import features, tile_url
from tests.factories import GLOSHAUGEN, PilotProjectFactory, SiteFactory

pytestmark = pytest.mark.django_db

# The box ends at 63.426; the outside point is 0.000002° (22 cm) north of it.
BOX = "10.39,63.41,10.41,63.426"
INSIDE = Point(10.40, 63.425998, srid=4326)
JUST_OUTSIDE = Point(10.40, 63.426002, srid=4326)


def two_sites() -> None:
    SiteFactory.create(slug="inside", name="inside", location=INSIDE)
    SiteFactory.create(slug="outside", name="outside", location=JUST_OUTSIDE)


def test_sites_bbox_leaves_out_a_point_just_outside(api_client):
    two_sites()

    response = api_client.get(f"/api/v1/sites/?bbox={BOX}")

    assert response.status_code == 200
    assert slugs(response) == ["inside"]


def test_sites_geojson_bbox_leaves_out_a_point_just_outside(api_client):
    two_sites()

    response = api_client.get(f"/api/v1/sites/?bbox={BOX}&format=geojson")

    assert slugs(response) == ["inside"]


def test_pilots_bbox_is_exact_for_points_and_areas(api_client):
    PilotProjectFactory.create(slug="inside", location=INSIDE)
    PilotProjectFactory.create(slug="outside", location=JUST_OUTSIDE)
    beyond = Polygon.from_bbox((10.40, 63.426002, 10.41, 63.43))
    PilotProjectFactory.create(
        slug="area-outside", location=None, area=MultiPolygon(beyond, srid=4326)
    )

    response = api_client.get(f"/api/v1/pilots/?bbox={BOX}")

    assert slugs(response) == ["inside"]


def test_tile_bbox_filter_is_exact(client):
    near = Point(GLOSHAUGEN[0], GLOSHAUGEN[1] + 0.000002, srid=4326)
    SiteFactory.create(name="on-edge", location=Point(*GLOSHAUGEN, srid=4326))
    SiteFactory.create(name="beyond", location=near)
    lon, lat = GLOSHAUGEN
    query = f"bbox={lon - 0.01},{lat - 0.01},{lon + 0.01},{lat}"

    response = client.get(tile_url("sites", query=query))

    assert set(features(response, "sites")) == {"on-edge"}


def test_ogc_bbox_leaves_out_a_point_just_outside(client):
    two_sites()

    response = client.get(f"{OGC}/collections/sites/items?bbox={BOX}")

    assert response.status_code == 200
    assert slugs_of(response) == ["inside"]


def test_ogc_cql2_bbox_leaves_out_a_point_just_outside(client):
    two_sites()

    response = client.get(
        f"{OGC}/collections/sites/items",
        {"filter": f"S_INTERSECTS(geometry, BBOX({BOX}))"},
    )

    assert response.status_code == 200, response.content
    assert slugs_of(response) == ["inside"]


def test_exact_bbox_still_uses_the_spatial_index():
    two_sites()
    queryset = bbox_filter(Site.objects.all(), bbox=(10.39, 63.41, 10.41, 63.426))

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()

    assert "Index Cond: ((location && " in plan
    assert "st_intersects(location" in plan
