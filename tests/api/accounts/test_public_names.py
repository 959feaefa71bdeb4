"""No public answer carries a person's email address: others see a display
name; the address only to the person themself and to staff (issue 13)."""

import pytest

from pilots.emails import transition_email
from pilots.models import AccountProfile, PilotTransition
from tests.factories import OrganizationFactory, PilotProjectFactory, UserFactory

from ..owner_support import client_for, fresh_client, make_member, make_moderator

pytestmark = pytest.mark.django_db

OWNER_EMAIL = "kari.nordmann@example.org"
MODERATOR_EMAIL = "mod.erator@example.org"


@pytest.fixture
def owner():
    # Sign-up makes the username the address, as here.
    return UserFactory.create(username=OWNER_EMAIL, email=OWNER_EMAIL)


@pytest.fixture
def pilot(owner):
    return PilotProjectFactory.create(slug="ferry", owner=owner)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/pilots/",
        "/api/v1/pilots/ferry/",
        "/api/v1/pilots/?format=geojson",
        "/api/v1/pilots/ferry/?format=geojson",
        "/api/v1/pilots/?format=csv",
        "/api/v1/pilots/ferry/?format=csv",
        "/ogc/collections/pilots/items",
        "/ogc/collections/pilots/items/ferry",
    ],
)
def test_anonymous_outputs_carry_no_owner_address(pilot, path) -> None:
    response = fresh_client().get(path)

    assert response.status_code == 200
    assert b"kari.nordmann" not in response.content
    assert b"@example.org" not in response.content


def test_the_owner_appears_by_display_name(pilot, owner) -> None:
    AccountProfile.objects.create(user=owner, display_name="Kari N.")

    body = fresh_client().get("/api/v1/pilots/ferry/").json()

    assert body["owner"] == "Kari N."


def test_without_a_display_name_the_owner_is_a_neutral_member_number(
    pilot, owner
) -> None:
    body = fresh_client().get("/api/v1/pilots/ferry/").json()

    assert body["owner"] == f"Registry member #{owner.pk}"


def _moderated_pilot(owner):
    moderator = make_moderator(username=MODERATOR_EMAIL, email=MODERATOR_EMAIL)
    pilot = PilotProjectFactory.create(slug="draft-ferry", owner=owner, status="draft")
    client_for(owner).post("/api/v1/pilots/draft-ferry/submit/")
    answer = client_for(moderator).post(
        "/api/v1/pilots/draft-ferry/request-changes/",
        {"reason": "Add a site."},
        format="json",
    )
    assert answer.status_code == 200
    assert b"mod.erator" not in answer.content
    return pilot


@pytest.mark.parametrize(
    "path",
    ["/api/v1/pilots/draft-ferry/history/", "/api/v1/pilots/draft-ferry/transitions/"],
)
def test_the_owner_does_not_see_the_moderators_address(owner, path) -> None:
    _moderated_pilot(owner)

    response = client_for(owner).get(path)

    assert response.status_code == 200
    assert b"mod.erator" not in response.content
    assert b"Registry member #" in response.content


def test_the_transition_email_names_the_moderator_without_the_address(
    owner,
) -> None:
    pilot = _moderated_pilot(owner)
    transition = PilotTransition.objects.filter(pilot=pilot).order_by("-id")[0]

    message = transition_email(transition, owner)

    assert transition.actor.email == MODERATOR_EMAIL
    assert "mod.erator" not in message.body
    assert "Registry member #" in message.body


def test_members_see_each_other_by_name_not_address() -> None:
    organization = OrganizationFactory.create(slug="lab")
    make_member(organization, "admin", email="admin.person@example.org")
    member = make_member(organization, "member", email="plain.member@example.org")

    response = client_for(member).get("/api/v1/organizations/lab/members/")

    assert response.status_code == 200
    assert b"admin.person" not in response.content
    rows = response.json()["results"]
    assert {row["display_name"] for row in rows} >= {f"Registry member #{member.pk}"}


def test_staff_see_the_members_addresses() -> None:
    organization = OrganizationFactory.create(slug="lab")
    make_member(organization, "admin", email="admin.person@example.org")

    response = client_for(make_moderator()).get("/api/v1/organizations/lab/members/")

    assert [row["email"] for row in response.json()["results"]] == [
        "admin.person@example.org"
    ]


def test_collaborators_see_each_other_by_name_not_address(owner) -> None:
    pilot = PilotProjectFactory.create(slug="team", owner=owner, status="draft")
    helper = UserFactory.create(email="helper.person@example.org")
    other = UserFactory.create(email="other.person@example.org")
    pilot.collaborators.add(helper, other)

    response = client_for(helper).get("/api/v1/pilots/team/collaborators/")

    assert response.status_code == 200
    assert b"other.person" not in response.content


def test_a_person_sets_their_display_name_and_sees_their_own_address(owner) -> None:
    client = client_for(owner)

    changed = client.patch(
        "/api/v1/auth/me/", {"display_name": "  Kari  "}, format="json"
    )
    me = client.get("/api/v1/auth/me/").json()

    assert changed.status_code == 200
    assert (me["email"], me["display_name"]) == (OWNER_EMAIL, "Kari")


def test_a_display_name_that_is_an_address_is_refused(owner) -> None:
    answer = client_for(owner).patch(
        "/api/v1/auth/me/", {"display_name": "kari@example.org"}, format="json"
    )

    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in answer.json()["errors"]] == ["display_name"]
