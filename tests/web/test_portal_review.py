"""The moderators' review queue in the browser (issue 16): submitted pilots and
opportunities oldest first, decisions with a reason through the workflow
services (same emails, same history). Nobody else learns the queue exists."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pilots.models import (
    Opportunity,
    OpportunityTransition,
    PilotProject,
    PilotTransition,
)
from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    make_moderator,
    outbox_to,
)
from tests.factories import PilotProjectFactory, UserFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .portal_support import page_client, signed_in_client

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
Status = PilotProject.Status
OWNER = "owner@example.org"


def submitted(title: str, days_ago: int) -> PilotProject:
    return PilotProjectFactory.create(
        title=title,
        owner=UserFactory.create(email=f"{title.lower()}@example.org"),
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=days_ago),
    )


def queued_opportunity() -> Opportunity:
    return OpportunityFactory.create(
        title="Harbour sensors",
        status=Opportunity.Status.SUBMITTED,
        submitted_at=timezone.now(),
        published_at=None,
    )


def test_the_queue_lists_submitted_work_oldest_first() -> None:
    submitted("Newer", 1)
    submitted("Older", 5)
    PilotProjectFactory.create(title="Drafted", status=Status.DRAFT)
    queued_opportunity()

    page = signed_in_client(make_moderator()).get("/review/")

    text = page.content.decode()
    assert page.status_code == 200
    assert text.index("Older") < text.index("Newer")
    assert "Drafted" not in text
    assert "Harbour sensors" in text
    # The titles lead to the pages, which a moderator sees before they are public.
    opened = signed_in_client(make_moderator()).get(
        f"/pilots/{PilotProject.objects.get(title='Older').slug}/"
    )
    assert opened.status_code == 200


def test_only_moderators_find_the_queue() -> None:
    pilot = submitted("Waiting", 1)
    client = signed_in_client(UserFactory.create())

    assert client.get("/review/").status_code == 404
    decided = client.post(
        f"/review/pilots/{pilot.slug}/", {"action": "approve", "reason": ""}
    )
    assert decided.status_code == 404
    pilot.refresh_from_db()
    assert pilot.status == Status.SUBMITTED


def test_asking_for_changes_needs_a_reason_then_emails_the_owner() -> None:
    pilot = submitted("Drones", 1)
    moderator = make_moderator()
    client = signed_in_client(moderator)
    path = f"/review/pilots/{pilot.slug}/"

    refused = client.post(path, {"action": "request-changes", "reason": " "})
    assert refused.status_code == 409
    assert "This action needs a reason." in refused.content.decode()
    pilot.refresh_from_db()
    assert pilot.status == Status.SUBMITTED

    done = client.post(path, {"action": "request-changes", "reason": "Add the basin."})

    pilot.refresh_from_db()
    assert done.status_code == 302
    assert (pilot.status, pilot.moderation_reason) == (
        Status.CHANGES_REQUESTED,
        "Add the basin.",
    )
    step = PilotTransition.objects.get(pilot=pilot)
    assert (step.actor, step.reason) == (moderator, "Add the basin.")
    assert "Add the basin." in outbox_to("drones@example.org")[-1].body
    owner_page = signed_in_client(pilot.owner).get(f"/my/pilots/{pilot.slug}/")
    assert "Add the basin." in owner_page.content.decode()


def test_approving_publishes_the_pilot() -> None:
    pilot = submitted("Shuttle", 1)

    signed_in_client(make_moderator()).post(
        f"/review/pilots/{pilot.slug}/", {"action": "approve", "reason": ""}
    )

    pilot.refresh_from_db()
    assert pilot.status == Status.PUBLISHED
    assert page_client().get(f"/pilots/{pilot.slug}/").status_code == 200


def test_an_unknown_decision_changes_nothing() -> None:
    pilot = submitted("Odd", 1)

    response = signed_in_client(make_moderator()).post(
        f"/review/pilots/{pilot.slug}/", {"action": "start", "reason": "x"}
    )

    assert response.status_code == 400
    pilot.refresh_from_db()
    assert pilot.status == Status.SUBMITTED


def test_opportunities_are_approved_or_rejected_from_the_queue() -> None:
    first, second = queued_opportunity(), queued_opportunity()
    client = signed_in_client(make_moderator())

    client.post(f"/review/opportunities/{first.slug}/", {"action": "approve"})
    client.post(
        f"/review/opportunities/{second.slug}/",
        {"action": "reject", "reason": "Not in the district."},
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Opportunity.Status.PUBLISHED
    assert second.status == Opportunity.Status.REJECTED
    assert second.moderation_reason == "Not in the district."
    assert OpportunityTransition.objects.filter(opportunity=second).count() == 1


def test_decisions_refuse_a_post_without_the_csrf_token() -> None:
    pilot = submitted("Guarded", 1)
    client = page_client(enforce_csrf_checks=True)
    client.force_login(make_moderator())

    response = client.post(f"/review/pilots/{pilot.slug}/", {"action": "approve"})

    assert response.status_code == 403
    pilot.refresh_from_db()
    assert pilot.status == Status.SUBMITTED
