"""An organisation's calls for pilots in the portal (issue 16): drafts written
through the API's services, submitted for review by an unverified publisher
or published by a verified one (outbox, daily cap), the moderator's reason,
and the notifications each call sent as counts without recipients."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from pilots.models import Opportunity, OpportunityTransition, OutboxEvent, TRLLevel
from pilots.services.subscriptions import subscription_create
from tests.api.catalogue_support import sectors
from tests.api.owner_support import eager_celery, fast_password_hashing, outbox_to
from tests.factories import SiteFactory, UserFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .org_support import Team, queries_of, team
from .portal_support import signed_in_client

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
Status = Opportunity.Status
SUBSCRIBER = "subscriber@example.org"


@pytest.fixture
def harbour() -> Team:
    sectors("mobility")
    return team()


@pytest.fixture
def verified() -> Team:
    sectors("mobility")
    return team(verified_at=timezone.now())


def call_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Drones over Brattøra",
        "summary": "Test parcel drones across the harbour.",
        "call_type": "open_call",
        "deadline_type": "fixed",
        "deadline": (timezone.localtime() + timedelta(days=20)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "sectors": ["mobility"],
        "trl_min": "",
        "trl_max": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def draft_of(organization: Any, **fields: Any) -> Opportunity:
    fields = {"status": Status.DRAFT, "published_at": None, **fields}
    return OpportunityFactory.create(publisher=organization, **fields)


def act(client: Any, team: Team, call: Opportunity, action: str) -> Any:
    return client.post(team.path(f"opportunities/{call.slug}/act/"), {"action": action})


def test_an_admin_writes_a_draft_at_the_organisations_site(harbour: Team) -> None:
    site = SiteFactory.create(host=harbour.organization, name="Harbour arena")
    admin = signed_in_client(harbour.admin)
    assert admin.get(harbour.path("opportunities/new/")).status_code == 200

    saved = admin.post(
        harbour.path("opportunities/new/"), call_data(sites=[str(site.pk)])
    )

    call = Opportunity.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == harbour.path(f"opportunities/{call.slug}/")
    assert (call.slug, call.status, call.publisher) == (
        "drones-over-brattora",
        Status.DRAFT,
        harbour.organization,
    )
    assert call.created_by == harbour.admin
    assert call.footprint is not None  # from the site, by the service
    page = admin.get(saved["Location"]).content.decode()
    assert "Submit for review" in page
    assert ">Publish<" not in page  # not verified: a moderator publishes


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"deadline": ""}, "deadline"),
        ({"opens_at": "2099-01-01T10:00"}, "deadline"),
        ({"trl_min": "7", "trl_max": "3"}, "trl_max"),
        ({"call_type": "lottery"}, "call_type"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_saves_nothing(
    harbour: Team, changes: dict[str, Any], field: str
) -> None:
    for level in (3, 7):
        TRLLevel.objects.create(level=level, name_en=f"L{level}", name_no=f"L{level}")

    response = signed_in_client(harbour.admin).post(
        harbour.path("opportunities/new/"), call_data(**changes)
    )

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_an_unverified_publisher_submits_for_review_and_cannot_publish(
    harbour: Team,
) -> None:
    call = draft_of(harbour.organization)
    admin = signed_in_client(harbour.admin)

    refused = act(admin, harbour, call, "publish")
    assert refused.status_code == 403
    assert "not verified yet" in refused.content.decode()
    submitted = act(admin, harbour, call, "submit")

    call.refresh_from_db()
    assert submitted.status_code == 302
    assert call.status == Status.SUBMITTED
    [step] = OpportunityTransition.objects.filter(opportunity=call)
    assert (step.action, step.actor) == ("submit", harbour.admin)
    page = admin.get(submitted["Location"]).content.decode()
    assert "A moderator reviews the call" in page
    # Under review the text is the moderator's: the form sends back.
    locked = admin.get(harbour.path(f"opportunities/{call.slug}/edit/"))
    assert locked.status_code == 302


def test_the_moderators_reason_is_shown(harbour: Team) -> None:
    call = draft_of(
        harbour.organization,
        status=Status.CHANGES_REQUESTED,
        moderation_reason="Say who may apply.",
    )

    for rest in ("", "edit/"):
        page = signed_in_client(harbour.admin).get(
            harbour.path(f"opportunities/{call.slug}/{rest}")
        )
        assert "Say who may apply." in page.content.decode()


def test_publishing_notifies_and_the_page_counts_without_addresses(
    verified: Team,
) -> None:
    subscriber = UserFactory.create(email=SUBSCRIBER)
    subscription_create(actor=subscriber, channel="email", name="Everything")
    reader = UserFactory.create(email="reader@example.org")
    subscription_create(actor=reader, channel="in_app", name="All calls")
    call = draft_of(verified.organization, title="Harbour sensors")
    admin = signed_in_client(verified.admin)

    published = act(admin, verified, call, "publish")

    call.refresh_from_db()
    assert published.status_code == 302
    assert call.status == Status.PUBLISHED
    assert OutboxEvent.objects.get(opportunity=call).recipients == 2
    assert len(outbox_to(SUBSCRIBER)) == 1
    page = admin.get(published["Location"])
    counts = {
        (row["channel"], row["status"]): row["count"] for row in page.context["counts"]
    }
    assert counts == {("email", "delivered"): 1, ("in_app", "inbox"): 1}
    text = page.content.decode()
    assert "Delivered" in text
    assert "In the inbox" in text
    assert SUBSCRIBER not in text
    assert "reader@example.org" not in text
    listed = admin.get(verified.path("opportunities/"))
    [row] = listed.context["opportunities"]
    assert row.notifications_sent == 2


def test_the_daily_cap_refuses_a_publish_with_its_reason(
    verified: Team, settings: Any
) -> None:
    settings.NOTIFICATIONS_PER_ORGANISATION_PER_DAY = 0
    subscriber = UserFactory.create(email=SUBSCRIBER)
    subscription_create(actor=subscriber, channel="email", name="Everything")
    call = draft_of(verified.organization)

    refused = act(signed_in_client(verified.admin), verified, call, "publish")

    call.refresh_from_db()
    assert refused.status_code == 429
    assert "may notify at most 0 a day" in refused.content.decode()
    assert call.status == Status.DRAFT
    assert not OutboxEvent.objects.exists()


def test_members_read_calls_but_may_not_act(harbour: Team) -> None:
    call = draft_of(harbour.organization, title="Harbour sensors")
    member = signed_in_client(harbour.member)

    page = member.get(harbour.path(f"opportunities/{call.slug}/"))
    submitted = act(member, harbour, call, "submit")
    written = member.post(harbour.path("opportunities/new/"), call_data())

    assert page.status_code == 200
    assert "Submit for review" not in page.content.decode()
    assert (submitted.status_code, written.status_code) == (403, 403)
    call.refresh_from_db()
    assert call.status == Status.DRAFT
    assert Opportunity.objects.count() == 1


def test_another_organisations_call_is_not_found_here(harbour: Team) -> None:
    foreign = draft_of(team().organization)
    admin = signed_in_client(harbour.admin)

    assert admin.get(harbour.path(f"opportunities/{foreign.slug}/")).status_code == 404
    assert act(admin, harbour, foreign, "submit").status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Status.DRAFT


def test_an_unknown_action_is_a_400(harbour: Team) -> None:
    call = draft_of(harbour.organization)

    response = act(signed_in_client(harbour.admin), harbour, call, "approve")

    assert response.status_code == 400
    call.refresh_from_db()
    assert call.status == Status.DRAFT


def test_the_calls_page_costs_the_same_for_more_calls(harbour: Team) -> None:
    client = signed_in_client(harbour.admin)
    draft_of(harbour.organization)
    few = queries_of(lambda: client.get(harbour.path("opportunities/")))
    for _number in range(8):
        draft_of(harbour.organization)

    many = queries_of(lambda: client.get(harbour.path("opportunities/")))

    assert many == few
    assert many <= 6
