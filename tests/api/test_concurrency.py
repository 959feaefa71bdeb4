"""ETag on detail responses; If-Match that does not match is a 412 and changes
nothing, so two editors cannot silently overwrite each other."""

import pytest

from pilots.models import PilotProject
from tests.factories import OrganizationFactory, PilotProjectFactory, UserFactory

from .owner_support import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory.create()


@pytest.fixture
def pilot(owner):
    return PilotProjectFactory.create(owner=owner, status="draft", title="First")


def test_detail_responses_carry_an_etag_that_changes_with_the_row(owner, pilot):
    client = client_for(owner)

    before = client.get(f"/api/v1/pilots/{pilot.slug}/")["ETag"]
    client.patch(f"/api/v1/pilots/{pilot.slug}/", {"title": "Second"}, format="json")
    after = client.get(f"/api/v1/pilots/{pilot.slug}/")["ETag"]

    assert before.startswith('"')
    assert before != after


def test_a_stale_if_match_is_412_and_changes_nothing(owner, pilot):
    alice, bob = client_for(owner), client_for(owner)
    etag = alice.get(f"/api/v1/pilots/{pilot.slug}/")["ETag"]
    first = bob.patch(
        f"/api/v1/pilots/{pilot.slug}/",
        {"title": "Bob's"},
        format="json",
        HTTP_IF_MATCH=etag,
    )

    second = alice.patch(
        f"/api/v1/pilots/{pilot.slug}/",
        {"title": "Alice's"},
        format="json",
        HTTP_IF_MATCH=etag,
    )

    assert first.status_code == 200
    assert second.status_code == 412
    assert second["Content-Type"] == "application/problem+json"
    assert PilotProject.objects.get(pk=pilot.pk).title == "Bob's"


def test_a_matching_if_match_and_none_are_accepted(owner, pilot):
    client = client_for(owner)
    etag = client.get(f"/api/v1/pilots/{pilot.slug}/")["ETag"]

    matching = client.patch(
        f"/api/v1/pilots/{pilot.slug}/",
        {"title": "Matching"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    without = client.patch(
        f"/api/v1/pilots/{pilot.slug}/", {"title": "Without"}, format="json"
    )

    assert matching.status_code == 200
    assert matching["ETag"] != etag
    assert without.status_code == 200


def test_if_none_match_answers_304(owner, pilot):
    client = client_for(owner)
    etag = client.get(f"/api/v1/pilots/{pilot.slug}/")["ETag"]

    response = client.get(f"/api/v1/pilots/{pilot.slug}/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sites/{site}/",
        "/api/v1/organizations/{org}/",
        "/api/v1/opportunities/{opportunity}/",
    ],
)
def test_sites_organisations_and_opportunities_check_if_match_too(path):
    from tests.factories import SiteFactory
    from tests.pilots.notifications.factories import OpportunityFactory

    org = OrganizationFactory.create()
    site = SiteFactory.create(host=org)
    opportunity = OpportunityFactory.create(publisher=org, status="draft")
    admin = make_member(org, "admin")
    url = path.format(site=site.slug, org=org.slug, opportunity=opportunity.slug)

    stale = client_for(admin).patch(
        url,
        {"name": "Changed", "title": "Changed"},
        format="json",
        HTTP_IF_MATCH='"stale"',
    )

    assert client_for(admin).get(url).has_header("ETag")
    assert stale.status_code == 412


def test_a_stale_if_match_on_delete_is_412_and_deletes_nothing(owner, pilot):
    response = client_for(owner).delete(
        f"/api/v1/pilots/{pilot.slug}/", HTTP_IF_MATCH='"stale"'
    )

    assert response.status_code == 412
    assert PilotProject.objects.filter(pk=pilot.pk).exists()
