"""Members and collaborators are invited by email; inviting never tells whether
an address has an account, and the invitee accepts (issue 13)."""

import re

import pytest
from django.core import mail

from pilots.models import Invitation, OrganizationMembership
from tests.factories import OrganizationFactory, PilotProjectFactory, UserFactory

from ..owner_support import client_for, eager_celery, make_member, outbox_to

__all__ = ["eager_celery"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]


def token_in(message) -> str:
    match = re.search(r"token=(\S+)", message.body)
    assert match, message.body
    return match.group(1)


def accept(user, token: str):
    return client_for(user).post(
        "/api/v1/invitations/accept/", {"token": token}, format="json"
    )


@pytest.fixture
def org():
    return OrganizationFactory.create(slug="lab", name="The Lab")


@pytest.fixture
def admin(org):
    return make_member(org, "admin", email="admin@example.org")


def invite_member(admin, email: str, role: str = "member"):
    return client_for(admin).post(
        "/api/v1/organizations/lab/members/",
        {"email": email, "role": role},
        format="json",
    )


def invite_collaborator(owner, slug: str, email: str):
    return client_for(owner).post(
        f"/api/v1/pilots/{slug}/collaborators/", {"email": email}, format="json"
    )


def test_inviting_a_member_answers_the_same_with_or_without_an_account(
    org, admin
) -> None:
    UserFactory.create(email="known@example.org")

    known = invite_member(admin, "known@example.org")
    unknown = invite_member(admin, "unknown@example.org")

    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert not OrganizationMembership.objects.filter(
        user__email="known@example.org"
    ).exists()
    # Both addresses get the same kind of email, with a link to the web page.
    for address in ("known@example.org", "unknown@example.org"):
        [message] = outbox_to(address)
        assert "The Lab" in message.subject
        assert "/accept-invitation?token=" in message.body
        assert "admin@example.org" not in message.body


def test_inviting_a_collaborator_answers_the_same_with_or_without_an_account() -> None:
    owner = UserFactory.create()
    PilotProjectFactory.create(slug="ferry", owner=owner, status="draft")
    UserFactory.create(email="known@example.org")

    known = invite_collaborator(owner, "ferry", "known@example.org")
    unknown = invite_collaborator(owner, "ferry", "unknown@example.org")

    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert len(outbox_to("known@example.org")) == 1
    assert len(outbox_to("unknown@example.org")) == 1


def test_the_invitee_joins_in_the_invited_role_once(org, admin) -> None:
    newcomer = UserFactory.create(email="new@example.org")
    invite_member(admin, "NEW@example.org", role="admin")
    token = token_in(outbox_to("new@example.org")[0])

    first = accept(newcomer, token)
    again = accept(newcomer, token)

    assert first.status_code == 200
    assert first.json()["organization"] == "lab"
    assert OrganizationMembership.objects.get(user=newcomer).role == "admin"
    assert again.status_code == 400
    assert again["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in again.json()["errors"]] == ["token"]


def test_someone_with_another_address_cannot_accept(org, admin) -> None:
    invite_member(admin, "new@example.org")
    token = token_in(outbox_to("new@example.org")[0])
    intruder = UserFactory.create(email="intruder@example.org")

    answer = accept(intruder, token)

    assert answer.status_code == 400
    assert not OrganizationMembership.objects.filter(user=intruder).exists()
    assert Invitation.objects.get().accepted_at is None


def test_an_address_without_an_account_accepts_after_signing_up(org, admin) -> None:
    invite_member(admin, "later@example.org")
    token = token_in(outbox_to("later@example.org")[0])
    later = UserFactory.create(email="later@example.org")

    assert accept(later, token).status_code == 200
    assert OrganizationMembership.objects.filter(user=later, organization=org).exists()


def test_a_collaborator_invitation_makes_the_invitee_an_editor() -> None:
    owner = UserFactory.create()
    pilot = PilotProjectFactory.create(slug="ferry", owner=owner, status="draft")
    helper = UserFactory.create(email="helper@example.org")
    invite_collaborator(owner, "ferry", "helper@example.org")

    accepted = accept(helper, token_in(outbox_to("helper@example.org")[0]))
    edited = client_for(helper).patch(
        "/api/v1/pilots/ferry/", {"title": "Edited"}, format="json"
    )

    assert accepted.json()["pilot"] == "ferry"
    assert list(pilot.collaborators.all()) == [helper]
    assert edited.status_code == 200


def test_a_forged_or_tampered_token_is_refused(org, admin) -> None:
    invite_member(admin, "new@example.org")
    token = token_in(outbox_to("new@example.org")[0])
    newcomer = UserFactory.create(email="new@example.org")

    assert accept(newcomer, token[:-2] + "xx").status_code == 400
    assert accept(newcomer, "not-a-token").status_code == 400
    assert not OrganizationMembership.objects.filter(user=newcomer).exists()


def test_inviting_again_renews_the_pending_invitation(org, admin) -> None:
    invite_member(admin, "new@example.org", role="member")
    invite_member(admin, "new@example.org", role="admin")

    assert Invitation.objects.filter(email="new@example.org").count() == 1
    assert Invitation.objects.get().role == "admin"
    assert len(mail.outbox) == 2


def test_a_bad_address_is_a_400_naming_the_field(org, admin) -> None:
    answer = invite_member(admin, "not-an-address")

    assert answer.status_code == 400
    assert [e["field"] for e in answer.json()["errors"]] == ["email"]
    assert not Invitation.objects.exists()
