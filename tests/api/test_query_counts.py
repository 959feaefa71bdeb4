import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(api_client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_catalogue(count: int) -> None:
    partner = OrganizationFactory()
    for _ in range(count):
        site = SiteFactory(partners=[partner], sectors=["energy"])
        PilotProjectFactory(partners=[partner], sites=[site])


# Expected counts: the page (+ one per prefetched relation); GeoJSON: one
# statement, the page with its link keys built by PostGIS (for `near` too: the
# nearest-first bound of the page is a subquery).
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/sites/?limit=100", 2),
        ("/api/v1/pilots/?limit=100", 3),
        ("/api/v1/organizations/?limit=100", 1),
        ("/api/v1/sites/?format=geojson", 1),
        ("/api/v1/pilots/?format=geojson", 1),
        ("/api/v1/sites/?format=csv", 2),
        ("/api/v1/sites/?near=10.4025,63.4190&radius=5000&q=site&limit=100", 2),
        ("/api/v1/sites/?near=10.4025,63.4190&radius=5000&format=geojson", 1),
    ],
)
def test_list_query_count_does_not_grow_with_the_page(
    api_client, django_assert_num_queries, url, expected
):
    make_catalogue(2)
    with django_assert_num_queries(expected):
        api_client.get(url)

    make_catalogue(30)
    with django_assert_num_queries(expected):
        response = api_client.get(url)

    assert response.status_code == 200


def test_signed_in_list_adds_only_the_session_lookups(api_client, django_user_model):
    make_catalogue(3)
    user = django_user_model.objects.create_user("reader", password="a-long-password")
    api_client.force_login(user)
    few = count_queries(api_client, "/api/v1/pilots/")

    make_catalogue(30)

    assert count_queries(api_client, "/api/v1/pilots/") == few
