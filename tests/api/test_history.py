"""Change history (django-simple-history): who, when, which fields, before and
after; readable by owners, organisation admins and moderators only."""

import pytest

from pilots.models import PilotProject
from pilots.timestamps import TIMESTAMP_PATTERN, format_timestamp
from tests.factories import OrganizationFactory, PilotProjectFactory, UserFactory

from .owner_support import client_for, fresh_client, make_member, make_moderator

pytestmark = pytest.mark.django_db


def test_a_pilot_edit_is_recorded_with_its_author_and_values() -> None:
    owner = UserFactory.create(email="owner@example.org")
    pilot = PilotProjectFactory.create(owner=owner, status="draft", title="Before")

    edited = client_for(owner).patch(
        f"/api/v1/pilots/{pilot.slug}/", {"title": "After"}, format="json"
    )
    history = client_for(owner).get(f"/api/v1/pilots/{pilot.slug}/history/")

    assert edited.status_code == 200
    assert history.status_code == 200
    versions = history.json()["results"]
    newest, created = versions[0], versions[-1]
    assert newest["type"] == "changed"
    assert newest["user"] == f"Registry member #{owner.pk}"
    assert {"field": "title", "old": "Before", "new": "After"} in newest["changes"]
    assert created["type"] == "created"


def test_transitions_appear_in_the_history_as_status_changes() -> None:
    owner = UserFactory.create(email="owner@example.org")
    pilot = PilotProjectFactory.create(owner=owner, status="draft")

    client_for(owner).post(f"/api/v1/pilots/{pilot.slug}/submit/")
    history = (
        client_for(owner).get(f"/api/v1/pilots/{pilot.slug}/history/").json()["results"]
    )

    status_change = [c for c in history[0]["changes"] if c["field"] == "status"]
    assert status_change == [{"field": "status", "old": "draft", "new": "submitted"}]
    assert history[0]["user"] == f"Registry member #{owner.pk}"


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 401), ("stranger", 403), ("moderator", 200), ("owner", 200)],
)
def test_pilot_history_readers(who: str, expected: int) -> None:
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status=PilotProject.Status.ACTIVE)
    client = {
        "anonymous": fresh_client(),
        "stranger": client_for(UserFactory.create()),
        "moderator": client_for(make_moderator()),
        "owner": client_for(owner),
    }[who]

    assert client.get(f"/api/v1/pilots/{pilot.slug}/history/").status_code == expected


def test_history_pages_follow_each_other_and_diff_across_the_page_edge() -> None:
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status="draft", title="v0")
    client = client_for(owner)
    for version in ("v1", "v2", "v3"):
        client.patch(f"/api/v1/pilots/{pilot.slug}/", {"title": version}, format="json")
    url = f"/api/v1/pilots/{pilot.slug}/history/"

    whole = client.get(url).json()["results"]
    first = client.get(url, {"limit": 2}).json()
    second = client.get(first["next"]).json()

    assert len(whole) == 4
    assert first["results"] + second["results"] == whole
    assert second["next"] is None
    # The oldest entry of the first page is diffed against the next page's first.
    edge = first["results"][-1]["changes"]
    assert {"field": "title", "old": "v1", "new": "v2"} in edge


def test_a_draft_history_is_not_found_for_strangers() -> None:
    pilot = PilotProjectFactory.create(status="draft")

    response = client_for(UserFactory.create()).get(
        f"/api/v1/pilots/{pilot.slug}/history/"
    )

    assert response.status_code == 404


def test_organisation_history_for_its_admins_only() -> None:
    org = OrganizationFactory.create(name="Old name")
    admin = make_member(org, "admin")
    member = make_member(org, "member")

    client_for(admin).patch(
        f"/api/v1/organizations/{org.slug}/", {"name": "New name"}, format="json"
    )
    by_admin = client_for(admin).get(f"/api/v1/organizations/{org.slug}/history/")
    by_member = client_for(member).get(f"/api/v1/organizations/{org.slug}/history/")

    assert by_member.status_code == 403
    assert by_admin.status_code == 200
    newest = by_admin.json()["results"][0]
    assert {"field": "name", "old": "Old name", "new": "New name"} in newest["changes"]


def test_the_admin_shows_a_pilots_history(client) -> None:
    staff = UserFactory.create(is_staff=True, is_superuser=True)
    owner = UserFactory.create(email="owner@example.org")
    pilot = PilotProjectFactory.create(owner=owner, status="draft", title="Before")
    client_for(owner).patch(
        f"/api/v1/pilots/{pilot.slug}/", {"title": "After"}, format="json"
    )
    client.force_login(staff)

    page = client.get(f"/admin/pilots/pilotproject/{pilot.pk}/history/")

    assert page.status_code == 200
    assert owner.username.encode() in page.content


def test_opportunity_history_for_publisher_admins_and_moderators() -> None:
    from django.utils import timezone

    from tests.pilots.notifications.factories import OpportunityFactory

    # Verified: an unverified publisher cannot change a published call.
    org = OrganizationFactory.create(verified_at=timezone.now())
    admin = make_member(org, "admin", email="admin@example.org")
    member = make_member(org, "member")
    opportunity = OpportunityFactory.create(publisher=org, title="Old title")

    edited = client_for(admin).patch(
        f"/api/v1/opportunities/{opportunity.slug}/",
        {"title": "New title"},
        format="json",
    )
    url = f"/api/v1/opportunities/{opportunity.slug}/history/"
    by_admin = client_for(admin).get(url)
    by_moderator = client_for(make_moderator()).get(url)
    by_member = client_for(member).get(url)
    by_anonymous = fresh_client().get(url)

    assert edited.status_code == 200, edited.content
    assert by_admin.status_code == 200
    assert by_moderator.json() == by_admin.json()
    newest = by_admin.json()["results"][0]
    assert newest["user"] == f"Registry member #{admin.pk}"
    assert {"field": "title", "old": "Old title", "new": "New title"} in newest[
        "changes"
    ]
    assert (by_member.status_code, by_anonymous.status_code) == (403, 401)


def test_history_times_are_in_the_one_format() -> None:
    """`at` and a changed date-time field (submitted_at) as the API writes them."""
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(owner=owner, status="draft")

    client_for(owner).post(f"/api/v1/pilots/{pilot.slug}/submit/")
    newest = (
        client_for(owner)
        .get(f"/api/v1/pilots/{pilot.slug}/history/")
        .json()["results"][0]
    )

    [submitted] = [c for c in newest["changes"] if c["field"] == "submitted_at"]
    pilot.refresh_from_db()
    assert pilot.submitted_at is not None
    assert submitted == {
        "field": "submitted_at",
        "old": None,
        "new": format_timestamp(pilot.submitted_at),
    }
    assert TIMESTAMP_PATTERN.fullmatch(newest["at"])
