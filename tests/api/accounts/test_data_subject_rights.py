"""A signed-in person downloads everything the registry holds about them and
deletes their account; their pilots stay, shown as by "Former member"
(GDPR art. 15, 17 and 20; issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from knox.models import AuthToken

from pilots.models import (
    Delivery,
    Invitation,
    Notification,
    OrganizationMembership,
    PilotProject,
    PilotTransition,
    Subscription,
)
from tests.factories import (
    TEST_PASSWORD,
    OrganizationFactory,
    PilotProjectFactory,
    UserFactory,
)
from tests.pilots.notifications.factories import OpportunityFactory, SubscriptionFactory

from ..owner_support import (
    client_for,
    eager_celery,
    fast_password_hashing,
    fresh_client,
    make_member,
    make_moderator,
)

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]

ADDRESS = "kari@example.org"


@pytest.fixture
def person():
    """Kari, with something in every part of the registry."""
    kari = UserFactory.create(username=ADDRESS, email=ADDRESS)
    organization = OrganizationFactory.create(slug="lab")
    make_member(organization, "admin", email="boss@example.org")
    OrganizationMembership.objects.create(
        organization=organization, user=kari, role="member"
    )
    PilotProjectFactory.create(slug="kari-ferry", owner=kari, status="draft")
    client_for(kari).patch(
        "/api/v1/pilots/kari-ferry/", {"title": "Ferry"}, format="json"
    )
    client_for(kari).post("/api/v1/pilots/kari-ferry/submit/")
    client_for(make_moderator()).post("/api/v1/pilots/kari-ferry/approve/")
    shared = PilotProjectFactory.create(slug="shared", status="draft")
    shared.collaborators.add(kari)
    subscription = SubscriptionFactory.create(
        user=kari, webhook_secret="whsec_do-not-export"
    )
    delivery = Delivery.objects.create(
        subscription=subscription,
        kind="match",
        channel="in_app",
        dedupe_key="match:kari",
        next_attempt_at=timezone.now(),
    )
    Notification.objects.create(
        subscription=subscription,
        opportunity=OpportunityFactory.create(slug="call"),
        user=kari,
        delivery=delivery,
    )
    Invitation.objects.create(email=ADDRESS, pilot=shared)
    Invitation.objects.create(
        email="friend@example.org",
        organization=organization,
        role="member",
        invited_by=kari,
    )
    return kari


def test_a_person_downloads_everything_held_about_them(person) -> None:
    response = client_for(person).get("/api/v1/auth/me/data/")

    assert response.status_code == 200
    data = response.json()
    assert data["account"]["email"] == ADDRESS
    assert data["memberships"] == [
        {
            "organization": "lab",
            "role": "member",
            "created_at": data["memberships"][0]["created_at"],
        }
    ]
    assert [p["slug"] for p in data["pilots_owned"]] == ["kari-ferry"]
    assert [p["slug"] for p in data["pilots_collaborating"]] == ["shared"]
    assert len(data["subscriptions"]) == 1
    assert [d["kind"] for d in data["deliveries"]] == ["match"]
    assert [n["opportunity"] for n in data["notifications"]] == ["call"]
    assert {"submit"} <= {t["action"] for t in data["pilot_transitions"]}
    assert {(h["model"], h["slug"]) for h in data["history"]} >= {
        ("pilotproject", "kari-ferry")
    }
    assert [i["pilot"] for i in data["invitations_received"]] == ["shared"]
    assert [i["email"] for i in data["invitations_sent"]] == ["friend@example.org"]
    # Nobody else's data and no credentials.
    assert "boss@example.org" not in response.content.decode()
    assert "whsec_do-not-export" not in response.content.decode()


def test_only_a_signed_in_person_downloads_their_data() -> None:
    assert fresh_client().get("/api/v1/auth/me/data/").status_code == 401


def test_deleting_needs_the_password(person) -> None:
    answer = client_for(person).post(
        "/api/v1/auth/me/delete/", {"password": "not-the-password"}, format="json"
    )

    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in answer.json()["errors"]] == ["password"]
    assert get_user_model().objects.get(pk=person.pk).email == ADDRESS


def test_a_deleted_account_leaves_its_pilots_as_by_a_former_member(person) -> None:
    token = AuthToken.objects.create(user=person)[1]
    client = fresh_client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    deleted = client.post(
        "/api/v1/auth/me/delete/", {"password": TEST_PASSWORD}, format="json"
    )

    assert deleted.status_code == 204
    assert client.get("/api/v1/auth/me/").status_code == 401
    pilot = fresh_client().get("/api/v1/pilots/kari-ferry/")
    assert pilot.status_code == 200
    assert pilot.json()["owner"] == "Former member"
    moderator = client_for(make_moderator())
    history = moderator.get("/api/v1/pilots/kari-ferry/history/")
    transitions = moderator.get("/api/v1/pilots/kari-ferry/transitions/")
    assert history.status_code == transitions.status_code == 200
    assert "Former member" in {v["user"] for v in history.json()["results"]}
    assert "Former member" in {t["actor"] for t in transitions.json()["results"]}
    assert "kari" not in (history.content + transitions.content).decode()
    # The pilot and its log remain; everything personal is gone.
    assert PilotProject.objects.filter(slug="kari-ferry").exists()
    assert PilotTransition.objects.filter(pilot__slug="kari-ferry").exists()
    assert not OrganizationMembership.objects.filter(user=person).exists()
    assert not Subscription.objects.filter(user=person).exists()
    assert not Notification.objects.filter(user=person).exists()
    assert not Invitation.objects.filter(email=ADDRESS).exists()
    assert not PilotProject.objects.get(slug="shared").collaborators.exists()
    stored = get_user_model().objects.get(pk=person.pk)
    assert (stored.email, stored.is_active, stored.has_usable_password()) == (
        "",
        False,
        False,
    )
    assert ADDRESS not in stored.username


def test_the_address_can_sign_up_again_after_deleting(person) -> None:
    client_for(person).post(
        "/api/v1/auth/me/delete/", {"password": TEST_PASSWORD}, format="json"
    )

    again = fresh_client().post(
        "/api/v1/auth/sign-up/",
        {"email": ADDRESS, "password": "a-new-life-password-7"},
        format="json",
    )

    assert again.status_code == 202
    assert get_user_model().objects.get(email=ADDRESS).pk != person.pk


def test_the_last_admin_may_delete_their_account() -> None:
    organization = OrganizationFactory.create(slug="solo")
    admin = make_member(organization, "admin")

    answer = client_for(admin).post(
        "/api/v1/auth/me/delete/", {"password": TEST_PASSWORD}, format="json"
    )

    assert answer.status_code == 204
    assert fresh_client().get("/api/v1/organizations/solo/").status_code == 200
