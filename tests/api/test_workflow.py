"""The pilot workflow: transitions with their own permissions, 409 naming the
allowed actions, the log of who/when/why, and the owner's emails."""

import re

import pytest
from django.core import mail

from pilots.models import PilotProject, PilotTransition
from tests.factories import PilotProjectFactory, UserFactory

from .owner_support import client_for, eager_celery, fresh_client, make_moderator

__all__ = ["eager_celery"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]

Status = PilotProject.Status


@pytest.fixture
def owner():
    return UserFactory.create(email="owner@example.org")


@pytest.fixture
def moderator():
    return make_moderator(email="moderator@example.org")


def draft(owner, **fields):
    return PilotProjectFactory.create(owner=owner, status=Status.DRAFT, **fields)


def act(client, pilot, action, **data):
    return client.post(f"/api/v1/pilots/{pilot.slug}/{action}/", data, format="json")


def status_of(pilot) -> str:
    return PilotProject.objects.values_list("status", flat=True).get(pk=pilot.pk)


def test_the_review_loop_records_each_step_and_emails_the_owner(
    owner, moderator
) -> None:
    pilot = draft(owner)
    by_owner, by_moderator = client_for(owner), client_for(moderator)

    steps = [
        act(by_owner, pilot, "submit"),
        act(by_moderator, pilot, "request-changes", reason="Add the site."),
        act(by_owner, pilot, "submit"),
        act(by_moderator, pilot, "approve"),
        act(by_owner, pilot, "start"),
        act(by_owner, pilot, "complete"),
    ]

    assert [response.status_code for response in steps] == [200] * 6
    log = list(
        PilotTransition.objects.filter(pilot=pilot).values_list(
            "action", "from_status", "to_status", "actor__email", "reason"
        )
    )
    assert log == [
        ("submit", "draft", "submitted", "owner@example.org", ""),
        (
            "request-changes",
            "submitted",
            "changes_requested",
            "moderator@example.org",
            "Add the site.",
        ),
        ("submit", "changes_requested", "submitted", "owner@example.org", ""),
        ("approve", "submitted", "published", "moderator@example.org", ""),
        ("start", "published", "active", "owner@example.org", ""),
        ("complete", "active", "completed", "owner@example.org", ""),
    ]
    stored = PilotProject.objects.get(pk=pilot.pk)
    assert stored.status == Status.COMPLETED
    assert stored.published_at is not None
    assert stored.submitted_at is not None
    to_owner = [m for m in mail.outbox if m.to == ["owner@example.org"]]
    assert len(to_owner) == 6
    assert "Add the site." in to_owner[1].body
    # Moderators hear about each submission.
    assert len([m for m in mail.outbox if m.to == ["moderator@example.org"]]) == 2


def test_an_illegal_transition_is_a_409_naming_the_allowed_actions(
    owner, moderator
) -> None:
    pilot = draft(owner)

    response = act(client_for(moderator), pilot, "approve")

    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["allowed"] == ["submit"]
    assert "submit" in body["detail"]
    assert status_of(pilot) == Status.DRAFT
    assert not PilotTransition.objects.exists()


def test_completing_a_published_pilot_lists_start_and_unpublish(owner) -> None:
    pilot = PilotProjectFactory.create(owner=owner, status=Status.PUBLISHED)

    response = act(client_for(owner), pilot, "complete")

    assert response.status_code == 409
    assert response.json()["allowed"] == ["start", "unpublish"]


def test_owners_cannot_review_their_own_pilot(owner) -> None:
    pilot = PilotProjectFactory.create(owner=owner, status=Status.SUBMITTED)

    for action in ("approve", "request-changes", "reject"):
        response = act(client_for(owner), pilot, action, reason="Looks fine")
        assert response.status_code == 403, action

    assert status_of(pilot) == Status.SUBMITTED
    assert not PilotTransition.objects.exists()


def test_moderators_do_not_submit_for_others(owner, moderator) -> None:
    pilot = draft(owner)

    response = act(client_for(moderator), pilot, "submit")

    assert response.status_code == 403
    assert status_of(pilot) == Status.DRAFT


def test_others_drafts_are_not_found_and_anonymous_callers_must_sign_in(
    owner,
) -> None:
    pilot = draft(owner)
    stranger = UserFactory.create()

    assert act(client_for(stranger), pilot, "submit").status_code == 404
    assert act(fresh_client(), pilot, "submit").status_code in (401, 403)
    assert status_of(pilot) == Status.DRAFT


