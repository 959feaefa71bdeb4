"""What each role reads, who a creation belongs to, and fields a client must
not set (no mass assignment)."""

import pytest
from django.contrib.gis.geos import Point

from pilots.models import (
    Opportunity,
    Organization,
    OrganizationMembership,
    PilotProject,
    Site,
)
from tests.factories import GLOSHAUGEN

from ..owner_support import client_for, fresh_client
from .support import POINT, World, client, site_body, snapshot


def test_anonymous_users_read_published_pilots_only(world: World) -> None:
    listed = fresh_client().get("/api/v1/pilots/").json()["results"]

    assert [row["slug"] for row in listed] == ["pilot-published"]
    assert fresh_client().get("/api/v1/pilots/pilot-draft/").status_code == 404


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("stranger", ["pilot-published"]),
        ("owner", ["pilot-draft", "pilot-published", "pilot-submitted"]),
        ("collaborator", ["pilot-draft", "pilot-published", "pilot-submitted"]),
        ("moderator", ["pilot-draft", "pilot-published", "pilot-submitted"]),
    ],
)
def test_each_role_sees_its_pilots_in_any_state(
    world: World, role: str, visible: list[str]
) -> None:
    listed = client(world, role).get("/api/v1/pilots/").json()["results"]

    assert sorted(row["slug"] for row in listed) == visible


def test_creating_a_pilot_makes_the_caller_its_owner(world: World) -> None:
    stranger = world.users["stranger"]

    response = client(world, "stranger").post(
        "/api/v1/pilots/",
        {"title": "Mine", "slug": "mine", "location": POINT},
        format="json",
    )

    assert response.status_code == 201
    assert PilotProject.objects.get(slug="mine").owner == stranger


def test_creating_an_organisation_makes_the_caller_its_admin(world: World) -> None:
    stranger = world.users["stranger"]

    response = client(world, "stranger").post(
        "/api/v1/organizations/",
        {"name": "New lab", "slug": "new-lab", "kind": "company"},
        format="json",
    )

    assert response.status_code == 201
    assert OrganizationMembership.objects.get(organization__slug="new-lab").user == (
        stranger
    )


def test_mass_assignment_of_protected_pilot_fields_is_never_applied(
    world: World,
) -> None:
    owner = world.users["owner"]
    stranger = world.users["stranger"]
    protected = {
        "owner": stranger.pk,
        "status": "published",
        "zone": "some-zone",
        "created_at": "2000-01-01T00:00:00Z",
        "updated_at": "2000-01-01T00:00:00Z",
        "moderation_reason": "self-approved",
        "published_at": "2000-01-01T00:00:00Z",
        "submitted_at": "2000-01-01T00:00:00Z",
        "is_example": True,
        "collaborators": [stranger.pk],
    }

    created = client_for(owner).post(
        "/api/v1/pilots/",
        {"title": "Sneaky", "slug": "sneaky", "location": POINT, **protected},
        format="json",
    )
    patched = client_for(owner).patch(
        "/api/v1/pilots/pilot-draft/", protected, format="json"
    )

    assert created.status_code in (201, 400)
    assert patched.status_code in (200, 400)
    if patched.status_code == 200:  # shown read-only, as stored
        body = patched.json()
        assert body["moderation_reason"] == ""
        assert body["published_at"] is None
        assert body["submitted_at"] is None
    for slug in ("sneaky", "pilot-draft"):
        pilot = PilotProject.objects.filter(slug=slug).first()
        if pilot is None:
            continue
        assert pilot.owner == owner
        assert pilot.status == "draft"
        assert pilot.moderation_reason == ""
        assert pilot.published_at is None
        assert pilot.submitted_at is None
        assert pilot.is_example is False
        assert pilot.created_at.year > 2000
        assert not pilot.collaborators.filter(pk=stranger.pk).exists()


def test_moving_a_site_into_an_organisation_one_does_not_administer_is_refused(
    world: World,
) -> None:
    before = snapshot()

    response = client(world, "org_admin").post(
        "/api/v1/sites/", site_body("foreign", "other-org"), format="json"
    )

    assert response.status_code == 403
    assert snapshot() == before


def test_point_is_stored_for_a_created_site(world: World) -> None:
    response = client(world, "org_admin").post(
        "/api/v1/sites/", site_body("new-site", "host-org"), format="json"
    )

    assert response.status_code == 201
    assert Site.objects.get(slug="new-site").location.equals(
        Point(*GLOSHAUGEN, srid=4326)
    )


def test_pilot_detail_shows_the_moderation_fields(world: World) -> None:
    client(world, "moderator").post(
        "/api/v1/pilots/pilot-submitted/request-changes/",
        {"reason": "Add a contact."},
        format="json",
    )

    body = client(world, "owner").get("/api/v1/pilots/pilot-submitted/").json()

    assert body["status"] == "changes_requested"
    assert body["moderation_reason"] == "Add a contact."
    assert body["submitted_at"] is None  # the factory set no submission time
    assert body["published_at"] is None
    published = fresh_client().get("/api/v1/pilots/pilot-published/").json()
    assert {"moderation_reason", "submitted_at", "published_at"} <= set(published)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/sites/host-site/",
        "/api/v1/organizations/host-org/",
        "/api/v1/opportunities/host-call/",
    ],
)
def test_an_admin_cannot_unpublish_by_mass_assignment(world: World, path: str) -> None:
    moderator = world.users["moderator"]

    answer = client(world, "org_admin").patch(
        path,
        {
            "unpublished_at": "2000-01-01T00:00:00Z",
            "unpublished_by": moderator.pk,
            "unpublished_reason": "self-service",
        },
        format="json",
    )

    # 403: an unverified publisher cannot change a published call at all.
    assert answer.status_code in (200, 400, 403), answer.content
    assert Site.objects.get(slug="host-site").unpublished_at is None
    assert Organization.objects.get(slug="host-org").unpublished_at is None
    assert Opportunity.objects.get(slug="host-call").unpublished_at is None
    for model in (Site, Organization, Opportunity):
        assert not model.objects.filter(unpublished_reason="self-service").exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/sites/hidden-site/", "/api/v1/opportunities/hidden-call/"],
)
def test_an_admin_cannot_republish_by_mass_assignment(world: World, path: str) -> None:
    answer = client(world, "org_admin").patch(
        path,
        {"unpublished_at": None, "unpublished_by": None, "unpublished_reason": ""},
        format="json",
    )

    # 403: an unverified publisher cannot change a published call at all.
    assert answer.status_code in (200, 400, 403), answer.content
    assert Site.objects.get(slug="hidden-site").unpublished_reason == "Misleading."
    assert Opportunity.objects.get(slug="hidden-call").unpublished_at is not None
    assert fresh_client().get(path).status_code == 404
