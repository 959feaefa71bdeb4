"""The world the permission tests act on: one user per role, pilots in three
states, a site, organisations and opportunities, some taken down by a moderator.

A refused request answers as designed (401 signed out, 404 for what the caller
cannot see, 403 for what they see but may not change, 409 for a moderator's
action that does not apply) and leaves the database exactly as it was."""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from pilots.models import (
    Invitation,
    Opportunity,
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
from tests.pilots.notifications.factories import OpportunityFactory

from ..owner_support import client_for, fresh_client, make_member, make_moderator

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

# (method, path, body, {role: status}): one write route called by every role.
Route = tuple[str, str, dict | None, dict[str, int]]


@dataclass
class World:
    users: dict[str, Any]
    org: Organization
    site: Site
    draft: PilotProject
    submitted: PilotProject
    published: PilotProject


def _taken_down(item: Any, moderator: Any) -> None:
    item.unpublished_at = timezone.now()
    item.unpublished_by = moderator
    item.unpublished_reason = "Misleading."
    item.save()


def build_world() -> World:
    org = OrganizationFactory.create(slug="host-org")
    other_org = OrganizationFactory.create(slug="other-org")
    owner = UserFactory.create(email="owner@example.org")
    collaborator = UserFactory.create(email="collaborator@example.org")
    moderator = make_moderator(email="moderator@example.org")
    users = {
        "anonymous": None,
        "stranger": UserFactory.create(email="stranger@example.org"),
        "owner": owner,
        "collaborator": collaborator,
        "org_admin": make_member(org, "admin", email="admin@example.org"),
        "org_member": make_member(org, "member", email="member@example.org"),
        "other_org_admin": make_member(other_org, "admin", email="oa@example.org"),
        "moderator": moderator,
    }
    pilots = {}
    for status in ("draft", "submitted", "published"):
        pilot = PilotProjectFactory.create(
            owner=owner, status=status, slug=f"pilot-{status}", lead_organization=org
        )
        pilot.collaborators.add(collaborator)
        pilots[status] = pilot
    site = SiteFactory.create(slug="host-site", host=org)
    # Taken down by a moderator: seen by moderators and their own admins only.
    _taken_down(SiteFactory.create(slug="hidden-site", host=org), moderator)
    hidden_org = OrganizationFactory.create(slug="hidden-org")
    OrganizationMembership.objects.create(
        organization=hidden_org, user=users["other_org_admin"], role="admin"
    )
    _taken_down(hidden_org, moderator)
    OpportunityFactory.create(slug="host-call", publisher=org)
    _taken_down(OpportunityFactory.create(slug="hidden-call", publisher=org), moderator)
    OpportunityFactory.create(
        slug="draft-call",
        publisher=org,
        status=Opportunity.Status.DRAFT,
        published_at=None,
    )
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
        "opportunities": list(Opportunity.objects.order_by("pk").values()),
        "invitations": list(Invitation.objects.order_by("pk").values()),
    }


def client(world: World, role: str) -> Any:
    user = world.users[role]
    return fresh_client() if user is None else client_for(user)


def by_role(*statuses: int) -> dict[str, int]:
    return dict(zip(ROLES, statuses, strict=True))


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


def call_and_check(world: World, role: str, route: Route) -> None:
    """The route answers `role` as designed; refusals change nothing."""
    method, path, body, expected = route
    before = snapshot()

    response = getattr(client(world, role), method)(path, body, format="json")

    assert response.status_code == expected[role], response.content
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert snapshot() == before, "a refused request changed the database"
    else:
        assert snapshot() != before, "an allowed request changed nothing"
