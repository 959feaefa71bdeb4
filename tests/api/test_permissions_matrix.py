"""Every write route, every role and every verb, on objects of others (BOLA) and
moderator-only actions called by others (BFLA). A refused request answers as
designed (401 signed out, 404 for what the caller cannot see, 403 for what they
see but may not change) and leaves the database exactly as it was."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.gis.geos import Point

from pilots.models import (
    Organization,
    OrganizationMembership,
    PilotProject,
    PilotTransition,
    Site,
)
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)

from .owner_support import client_for, fresh_client, make_member, make_moderator

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "stranger",
    "owner",
    "collaborator",
    "org_admin",
    "org_member",
    "other_org_admin",
    "moderator",
]
POINT = {"type": "Point", "coordinates": list(GLOSHAUGEN)}


@dataclass
class World:
    users: dict[str, Any]
    org: Organization
    site: Site
    draft: PilotProject
    submitted: PilotProject
    published: PilotProject


@pytest.fixture
def world() -> World:
    org = OrganizationFactory.create(slug="host-org")
    other_org = OrganizationFactory.create(slug="other-org")
    owner = UserFactory.create(email="owner@example.org")
    collaborator = UserFactory.create(email="collaborator@example.org")
    users = {
        "anonymous": None,
        "stranger": UserFactory.create(email="stranger@example.org"),
        "owner": owner,
        "collaborator": collaborator,
        "org_admin": make_member(org, "admin", email="admin@example.org"),
        "org_member": make_member(org, "member", email="member@example.org"),
        "other_org_admin": make_member(other_org, "admin", email="oa@example.org"),
        "moderator": make_moderator(email="moderator@example.org"),
    }
    pilots = {}
    for status in ("draft", "submitted", "published"):
        pilot = PilotProjectFactory.create(
            owner=owner, status=status, slug=f"pilot-{status}", lead_organization=org
        )
        pilot.collaborators.add(collaborator)
        pilots[status] = pilot
    site = SiteFactory.create(slug="host-site", host=org)
    return World(users=users, org=org, site=site, **pilots)


def snapshot() -> dict[str, list]:
    """Every row the write routes could touch."""
    return {
        "pilots": list(PilotProject.objects.order_by("pk").values()),
        "collaborators": list(
            PilotProject.collaborators.through.objects.order_by("pk").values()
        ),
        "transitions": list(PilotTransition.objects.order_by("pk").values()),
        "sites": list(Site.objects.order_by("pk").values()),
        "organizations": list(Organization.objects.order_by("pk").values()),
        "memberships": list(OrganizationMembership.objects.order_by("pk").values()),
    }


def client(world: World, role: str):
    user = world.users[role]
    return fresh_client() if user is None else client_for(user)


def pilot_body(slug: str) -> dict:
    return {"title": "Renamed", "slug": slug, "location": POINT}


def site_body(slug: str, host: str) -> dict:
    return {
        "name": "Renamed site",
        "slug": slug,
        "kind": "test_arena",
        "host": host,
        "location": POINT,
    }


# (route, method, body) -> status per role. 401: signed out; 404: cannot see it;
# 403: sees it, may not change it; 2xx: allowed.


def by_role(*statuses: int) -> dict[str, int]:
    return dict(zip(ROLES, statuses, strict=True))


PILOT_DRAFT_EDIT = by_role(401, 404, 200, 200, 404, 404, 404, 403)
PILOT_PUBLISHED_EDIT = by_role(401, 403, 403, 403, 403, 403, 403, 403)
PILOT_DRAFT_DELETE = by_role(401, 404, 204, 403, 404, 404, 404, 403)
PILOT_PUBLISHED_DELETE = by_role(401, *[403] * 7)
REVIEW = by_role(401, 404, 403, 403, 404, 404, 404, 200)
SUBMIT = by_role(401, 404, 200, 200, 404, 404, 404, 403)
UNPUBLISH = by_role(401, 403, 403, 403, 403, 403, 403, 200)
START = by_role(401, 403, 200, 200, 403, 403, 403, 403)
COLLABORATOR_ADD = by_role(401, 404, 201, 403, 404, 404, 404, 403)
COLLABORATOR_REMOVE = by_role(401, 404, 204, 403, 404, 404, 404, 403)
SITE_EDIT = by_role(401, 403, 403, 403, 200, 403, 403, 403)
SITE_DELETE = by_role(401, 403, 403, 403, 204, 403, 403, 403)
SITE_CREATE = by_role(401, 403, 403, 403, 201, 403, 403, 403)
ORG_EDIT = by_role(401, 403, 403, 403, 200, 403, 403, 403)
ORG_DELETE = by_role(401, 403, 403, 403, 409, 403, 403, 403)
MEMBER_WRITE = by_role(401, 403, 403, 403, 201, 403, 403, 403)
MEMBER_CHANGE = by_role(401, 403, 403, 403, 200, 403, 403, 403)
MEMBER_DELETE = by_role(401, 403, 403, 403, 204, 403, 403, 403)


def routes(world: World) -> dict[str, tuple[str, str, dict | None, dict]]:
    member = world.users["org_member"]
    stranger = world.users["stranger"]
    collaborator = world.users["collaborator"]
    return {
        "put draft pilot": (
            "put",
            "/api/v1/pilots/pilot-draft/",
            pilot_body("pilot-draft"),
            PILOT_DRAFT_EDIT,
        ),
        "patch draft pilot": (
            "patch",
            "/api/v1/pilots/pilot-draft/",
            {"title": "Renamed"},
            PILOT_DRAFT_EDIT,
        ),
        "delete draft pilot": (
            "delete",
            "/api/v1/pilots/pilot-draft/",
            None,
            PILOT_DRAFT_DELETE,
        ),
        "put published pilot": (
            "put",
            "/api/v1/pilots/pilot-published/",
            pilot_body("pilot-published"),
            PILOT_PUBLISHED_EDIT,
        ),
        "patch published pilot": (
            "patch",
            "/api/v1/pilots/pilot-published/",
            {"title": "Renamed"},
            PILOT_PUBLISHED_EDIT,
        ),
        "delete published pilot": (
            "delete",
            "/api/v1/pilots/pilot-published/",
            None,
            PILOT_PUBLISHED_DELETE,
        ),
        "submit draft": ("post", "/api/v1/pilots/pilot-draft/submit/", {}, SUBMIT),
        "approve": ("post", "/api/v1/pilots/pilot-submitted/approve/", {}, REVIEW),
        "request changes": (
            "post",
            "/api/v1/pilots/pilot-submitted/request-changes/",
            {"reason": "More detail."},
            REVIEW,
        ),
        "reject": (
            "post",
            "/api/v1/pilots/pilot-submitted/reject/",
            {"reason": "No."},
            REVIEW,
        ),
        "unpublish": (
            "post",
            "/api/v1/pilots/pilot-published/unpublish/",
            {"reason": "Outdated."},
            UNPUBLISH,
        ),
        "start": ("post", "/api/v1/pilots/pilot-published/start/", {}, START),
        "add collaborator": (
            "post",
            "/api/v1/pilots/pilot-draft/collaborators/",
            {"email": stranger.email},
            COLLABORATOR_ADD,
        ),
        "remove collaborator": (
            "delete",
            f"/api/v1/pilots/pilot-draft/collaborators/{collaborator.pk}/",
            None,
            COLLABORATOR_REMOVE,
        ),
        "create site": (
            "post",
            "/api/v1/sites/",
            site_body("new-site", "host-org"),
            SITE_CREATE,
        ),
        "put site": (
            "put",
            "/api/v1/sites/host-site/",
            site_body("host-site", "host-org"),
            SITE_EDIT,
        ),
        "patch site": (
            "patch",
            "/api/v1/sites/host-site/",
            {"name": "Renamed site"},
            SITE_EDIT,
        ),
        "move site to another host": (
            "patch",
            "/api/v1/sites/host-site/",
            {"host": "other-org"},
            by_role(401, *[403] * 7),
        ),
        "delete site": ("delete", "/api/v1/sites/host-site/", None, SITE_DELETE),
        "put organisation": (
            "put",
            "/api/v1/organizations/host-org/",
            {"name": "Renamed", "slug": "host-org", "kind": "company"},
            ORG_EDIT,
        ),
        "patch organisation": (
            "patch",
            "/api/v1/organizations/host-org/",
            {"name": "Renamed"},
            ORG_EDIT,
        ),
        # An admin may delete their organisation, but it still hosts a site: 409.
        "delete organisation": (
            "delete",
            "/api/v1/organizations/host-org/",
            None,
            ORG_DELETE,
        ),
        "add member": (
            "post",
            "/api/v1/organizations/host-org/members/",
            {"email": stranger.email, "role": "admin"},
            MEMBER_WRITE,
        ),
        "change member role": (
            "patch",
            f"/api/v1/organizations/host-org/members/{member.pk}/",
            {"role": "admin"},
            MEMBER_CHANGE,
        ),
        "remove member": (
            "delete",
            f"/api/v1/organizations/host-org/members/{member.pk}/",
            None,
            MEMBER_DELETE,
        ),
    }


ROUTE_NAMES = [
    "put draft pilot",
    "patch draft pilot",
    "delete draft pilot",
    "put published pilot",
    "patch published pilot",
    "delete published pilot",
    "submit draft",
    "approve",
    "request changes",
    "reject",
    "unpublish",
    "start",
    "add collaborator",
    "remove collaborator",
    "create site",
    "put site",
    "patch site",
    "move site to another host",
    "delete site",
    "put organisation",
    "patch organisation",
    "delete organisation",
    "add member",
    "change member role",
    "remove member",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_write_route_answers_as_designed(world: World, route: str, role: str) -> None:
    method, path, body, expected = routes(world)[route]
    before = snapshot()

    response = getattr(client(world, role), method)(path, body, format="json")

    assert response.status_code == expected[role], response.content
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert snapshot() == before, "a refused request changed the database"
    else:
        assert snapshot() != before, "an allowed request changed nothing"


WRITE_METHODS = {"post", "put", "patch", "delete"}
# Write routes of other issues, with their own permission tests.
COVERED_ELSEWHERE = {
    "auth": "tests/api/test_auth.py",
    "opportunities": "issue 6 (opportunities)",
    "subscriptions": "issue 6 (opportunities)",
    "notifications": "issue 6 (opportunities)",
    "unsubscribe": "issue 6 (opportunities)",
    "webhooks": "issue 6 (opportunities)",
}


def write_route_prefixes() -> set[str]:
    """First path segment of every /api/v1/ route that accepts a write."""
    from django.urls import get_resolver

    prefixes = set()
    for pattern in get_resolver("api.urls").url_patterns:
        callback = pattern.callback
        actions = getattr(callback, "actions", None)
        if actions is not None:
            methods = set(actions)
        else:
            view_class = getattr(callback, "cls", None) or getattr(
                callback, "view_class", None
            )
            methods = {m for m in WRITE_METHODS if hasattr(view_class, m)}
        if methods & WRITE_METHODS:
            segment = str(pattern.pattern).lstrip("^").split("/")[0]
            prefixes.add(segment.split("\\.")[0])
    return prefixes


def test_the_matrix_covers_every_write_route_of_the_api(world: World) -> None:
    """A new write route must join the matrix (or name its own tests)."""
    in_matrix = {path.split("/")[3] for _m, path, _b, _e in routes(world).values()}

    writable = write_route_prefixes()
    uncovered = writable - in_matrix - set(COVERED_ELSEWHERE)

    assert in_matrix == {"pilots", "sites", "organizations"}
    assert in_matrix | {"auth"} <= writable
    assert uncovered == set()


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
