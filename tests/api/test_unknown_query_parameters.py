"""A list answers 400 to a query parameter it does not know (a typo such as
`?sectors=` for `sector` used to return every row), naming it and listing the
known ones; format, cursor, limit and the documented filters still work."""

import pytest

from tests.api.catalogue_support import error_fields, slugs
from tests.api.owner_support import client_for, make_member
from tests.api.tile_support import tile_url
from tests.factories import (
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = [
    "/api/v1/sites/",
    "/api/v1/sites/?format=geojson",
    "/api/v1/sites/?format=csv",
    "/api/v1/pilots/",
    "/api/v1/organizations/",
    "/api/v1/opportunities/",
    "/api/v1/zones/",
    "/api/v1/zones/?format=geojson",
    "/api/v1/sectors/",
    "/api/v1/sdgs/",
    "/api/v1/trl-levels/",
]
OWNER_LISTS = [
    "/api/v1/subscriptions/",
    "/api/v1/notifications/",
    "/api/v1/pilots/owned/history/",
    "/api/v1/pilots/owned/transitions/",
    "/api/v1/pilots/owned/collaborators/",
    "/api/v1/organizations/org/members/",
]


def _with(url: str, query: str) -> str:
    return url + ("&" if "?" in url else "?") + query


def _unknown_parameter_problem(response, name: str) -> str:
    assert response.status_code == 400, response.content
    assert error_fields(response) == {name}
    return response.json()["errors"][0]["message"]


def test_a_typo_in_a_filter_is_a_400_naming_it_and_the_known_ones(api_client):
    SiteFactory.create(slug="mobility-arena", sectors=["mobility"])
    SiteFactory.create(slug="health-lab", sectors=["health"])

    typo = api_client.get("/api/v1/sites/?sectors=mobility")
    right = api_client.get("/api/v1/sites/?sector=mobility")

    message = _unknown_parameter_problem(typo, "sectors")
    for known in ("sector", "bbox", "near", "cursor", "limit", "format"):
        assert known in message
    assert slugs(right) == ["mobility-arena"]


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_every_public_list_rejects_an_unknown_parameter(api_client, url):
    assert api_client.get(url).status_code == 200

    response = api_client.get(_with(url, "colour=red"))

    _unknown_parameter_problem(response, "colour")


@pytest.mark.parametrize("url", OWNER_LISTS)
def test_every_signed_in_list_rejects_an_unknown_parameter(url):
    owner = make_member(OrganizationFactory.create(slug="org"))
    PilotProjectFactory.create(slug="owned", owner=owner)
    client = client_for(owner)
    assert client.get(url).status_code == 200

    response = client.get(_with(url, "colour=red"))

    _unknown_parameter_problem(response, "colour")


def test_known_paging_and_view_parameters_are_accepted():
    owner = UserFactory.create()
    client = client_for(owner)

    assert client.get("/api/v1/notifications/?unread=true&limit=5").status_code == 200
    assert client.get("/api/v1/subscriptions/?limit=5&format=json").status_code == 200


def test_tiles_reject_an_unknown_filter(client):
    assert client.get(tile_url("sites", query="sector=mobility&v=1")).status_code in (
        200,
        204,
    )

    response = client.get(tile_url("sites", query="sectors=mobility"))

    _unknown_parameter_problem(response, "sectors")
