"""`?format=` wins over the Accept header: GDAL asks for
`…/sites/?format=geojson` with `Accept: application/json` and used to get 406."""

import json
import subprocess

import pytest

from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "accept", "content_type"),
    [
        ("format=geojson", "application/json", "application/geo+json"),
        ("format=geojson", "text/csv", "application/geo+json"),
        ("format=csv", "application/json", "text/csv; charset=utf-8"),
        ("format=json", "application/geo+json", "application/json"),
        ("", "application/geo+json", "application/geo+json"),
        ("", "application/json", "application/json"),
    ],
)
def test_format_parameter_then_accept(api_client, query, accept, content_type):
    SiteFactory.create(slug="lab")

    response = api_client.get(f"/api/v1/sites/?{query}", HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type


def test_format_wins_on_a_detail_too(api_client):
    SiteFactory.create(slug="lab")

    response = api_client.get(
        "/api/v1/sites/lab/?format=geojson", HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 200
    assert json.loads(response.content)["type"] == "Feature"


def test_unknown_format_is_a_404_problem(api_client):
    response = api_client.get("/api/v1/sites/?format=kml")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_gdal_geojson_driver_reads_the_site_list(
    transactional_db, live_server, tmp_path
):
    SiteFactory.create(slug="lab", name="Lab")
    SiteFactory.create(slug="arena", name="Arena")
    target = tmp_path / "sites.gpkg"

    result = subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "GPKG",
            str(target),
            f"{live_server.url}/api/v1/sites/?format=geojson",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    listing = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-q", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout

    assert "slug (String) = lab" in listing
    assert "slug (String) = arena" in listing
    assert "POINT (" in listing


@pytest.mark.django_db
def test_an_empty_format_is_a_404_like_an_unknown_one() -> None:
    """Schemathesis (seed 20261204) sent `?format=`, which the schema's enum
    rules out; it was answered as JSON."""
    from rest_framework.test import APIClient

    response = APIClient().get("/api/v1/sites/?format=")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
