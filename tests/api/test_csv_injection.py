"""CSV exports neutralise cells a spreadsheet would run as formulas (OWASP
"CSV Injection", issue 13): text starting with = + - @ tab or CR gets a
leading single quote; numbers stay numbers."""

import csv
import io

import pytest
from django.contrib.gis.geos import Point
from rest_framework.test import APIClient

from tests.factories import OrganizationFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def rows(api_client: APIClient, url: str) -> list[dict[str, str]]:
    response = api_client.get(url, {"format": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain = text", "plain = text"),
        ("", ""),
        (-1.5, -1.5),
        (-7, -7),
        (None, None),
    ],
)
def test_neutralise_cell(value: object, written: object) -> None:
    from api.renderers import neutralise_cell

    assert neutralise_cell(value) == written


def test_site_text_cells_are_neutralised_and_coordinates_stay_numbers(
    api_client: APIClient,
) -> None:
    SiteFactory.create(
        slug="lab",
        name="=cmd|' /C calc'!A0",
        name_no="@SUM(1+1)",
        description="-2+3",
        pricing_note="+47 1234",
        location=Point(-1.5, -0.25, srid=4326),
    )

    [row] = rows(api_client, "/api/v1/sites/")

    assert row["name"] == "'=cmd|' /C calc'!A0"
    assert row["name_no"] == "'@SUM(1+1)"
    assert row["description"] == "'-2+3"
    assert row["pricing_note"] == "'+47 1234"
    assert (row["location.lon"], row["location.lat"]) == ("-1.5", "-0.25")
    assert row["slug"] == "lab"


def test_organisation_and_opportunity_exports_are_neutralised(
    api_client: APIClient,
) -> None:
    OrganizationFactory.create(slug="evil", name="=1+1", description="\tTab")
    OpportunityFactory.create(title="@everyone", summary="\r=2")

    [organisation] = [
        row
        for row in rows(api_client, "/api/v1/organizations/")
        if row["slug"] == "evil"
    ]
    [opportunity] = rows(api_client, "/api/v1/opportunities/")

    assert (organisation["name"], organisation["description"]) == ("'=1+1", "'\tTab")
    assert opportunity["title"] == "'@everyone"
    assert opportunity["summary"] == "'\r=2"
