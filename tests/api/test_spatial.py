import json
from urllib.parse import quote

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from tests.api.catalogue_support import error_fields, point_at, slugs
from tests.factories import PilotProjectFactory, SiteFactory

pytestmark = pytest.mark.django_db

CENTRE = (10.4025, 63.4190)  # Gløshaugen, 63°N


def site_at(slug: str, point: Point, **fields):
    return SiteFactory(slug=slug, name=slug, location=point, **fields)


def test_near_uses_geodesic_metres_at_63_degrees_north(api_client):
    # Given sites 990 m and 1010 m away, east-west and north-south
    for azimuth in (0, 90, 180, 270):
        site_at(f"in-{azimuth}", point_at(*CENTRE, metres=990, azimuth_deg=azimuth))
        site_at(f"out-{azimuth}", point_at(*CENTRE, metres=1010, azimuth_deg=azimuth))

    # When asking for 1000 m around the centre
    response = api_client.get("/api/v1/sites/?near=10.4025,63.4190&radius=1000")

    # Then exactly the four at 990 m come back, each about 990 m away
    assert response.status_code == 200
    results = response.json()["results"]
    assert sorted(row["slug"] for row in results) == [
        "in-0",
        "in-180",
        "in-270",
        "in-90",
    ]
    for row in results:
        assert row["distance_m"] == pytest.approx(990, abs=0.5)


def test_near_orders_nearest_first_with_distances(api_client):
    for metres in (400, 100, 250):
        site_at(f"at-{metres}", point_at(*CENTRE, metres=metres, azimuth_deg=45))

    results = api_client.get("/api/v1/sites/?near=10.4025,63.4190&radius=500").json()[
        "results"
    ]

    assert [row["slug"] for row in results] == ["at-100", "at-250", "at-400"]
    distances = [row["distance_m"] for row in results]
    assert distances == pytest.approx([100, 250, 400], abs=0.5)


def test_near_geojson_features_carry_distance(api_client):
    site_at("close", point_at(*CENTRE, metres=120, azimuth_deg=10))

    body = json.loads(
        api_client.get(
            "/api/v1/sites/?near=10.4025,63.4190&radius=500&format=geojson"
        ).content
    )

    assert body["features"][0]["properties"]["distance_m"] == pytest.approx(
        120, abs=0.5
    )


def test_near_pages_keep_the_distance_order(api_client):
    for metres in range(100, 1000, 100):
        site_at(f"d{metres:04d}", point_at(*CENTRE, metres=metres, azimuth_deg=200))

    seen = []
    url = "/api/v1/sites/?near=10.4025,63.4190&radius=2000&limit=4"
    while url:
        body = api_client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url = body["next"]

    assert seen == [f"d{m:04d}" for m in range(100, 1000, 100)]


def test_pilots_near_use_their_area_when_they_have_no_point(api_client):
    area = MultiPolygon(Polygon.from_bbox((10.4020, 63.4185, 10.4030, 63.4195)))
    PilotProjectFactory(slug="area-only", location=None, area=area)
    PilotProjectFactory(
        slug="far", location=point_at(*CENTRE, metres=5000, azimuth_deg=0)
    )

    response = api_client.get("/api/v1/pilots/?near=10.4025,63.4190&radius=100")

    assert slugs(response) == ["area-only"]
    assert response.json()["results"][0]["distance_m"] == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("near=10.4,63.4", "radius"),
        ("radius=100", "near"),
        ("near=10.4&radius=100", "near"),
        ("near=ten,63&radius=100", "near"),
        ("near=190,63&radius=100", "near"),
        ("near=10.4,95&radius=100", "near"),
        ("near=nan,63&radius=100", "near"),
        ("near=10.4,63.4&radius=-5", "radius"),
        ("near=10.4,63.4&radius=far", "radius"),
        ("near=10.4,63.4&radius=1000000", "radius"),
    ],
)
def test_malformed_near_is_a_400_naming_the_parameter(api_client, query, field):
    response = api_client.get(f"/api/v1/sites/?{query}")

    assert response.status_code == 400
    assert field in error_fields(response)


def test_bbox_keeps_sites_inside(api_client):
    site_at("inside", Point(10.40, 63.42, srid=4326))
    site_at("outside", Point(10.50, 63.42, srid=4326))

    response = api_client.get("/api/v1/sites/?bbox=10.39,63.41,10.41,63.43")

    assert slugs(response) == ["inside"]


