"""Page, item and tile statements run prepared, with binary results; the
bytes are those of Django's own cursor."""

import json

import pytest
from django.contrib.gis.geos import Point
from django.db import connection

from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

NEAR = "/api/v1/sites/?format=geojson&near=10.40,63.42&radius=5000&limit=2"


def _prepared() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def sites() -> None:
    for index, name in enumerate(("Øya helselab", "Gløshaugen æøå test", "Sluppen")):
        SiteFactory(name=name, location=Point(10.40 + index / 1000, 63.42, srid=4326))


@pytest.mark.usefixtures("sites")
def test_a_near_page_is_read_by_a_prepared_statement(client) -> None:
    before = _prepared()

    response = client.get(NEAR)

    assert response.status_code == 200
    new = [text for text in _prepared() if text not in before]
    assert any(text.startswith("WITH page AS MATERIALIZED") for text in new)
    assert all("$1" in text for text in new)  # values are parameters


@pytest.mark.usefixtures("sites")
def test_the_bytes_are_the_same_without_prepared_statements(client, settings) -> None:
    prepared = client.get(NEAR)
    settings.PREPARED_READS = False
    plain = client.get(NEAR)

    assert prepared.content == plain.content
    features = json.loads(prepared.content)["features"]
    assert [f["properties"]["name"] for f in features] == [
        "Øya helselab",
        "Gløshaugen æøå test",
    ]
    assert (
        features[0]["properties"]["distance_m"]
        < features[1]["properties"]["distance_m"]
    )
