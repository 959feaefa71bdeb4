"""Part 2: crs and bbox-crs, the Content-Crs header and axis order."""

from urllib.parse import quote

import pytest
from django.db import connection

from geo.crs import CRS84, EPSG_3857, EPSG_4326, EPSG_25832, EPSG_25833

from .conftest import OGC, body, slugs_of

ITEMS = f"{OGC}/collections/sites/items"


def _projected(lon: float, lat: float, srid: int) -> tuple[float, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform("
            "ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s) AS g) q",
            [lon, lat, srid],
        )
        x, y = cursor.fetchone()
    return x, y


def _oya(client, crs: str):
    return client.get(f"{ITEMS}/oya-lab?crs={quote(crs, safe='')}")


def test_default_crs_is_crs84_with_longitude_first(client, district):
    response = client.get(f"{ITEMS}/oya-lab")

    assert response["Content-Crs"] == f"<{CRS84}>"
    assert body(response)["geometry"]["coordinates"] == [10.389, 63.4205]


def test_epsg_4326_answers_latitude_first(client, district):
    response = _oya(client, EPSG_4326)

    assert response["Content-Crs"] == f"<{EPSG_4326}>"
    assert body(response)["geometry"]["coordinates"] == [63.4205, 10.389]


@pytest.mark.parametrize("crs", [EPSG_25832, EPSG_25833, EPSG_3857])
def test_projected_crs_is_reprojected_by_postgis(client, district, crs):
    srid = int(crs.rsplit("/", 1)[1])

    response = _oya(client, crs)

    assert response["Content-Crs"] == f"<{crs}>"
    x, y = body(response)["geometry"]["coordinates"]
    assert (x, y) == pytest.approx(_projected(10.389, 63.4205, srid), abs=0.001)


def test_items_page_in_a_projected_crs_reprojects_every_feature(client, district):
    response = client.get(f"{ITEMS}?crs={quote(EPSG_25832, safe='')}")

    assert response["Content-Crs"] == f"<{EPSG_25832}>"
    for feature in body(response)["features"]:
        x, y = feature["geometry"]["coordinates"]
        assert 500_000 < x < 600_000  # eastings near 10.4 E in zone 32
        assert 7_000_000 < y < 7_100_000


def test_bbox_crs_in_utm_selects_the_same_sites(client, district):
    west, south = _projected(10.38, 63.41, 25832)
    east, north = _projected(10.41, 63.43, 25832)
    crs = quote(EPSG_25832, safe="")

    response = client.get(f"{ITEMS}?bbox={west},{south},{east},{north}&bbox-crs={crs}")

    assert sorted(slugs_of(response)) == ["gloshaugen-arena", "oya-lab"]


def test_bbox_crs_epsg_4326_reads_latitude_first(client, district):
    crs = quote(EPSG_4326, safe="")

    lat_first = client.get(f"{ITEMS}?bbox=63.41,10.38,63.43,10.41&bbox-crs={crs}")
    lon_first = client.get(f"{ITEMS}?bbox=10.38,63.41,10.41,63.43&bbox-crs={crs}")

    assert sorted(slugs_of(lat_first)) == ["gloshaugen-arena", "oya-lab"]
    # Read as latitude first, this box lies in the Indian Ocean.
    assert slugs_of(lon_first) == []


def test_unsupported_crs_is_a_400_problem(client, db):
    for parameter in ("crs", "bbox-crs"):
        url = f"{ITEMS}?{parameter}=http://www.opengis.net/def/crs/EPSG/0/2154"
        response = client.get(
            url + ("&bbox=0,0,1,1" if parameter == "bbox-crs" else "")
        )
        assert response.status_code == 400
        assert body(response)["errors"][0]["field"] == parameter


@pytest.mark.parametrize(
    ("crs", "bbox"),
    [
        (EPSG_3857, "-1e20,-1e20,1e20,1e20"),
        (EPSG_25832, "-2.09e7,-2.09e7,2.09e7,2.09e7"),
    ],
)
def test_bbox_outside_its_crs_area_is_a_400_problem(client, db, crs, bbox):
    response = client.get(f"{ITEMS}?bbox={bbox}&bbox-crs={quote(crs, safe='')}")

    assert response.status_code == 400
    assert body(response)["errors"][0]["field"] == "bbox"
