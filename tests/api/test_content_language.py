"""`Content-Language` only on bodies that are translated: errors and messages
yes, the catalogue's data (the same in every language) no."""

import pytest

from tests.api.tile_support import tile_url
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/",
        "/api/v1/sites/?format=geojson",
        "/api/v1/sites/?format=csv",
        "/api/v1/sites/lab/",
        "/ogc/collections/sites/items",
        tile_url("sites"),
    ],
)
def test_data_bodies_have_no_content_language(client, url):
    SiteFactory.create(slug="lab")

    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 200
    assert "Content-Language" not in response


def test_a_problem_says_its_language(client):
    response = client.get("/api/v1/sites/?bbox=1,2", HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code == 400
    assert response["Content-Language"] == "nb"