def test_reject_and_request_changes_need_a_reason(owner, moderator) -> None:
    pilot = PilotProjectFactory.create(owner=owner, status=Status.SUBMITTED)

    for action in ("reject", "request-changes"):
        response = act(client_for(moderator), pilot, action, reason="  ")
        assert response.status_code == 400
        assert [e["field"] for e in response.json()["errors"]] == ["reason"]
    rejected = act(client_for(moderator), pilot, "reject", reason="Out of scope.")

    assert rejected.status_code == 200
    stored = PilotProject.objects.get(pk=pilot.pk)
    assert (stored.status, stored.moderation_reason) == (
        Status.REJECTED,
        "Out of scope.",
    )


def test_collaborators_may_submit_and_see_the_log(owner, moderator) -> None:
    pilot = draft(owner)
    helper = UserFactory.create(email="helper@example.org")
    invited = client_for(owner).post(
        f"/api/v1/pilots/{pilot.slug}/collaborators/",
        {"email": "helper@example.org"},
        format="json",
    )
    [invitation] = [m for m in mail.outbox if "helper@example.org" in m.to]
    token = re.findall(r"token=(\S+)", str(invitation.body))[0]
    accepted = client_for(helper).post(
        "/api/v1/invitations/accept/", {"token": token}, format="json"
    )

    submitted = act(client_for(helper), pilot, "submit")
    log = client_for(helper).get(f"/api/v1/pilots/{pilot.slug}/transitions/")

    assert (invited.status_code, accepted.status_code) == (202, 200)
    assert submitted.status_code == 200
    rows = log.json()["results"]
    assert [row["action"] for row in rows] == ["submit"]
    assert rows[0]["actor"] == f"Registry member #{helper.pk}"


def test_only_the_owner_manages_collaborators(owner) -> None:
    pilot = draft(owner)
    helper = UserFactory.create(email="helper@example.org")
    pilot.collaborators.add(helper)
    other = UserFactory.create(email="other@example.org")

    added_by_collaborator = client_for(helper).post(
        f"/api/v1/pilots/{pilot.slug}/collaborators/",
        {"email": "other@example.org"},
        format="json",
    )
    removed_by_collaborator = client_for(helper).delete(
        f"/api/v1/pilots/{pilot.slug}/collaborators/{helper.pk}/"
    )
    removed_by_owner = client_for(owner).delete(
        f"/api/v1/pilots/{pilot.slug}/collaborators/{helper.pk}/"
    )

    assert added_by_collaborator.status_code == 403
    assert removed_by_collaborator.status_code == 403
    assert removed_by_owner.status_code == 204
    assert list(pilot.collaborators.all()) == []
    assert not pilot.collaborators.filter(pk=other.pk).exists()


def test_moderators_unpublish_with_a_reason(owner, moderator) -> None:
    pilot = PilotProjectFactory.create(owner=owner, status=Status.ACTIVE)

    by_owner = act(client_for(owner), pilot, "unpublish", reason="x")
    by_moderator = act(client_for(moderator), pilot, "unpublish", reason="Outdated.")

    assert by_owner.status_code == 403
    assert by_moderator.status_code == 200
    assert status_of(pilot) == Status.CHANGES_REQUESTED
    anonymous = fresh_client().get("/api/v1/pilots/")
    assert pilot.slug not in [row["slug"] for row in anonymous.json()["results"]]


def test_messages_follow_accept_language(owner, moderator) -> None:
    pilot = draft(owner)
    client = client_for(moderator)

    english = client.post(
        f"/api/v1/pilots/{pilot.slug}/approve/", HTTP_ACCEPT_LANGUAGE="en"
    )
    norwegian = client.post(
        f"/api/v1/pilots/{pilot.slug}/approve/", HTTP_ACCEPT_LANGUAGE="nb"
    )

    assert "allowed from here" in english.json()["detail"]
    assert "tillatt herfra" in norwegian.json()["detail"]


def test_transition_emails_are_in_the_owners_language(moderator) -> None:
    from pilots.models import AccountProfile

    kari = UserFactory.create(email="kari@example.org")
    AccountProfile.objects.create(user=kari, language="nb")
    pilot = PilotProjectFactory.create(owner=kari, status=Status.SUBMITTED)

    act(client_for(moderator), pilot, "reject", reason="Utenfor området.")

    [message] = [m for m in mail.outbox if m.to == ["kari@example.org"]]
    assert "Avvist" in message.subject
    assert "Begrunnelse: Utenfor området." in message.body
