"""Opportunities go through review unless a moderator verified the publishing
organisation (issue 13): a fresh account cannot notify anyone on its own."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from pilots.models import Notification, Opportunity, OutboxEvent
from pilots.notifications.matching import match_subscriptions
from pilots.selectors.opportunities import opportunities_awaiting_review
from pilots.services.subscriptions import subscription_create
from tests.api.catalogue_support import sectors
from tests.api.owner_support import client_for, fresh_client, make_moderator
from tests.factories import UserFactory
from tests.pilots.notifications.factories import OpportunityFactory
from tests.pilots.notifications.support import publisher_admin

pytestmark = pytest.mark.django_db
URL = "/api/v1/opportunities/"


def draft_body(publisher: str) -> dict[str, Any]:
    return {
        "slug": "free-money",
        "title": "FREE MONEY click here",
        "publisher": publisher,
        "sectors": ["mobility"],
        "call_type": "open_call",
        "deadline": (timezone.now() + timedelta(days=20)).isoformat(),
        "area": {
            "type": "Polygon",
            "coordinates": [
                [[10.40, 63.41], [10.41, 63.41], [10.41, 63.42], [10.40, 63.41]]
            ],
        },
    }


@pytest.fixture(autouse=True)
def vocabulary() -> None:
    sectors("mobility")


@pytest.fixture
def subscriber() -> Any:
    """Someone who wants to hear of every mobility call."""
    return subscription_create(
        actor=UserFactory.create(), channel="in_app", sectors=["mobility"]
    )


def draft(verified: bool) -> tuple[Any, Opportunity]:
    admin, publisher = publisher_admin(verified=verified)
    opportunity = OpportunityFactory.create(
        publisher=publisher, status=Opportunity.Status.DRAFT, published_at=None
    )
    return admin, opportunity


def test_a_fresh_account_cannot_notify_anyone_without_a_moderator(
    subscriber: Any,
) -> None:
    client = client_for(UserFactory.create())
    organisation = client.post(
        "/api/v1/organizations/",
        # A valid organisation number (mod-11) is not a verification.
        {"slug": "fresh-org", "name": "Fresh org", "org_number": "974760673"},
        format="json",
    )
    created = client.post(URL, draft_body("fresh-org"), format="json")

    published = client.post(f"{URL}free-money/publish/")

    assert published.status_code == 403
    assert organisation.status_code == 201, organisation.content
    assert organisation.json()["verified"] is False
    assert created.status_code == 201, created.content
    assert published["Content-Type"] == "application/problem+json"
    assert "not verified" in published.json()["detail"]
    assert Opportunity.objects.get(slug="free-money").status == "draft"
    assert not OutboxEvent.objects.exists()
    match_subscriptions(opportunity_id=Opportunity.objects.get().pk)
    assert not Notification.objects.exists()
    assert fresh_client().get(f"{URL}free-money/").status_code == 404


def test_a_verified_organisation_publishes_directly(subscriber: Any) -> None:
    admin, opportunity = draft(verified=True)

    response = client_for(admin).post(f"{URL}{opportunity.slug}/publish/")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    [event] = OutboxEvent.objects.all()
    assert event.recipients == 1
    assert match_subscriptions(opportunity_id=opportunity.pk) == 1


def test_submit_then_a_moderator_approves_and_subscribers_are_matched(
    subscriber: Any,
) -> None:
    admin, opportunity = draft(verified=False)
    moderator = make_moderator()

    submitted = client_for(admin).post(f"{URL}{opportunity.slug}/submit/")
    queue = list(opportunities_awaiting_review())
    listed = client_for(moderator).get(URL, {"status": "submitted"})
    self_approved = client_for(admin).post(f"{URL}{opportunity.slug}/approve/")
    approved = client_for(moderator).post(
        f"{URL}{opportunity.slug}/approve/", {"reason": "Looks right."}
    )

    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "submitted"
    assert queue == [opportunity]
    assert [row["slug"] for row in listed.json()["results"]] == [opportunity.slug]
    assert self_approved.status_code == 403
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "published"
    assert approved.json()["moderation_reason"] == "Looks right."
    assert OutboxEvent.objects.filter(opportunity=opportunity).count() == 1
    assert match_subscriptions(opportunity_id=opportunity.pk) == 1


def test_request_changes_and_reject_need_reasons_and_are_recorded() -> None:
    admin, opportunity = draft(verified=False)
    moderator = make_moderator()
    url = f"{URL}{opportunity.slug}"
    client_for(admin).post(f"{url}/submit/")

    no_reason = client_for(moderator).post(f"{url}/request-changes/")
    changes = client_for(moderator).post(
        f"{url}/request-changes/", {"reason": "Name the site."}
    )
    edited = client_for(admin).patch(f"{url}/", {"title": "Better"}, format="json")
    client_for(admin).post(f"{url}/submit/")
    edited_under_review = client_for(admin).patch(
        f"{url}/", {"title": "Bait and switch"}, format="json"
    )
    rejected = client_for(moderator).post(f"{url}/reject/", {"reason": "Spam."})
    history = client_for(admin).get(f"{url}/transitions/")
    strangers = client_for(UserFactory.create()).get(f"{url}/transitions/")

    assert no_reason.status_code == 400
    assert no_reason.json()["errors"][0]["field"] == "reason"
    assert changes.status_code == 200
    assert changes.json()["status"] == "changes_requested"
    assert edited.status_code == 200, edited.content
    assert edited_under_review.status_code == 403
    assert "cannot be changed" in edited_under_review.json()["detail"]
    assert rejected.json()["status"] == "rejected"
    assert [
        (row["action"], row["to_status"], row["by"], row["reason"])
        for row in history.json()["results"]
    ] == [
        ("submit", "submitted", "publisher", ""),
        ("request-changes", "changes_requested", "moderator", "Name the site."),
        ("submit", "submitted", "publisher", ""),
        ("reject", "rejected", "moderator", "Spam."),
    ]
    assert "@" not in str(history.json())
    assert strangers.status_code == 404  # a rejected call stays private
    opportunity.refresh_from_db()
    assert opportunity.title == "Better"
    assert not OutboxEvent.objects.exists()


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        ("draft", "approve", ["submit", "publish"]),
        ("published", "publish", ["close"]),
        ("published", "submit", ["close"]),
        ("rejected", "submit", []),
    ],
)
def test_an_action_not_allowed_from_here_is_a_409_with_the_allowed_actions(
    status: str, action: str, allowed: list[str]
) -> None:
    opportunity = OpportunityFactory.create(status=status)
    client = client_for(make_moderator())

    response = client.post(f"{URL}{opportunity.slug}/{action}/", {"reason": "x"})

    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status_now"] == status
    assert response.json()["allowed"] == allowed


def test_only_moderators_verify_organisations() -> None:
    admin, organisation = publisher_admin(verified=False)
    url = f"/api/v1/organizations/{organisation.slug}"

    by_admin = client_for(admin).post(f"{url}/verify/")
    by_moderator = client_for(make_moderator()).post(f"{url}/verify/")
    organisation.refresh_from_db()
    verified_at = organisation.verified_at
    withdrawn = client_for(make_moderator()).post(f"{url}/unverify/")

    assert by_admin.status_code == 403
    assert by_moderator.status_code == 200
    assert by_moderator.json()["verified"] is True
    assert verified_at is not None
    assert withdrawn.json()["verified"] is False
    organisation.refresh_from_db()
    assert organisation.verified_at is None


def test_once_verified_the_admins_publish_without_review() -> None:
    admin, opportunity = draft(verified=False)
    client_for(make_moderator()).post(
        f"/api/v1/organizations/{opportunity.publisher.slug}/verify/"
    )

    response = client_for(admin).post(f"{URL}{opportunity.slug}/publish/")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"


def test_an_unverified_publisher_cannot_change_a_published_call() -> None:
    """Reminders and digests carry the current text: what a moderator approved
    must stay what goes out (issue 13)."""
    from tests.api.owner_support import client_for, make_member
    from tests.factories import OrganizationFactory
    from tests.pilots.notifications.factories import OpportunityFactory

    org = OrganizationFactory.create()
    admin = make_member(org, "admin")
    call = OpportunityFactory.create(publisher=org, title="Reviewed title")

    answer = client_for(admin).patch(
        f"/api/v1/opportunities/{call.slug}/", {"title": "FREE MONEY"}, format="json"
    )

    assert answer.status_code == 403
    call.refresh_from_db()
    assert call.title == "Reviewed title"
