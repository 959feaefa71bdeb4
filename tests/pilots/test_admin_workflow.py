"""The pilot admin moves pilots only through the workflow service."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail

from pilots.models import PilotProject, PilotTransition
from tests.api.owner_support import eager_celery  # noqa: F401
from tests.factories import PilotProjectFactory, UserFactory

from .admin_support import admin_client, change_form_data, staff_moderator

Status = PilotProject.Status
CHANGELIST = "/admin/pilots/pilotproject/"
pytestmark = pytest.mark.usefixtures("eager_celery")


@pytest.fixture
def submitted() -> PilotProject:
    owner = UserFactory.create(email="owner@example.org")
    return PilotProjectFactory.create(
        owner=owner, status=Status.SUBMITTED, title="Harbour drones"
    )


def run_action(client, action: str, pilot: PilotProject, **extra: str):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(pilot.pk)], **extra},
    )


@pytest.mark.django_db
def test_the_change_form_cannot_set_the_status(submitted):
    client = admin_client(staff_moderator())
    url = f"{CHANGELIST}{submitted.pk}/change/"
    data = {**change_form_data(client.get(url)), "status": Status.PUBLISHED}

    response = client.post(url, data)

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not PilotTransition.objects.exists()


@pytest.mark.django_db
def test_approving_records_the_transition_the_history_and_emails_the_owner(submitted):
    moderator = staff_moderator(email="moderator@example.org")

    response = run_action(admin_client(moderator), "pilot_approve", submitted)

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.PUBLISHED
    [step] = PilotTransition.objects.filter(pilot=submitted)
    assert (step.action, step.actor, step.from_status) == (
        "approve",
        moderator,
        Status.SUBMITTED,
    )
    latest = submitted.history.first()
    assert (latest.status, latest.history_user) == (Status.PUBLISHED, moderator)
    assert [message.to for message in mail.outbox] == [["owner@example.org"]]
    assert "Harbour drones" in mail.outbox[0].subject


@pytest.mark.django_db
def test_requesting_changes_asks_for_a_reason_first(submitted):
    client = admin_client(staff_moderator())

    page = run_action(client, "pilot_request_changes", submitted)
    empty = run_action(client, "pilot_request_changes", submitted, apply="1")

    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    assert "Harbour drones" in page.content.decode()
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert mail.outbox == []


@pytest.mark.django_db
def test_rejecting_with_a_reason_sends_it_to_the_owner(submitted):
    client = admin_client(staff_moderator())

    response = run_action(
        client, "pilot_reject", submitted, apply="1", reason="Not in the district."
    )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REJECTED
    assert submitted.moderation_reason == "Not in the district."
    assert PilotTransition.objects.get(pilot=submitted).reason == (
        "Not in the district."
    )
    [message] = mail.outbox
    assert "Not in the district." in message.body


@pytest.mark.django_db
def test_staff_who_are_not_moderators_are_told_and_nothing_moves(submitted):
    staff = staff_moderator()
    staff.groups.clear()
    client = admin_client(staff)

    response = run_action(client, "pilot_approve", submitted)

    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert texts == ["Harbour drones: Only moderators may approve a pilot."]


@pytest.mark.django_db
def test_an_action_from_the_wrong_status_says_why(submitted):
    submitted.status = Status.DRAFT
    submitted.save()
    client = admin_client(staff_moderator())

    response = run_action(client, "pilot_approve", submitted)

    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    [text] = [str(message) for message in get_messages(response.wsgi_request)]
    assert text.startswith("Harbour drones: A pilot in status")
