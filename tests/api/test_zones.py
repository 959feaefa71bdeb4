import json

import pytest
from django.contrib.gis.geos import GEOSGeometry

from geo.models import Zone

pytestmark = pytest.mark.django_db

ZONE_SLUGS = {"oya", "elgeseter", "gloshaugen", "sorgenfri", "sluppen"}


def test_zones_list_as_json(api_client, zones):
    response = api_client.get("/api/v1/zones/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert {zone["slug"] for zone in body} == ZONE_SLUGS
    assert body[0]["area"]["type"] == "MultiPolygon"


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/v1/zones/?format=geojson", {}),
        ("/api/v1/zones/", {"HTTP_ACCEPT": "application/geo+json"}),
    ],
)
def test_zones_list_as_geojson_feature_collection(api_client, zones, path, headers):
    response = api_client.get(path, **headers)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert {feature["id"] for feature in collection["features"]} == ZONE_SLUGS
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"slug", "name"}
        shape = GEOSGeometry(json.dumps(feature["geometry"]))
        assert shape.valid
        stored = Zone.objects.get(slug=feature["id"]).area
        assert shape.equals_exact(stored, tolerance=1e-6)


def test_geojson_coordinates_have_at_most_six_decimals(api_client, zones):
    Zone.objects.filter(slug="oya").update(
        area=GEOSGeometry(
            "MULTIPOLYGON(((10.1234567891 63.1,10.2 63.1,10.2 63.2,"
            "10.1234567891 63.1)))",
            srid=4326,
        )
    )

    feature = json.loads(api_client.get("/api/v1/zones/oya/?format=geojson").content)

    assert feature["geometry"]["coordinates"][0][0][0] == [10.123457, 63.1]


def test_zone_detail_as_geojson_feature(api_client, zones):
    response = api_client.get(
        "/api/v1/zones/gloshaugen/", HTTP_ACCEPT="application/geo+json"
    )

    assert response.status_code == 200
    feature = json.loads(response.content)
    assert feature["type"] == "Feature"
    assert feature["properties"]["name"] == "Gløshaugen"


def test_unknown_zone_is_a_problem_404(api_client, zones):
    response = api_client.get("/api/v1/zones/atlantis/?format=geojson")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_zones_are_read_only(api_client, zones, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x-long-password")
    api_client.force_authenticate(user)

    response = api_client.post("/api/v1/zones/", {"slug": "new", "name": "New"})

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert Zone.objects.count() == 5


def test_loading_twice_adds_no_duplicates(zones, district_data):
    from pilots.services.district import zones_load

    zones_load(path=district_data / "trondheim_district.geojson")

    assert Zone.objects.count() == 5