def test_bbox_for_pilots_matches_points_and_areas(api_client):
    PilotProjectFactory(slug="point", location=Point(10.40, 63.42, srid=4326))
    PilotProjectFactory(
        slug="area",
        location=None,
        area=MultiPolygon(Polygon.from_bbox((10.405, 63.425, 10.45, 63.45))),
    )
    PilotProjectFactory(slug="away", location=Point(11.0, 64.0, srid=4326))

    response = api_client.get("/api/v1/pilots/?bbox=10.39,63.41,10.41,63.43")

    assert sorted(slugs(response)) == ["area", "point"]


def test_bbox_with_no_match_is_an_empty_page(api_client):
    site_at("somewhere", Point(10.40, 63.42, srid=4326))

    response = api_client.get("/api/v1/sites/?bbox=0,0,1,1")

    assert response.status_code == 200
    assert response.json() == {"next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    "bbox",
    [
        "10.41,63.41,10.39,63.43",  # minLon > maxLon
        "10.39,63.43,10.41,63.41",  # minLat > maxLat
        "63.41,10.39,63.43",  # three numbers
        "10.39,63.41,10.41,63.43,1",  # five numbers
        "-181,63,10,64",  # lon out of range
        "10,63,181,64",
        "10,-91,11,64",  # lat out of range
        "10,63,11,91",
        "a,b,c,d",
        "10,63,inf,64",
    ],
)
def test_malformed_bbox_is_a_400_naming_bbox(api_client, bbox):
    response = api_client.get(f"/api/v1/sites/?bbox={bbox}")

    assert response.status_code == 400
    assert error_fields(response) == {"bbox"}


def test_bbox_message_explains_the_order(api_client):
    response = api_client.get("/api/v1/sites/?bbox=10.41,63.41,10.39,63.43")

    message = response.json()["errors"][0]["message"]
    assert "minLon,minLat,maxLon,maxLat" in message


def test_intersects_filters_by_a_geojson_geometry(api_client):
    site_at("inside", Point(10.40, 63.42, srid=4326))
    site_at("outside", Point(10.50, 63.42, srid=4326))
    geometry = {
        "type": "Polygon",
        "coordinates": [
            [
                [10.39, 63.41],
                [10.41, 63.41],
                [10.41, 63.43],
                [10.39, 63.43],
                [10.39, 63.41],
            ]
        ],
    }

    response = api_client.get(
        f"/api/v1/sites/?intersects={quote(json.dumps(geometry))}"
    )

    assert response.status_code == 200
    assert slugs(response) == ["inside"]


@pytest.mark.parametrize(
    "geometry",
    [
        "not json",
        json.dumps(
            {
                "type": "Polygon",
                "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]],
            }
        ),
        json.dumps({"type": "Point", "coordinates": [200, 63]}),
        json.dumps({"type": "Circle", "coordinates": [10, 63]}),
    ],
)
def test_invalid_intersects_geometry_is_a_400_naming_intersects(api_client, geometry):
    response = api_client.get(f"/api/v1/sites/?intersects={quote(geometry)}")

    assert response.status_code == 400
    assert error_fields(response) == {"intersects"}


def test_self_intersection_reason_is_returned(api_client):
    bowtie = {
        "type": "Polygon",
        "coordinates": [
            [[10.0, 63.0], [10.2, 63.2], [10.2, 63.0], [10.0, 63.2], [10.0, 63.0]]
        ],
    }

    response = api_client.get(f"/api/v1/sites/?intersects={quote(json.dumps(bowtie))}")

    assert "Self-intersection" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("selector", "index"),
    [
        ("site_list", "site_location_geog_gist"),
        ("pilot_list", "pilot_position_geog_gist"),
    ],
)
def test_near_uses_the_geography_index(selector, index):
    from django.db import connection

    from pilots.selectors import catalogue as selectors

    queryset = selectors.near_filter(
        getattr(selectors, selector)(), lon=10.4, lat=63.4, radius_m=1000
    )
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert index in plan


def test_intersects_matches_pilot_areas(api_client):
    PilotProjectFactory(
        slug="area",
        location=None,
        area=MultiPolygon(Polygon.from_bbox((10.40, 63.41, 10.42, 63.43))),
    )
    PilotProjectFactory(slug="far", location=Point(11.0, 64.0, srid=4326))
    point = {"type": "Point", "coordinates": [10.41, 63.42]}

    response = api_client.get(f"/api/v1/pilots/?intersects={quote(json.dumps(point))}")

    assert slugs(response) == ["area"]
