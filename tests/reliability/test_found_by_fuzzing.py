"""Regressions for what the fuzzers found, each with the request that showed it."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/sites/", "/api/v1/pilots/", "/api/v1/organizations/"]
)
def test_empty_csv_page_is_still_csv(path: str) -> None:
    # Schemathesis: GET /api/v1/organizations/?kind=cluster&format=csv&limit=1
    # answered 200 with an empty body and no Content-Type.
    response = APIClient().get(path, {"format": "csv", "q": "no-such-thing-at-all"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header = response.content.decode().splitlines()[0]
    assert "slug" in header.split(",")
