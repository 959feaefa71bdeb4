import csv
import io
import json

import pytest
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point, Polygon

from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/v1/sites/?format=geojson", {}),
        ("/api/v1/sites/", {"HTTP_ACCEPT": "application/geo+json"}),
    ],
)
def test_site_list_as_feature_collection(api_client, path, headers):
    host = OrganizationFactory(slug="ntnu")
    SiteFactory(
        slug="lab",
        name="Lab",
        host=host,
        partners=[OrganizationFactory(slug="sintef")],
        sectors=["energy"],
        sdgs=[7],
        location=Point(10.4, 63.42, srid=4326),
    )

    response = api_client.get(path, **headers)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert collection["links"] == []
    [feature] = collection["features"]
    assert feature["id"] == "lab"
    assert feature["geometry"] == {"type": "Point", "coordinates": [10.4, 63.42]}
    properties = feature["properties"]
    assert properties["host"] == "ntnu"
    assert properties["partners"] == ["sintef"]
    assert properties["sectors"] == ["energy"]
    assert properties["sdgs"] == [7]


def test_empty_feature_collection(api_client):
    collection = json.loads(api_client.get("/api/v1/sites/?format=geojson").content)

    assert collection == {"type": "FeatureCollection", "links": [], "features": []}


def test_site_detail_as_feature(api_client):
    SiteFactory(slug="lab", location=Point(10.4, 63.42, srid=4326))

    response = api_client.get("/api/v1/sites/lab/?format=geojson")

    assert response.status_code == 200
    feature = json.loads(response.content)
    assert feature["type"] == "Feature"
    assert feature["properties"]["slug"] == "lab"


def test_pilot_geojson_uses_the_area_when_present(api_client):
    area = MultiPolygon(Polygon.from_bbox((10.40, 63.41, 10.41, 63.42)))
    PilotProjectFactory(slug="area", location=Point(10.405, 63.415), area=area)
    PilotProjectFactory(slug="point", location=Point(10.3, 63.4))

    collection = json.loads(api_client.get("/api/v1/pilots/?format=geojson").content)
    by_slug = {feature["id"]: feature for feature in collection["features"]}

    assert by_slug["area"]["geometry"]["type"] == "MultiPolygon"
    assert by_slug["point"]["geometry"]["type"] == "Point"
    shape = GEOSGeometry(json.dumps(by_slug["area"]["geometry"]))
    assert shape.equals_exact(area, tolerance=1e-6)


def test_coordinates_have_six_decimals_in_json_and_geojson(api_client):
    SiteFactory(slug="precise", location=Point(10.1234567891, 63.9876543219))

    row = api_client.get("/api/v1/sites/").json()["results"][0]
    feature = json.loads(api_client.get("/api/v1/sites/?format=geojson").content)[
        "features"
    ][0]

    assert row["location"]["coordinates"] == [10.123457, 63.987654]
    assert feature["geometry"]["coordinates"] == [10.123457, 63.987654]


def test_site_list_as_csv(api_client):
    SiteFactory(
        slug="lab",
        name="Lab, with comma",
        sectors=["energy", "ocean"],
        location=Point(10.4, 63.42, srid=4326),
    )

    response = api_client.get("/api/v1/sites/?format=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    [row] = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["slug"] == "lab"
    assert row["name"] == "Lab, with comma"
    assert row["sectors"] == "energy;ocean"
    assert (row["location.lon"], row["location.lat"]) == ("10.4", "63.42")


def test_csv_errors_stay_problem_details(api_client):
    response = api_client.get("/api/v1/sites/?format=csv&bbox=1,2,3")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "bbox"


def test_geojson_errors_stay_problem_details(api_client):
    response = api_client.get("/api/v1/sites/?format=geojson&bbox=1,2,3")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_unknown_site_is_a_404_problem_in_geojson(api_client):
    response = api_client.get("/api/v1/sites/nowhere/?format=geojson")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_organizations_csv(api_client):
    OrganizationFactory(slug="ntnu", name="NTNU")

    rows = list(
        csv.DictReader(
            io.StringIO(
                api_client.get("/api/v1/organizations/?format=csv").content.decode()
            )
        )
    )

    assert [row["slug"] for row in rows] == ["ntnu"]


def test_site_detail_as_csv_is_one_row(api_client):
    SiteFactory(slug="lab", location=Point(10.4, 63.42, srid=4326))

    response = api_client.get("/api/v1/sites/lab/?format=csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["slug"] for row in rows] == ["lab"]


def test_pilot_csv_puts_an_area_in_one_geojson_column(api_client):
    area = MultiPolygon(Polygon.from_bbox((10.40, 63.41, 10.41, 63.42)))
    PilotProjectFactory(slug="area", location=None, area=area, sectors=["a", "b"])

    [row] = list(
        csv.DictReader(
            io.StringIO(api_client.get("/api/v1/pilots/?format=csv").content.decode())
        )
    )

    assert json.loads(row["area"])["type"] == "MultiPolygon"
    assert row["sectors"] == "a;b"
    assert row["slug"] == "area"
