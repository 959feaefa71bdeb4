"""Moderators take sites, organisations and opportunities out of public view
and put them back: recorded who/when/why, hidden from anonymous reads (lists,
details, GeoJSON, tiles), seen by the item's admins, 409 when done twice.
Who may call the routes at all is in tests/api/permissions/."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pilots.models import Notification, Opportunity, Organization, Site
from pilots.notifications.matching import match_subscriptions
from pilots.notifications.reminders import reminders_create
from pilots.services.subscriptions import subscription_create
from tests.factories import OrganizationFactory, SiteFactory, UserFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .owner_support import client_for, fresh_client, make_member, make_moderator
from .tile_support import features, tile_url

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def ogc_sites(client) -> list:
    answer = client.get(
        "/ogc/collections/sites/items", HTTP_ACCEPT="application/geo+json"
    )
    assert answer.status_code == 200
    return answer.json()["features"]


def test_an_unpublished_site_is_recorded_and_hidden_from_anonymous_reads() -> None:
    host = OrganizationFactory.create(slug="host")
    admin = make_member(host, "admin")
    moderator = make_moderator(email="moderator@example.org")
    site = SiteFactory.create(slug="lab", name="Lab", host=host)
    anonymous = fresh_client()
    assert "Lab" in features(anonymous.get(tile_url("sites")), "sites")
    assert len(ogc_sites(anonymous)) == 1

    answer = client_for(moderator).post(
        "/api/v1/sites/lab/unpublish/", {"reason": " Wrong address. "}, format="json"
    )

    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["public"], body["unpublished_by"], body["unpublished_reason"]) == (
        False,
        f"Registry member #{moderator.pk}",
        "Wrong address.",
    )
    site.refresh_from_db()
    assert site.unpublished_by == moderator
    assert site.unpublished_at is not None
    assert slugs(anonymous.get("/api/v1/sites/")) == []
    assert anonymous.get("/api/v1/sites/lab/").status_code == 404
    geojson = anonymous.get("/api/v1/sites/?format=geojson").json()
    assert geojson["features"] == []
    assert anonymous.get(tile_url("sites")).status_code == 204  # an empty tile
    assert ogc_sites(anonymous) == []
    assert client_for(UserFactory.create()).get("/api/v1/sites/lab/").status_code == (
        404
    )
    assert slugs(client_for(admin).get("/api/v1/sites/")) == ["lab"]
    assert slugs(client_for(moderator).get("/api/v1/sites/")) == ["lab"]


def test_unpublishing_twice_is_a_conflict_and_republishing_restores() -> None:
    moderator = make_moderator()
    SiteFactory.create(slug="lab")
    client = client_for(moderator)
    client.post("/api/v1/sites/lab/unpublish/", {"reason": "Closed."}, format="json")

    again = client.post(
        "/api/v1/sites/lab/unpublish/", {"reason": "Closed."}, format="json"
    )
    back = client.post("/api/v1/sites/lab/republish/")
    back_again = client.post("/api/v1/sites/lab/republish/")

    assert again.status_code == 409
    assert again["Content-Type"] == "application/problem+json"
    assert again.json()["unpublished"] is True
    assert back.status_code == 200
    assert back.json()["public"] is True
    assert back_again.status_code == 409
    assert slugs(fresh_client().get("/api/v1/sites/")) == ["lab"]
    assert Site.objects.get(slug="lab").unpublished_reason == ""


def test_unpublishing_needs_a_reason() -> None:
    SiteFactory.create(slug="lab")

    answer = client_for(make_moderator()).post(
        "/api/v1/sites/lab/unpublish/", {"reason": "  "}, format="json"
    )

    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == "reason"
    assert Site.objects.get(slug="lab").unpublished_at is None


def test_the_take_down_is_in_the_change_history() -> None:
    host = OrganizationFactory.create()
    admin = make_member(host, "admin")
    SiteFactory.create(slug="lab", host=host)
    moderator = make_moderator(email="m@example.org")
    client_for(moderator).post(
        "/api/v1/sites/lab/unpublish/", {"reason": "Closed."}, format="json"
    )

    body = client_for(admin).get("/api/v1/sites/lab/history/").json()

    newest = (body["results"] if isinstance(body, dict) else body)[0]
    assert newest["user"] == f"Registry member #{moderator.pk}"
    assert {"field": "unpublished_reason", "old": "", "new": "Closed."} in newest[
        "changes"
    ]


def test_an_unpublished_organisation_is_hidden_from_anonymous_reads() -> None:
    organization = OrganizationFactory.create(slug="acme")
    admin = make_member(organization, "admin")

    answer = client_for(make_moderator()).post(
        "/api/v1/organizations/acme/unpublish/", {"reason": "Fake."}, format="json"
    )

    assert answer.status_code == 200, answer.content
    assert slugs(fresh_client().get("/api/v1/organizations/")) == []
    assert fresh_client().get("/api/v1/organizations/acme/").status_code == 404
    assert slugs(client_for(admin).get("/api/v1/organizations/")) == ["acme"]
    assert Organization.objects.get(slug="acme").unpublished_reason == "Fake."


def test_an_unpublished_opportunity_is_hidden_and_a_draft_cannot_be() -> None:
    opportunity = OpportunityFactory.create(slug="call")
    OpportunityFactory.create(
        slug="draft", status=Opportunity.Status.DRAFT, published_at=None
    )
    admin = make_member(opportunity.publisher, "admin")
    moderator = client_for(make_moderator())

    taken_down = moderator.post(
        "/api/v1/opportunities/call/unpublish/", {"reason": "Expired."}, format="json"
    )
    draft = moderator.post(
        "/api/v1/opportunities/draft/unpublish/", {"reason": "x"}, format="json"
    )

    assert taken_down.status_code == 200, taken_down.content
    assert draft.status_code == 409
    assert slugs(fresh_client().get("/api/v1/opportunities/")) == []
    assert fresh_client().get("/api/v1/opportunities/call/").status_code == 404
    assert "call" in slugs(client_for(admin).get("/api/v1/opportunities/"))
    assert not Opportunity.objects.public().exists()
    assert not Opportunity.objects.published().exists()


def test_an_unpublished_opportunity_sends_no_deadline_reminders() -> None:
    soon = timezone.now() + timedelta(days=2)
    kept = OpportunityFactory.create(slug="kept", deadline=soon)
    taken_down = OpportunityFactory.create(slug="taken-down", deadline=soon)
    subscription_create(actor=UserFactory.create(), channel="email")
    for opportunity in (kept, taken_down):
        match_subscriptions(opportunity_id=opportunity.pk)
    client_for(make_moderator()).post(
        "/api/v1/opportunities/taken-down/unpublish/",
        {"reason": "Withdrawn."},
        format="json",
    )

    reminders_create()

    reminded = Notification.objects.filter(kind="reminder")
    assert list(reminded.values_list("opportunity__slug", flat=True)) == ["kept"]


def test_an_opportunity_unpublished_before_matching_notifies_nobody() -> None:
    opportunity = OpportunityFactory.create(slug="call")
    subscription_create(actor=UserFactory.create(), channel="email")
    client_for(make_moderator()).post(
        "/api/v1/opportunities/call/unpublish/", {"reason": "Wrong."}, format="json"
    )

    created = match_subscriptions(opportunity_id=opportunity.pk)

    assert created == 0
    assert not Notification.objects.exists()
