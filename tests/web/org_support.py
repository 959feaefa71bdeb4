"""Helpers for the organisation pages' tests: an organisation with an admin,
a member and an outsider, and a query counter."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pilots.models import Organization
from tests.api.owner_support import make_member
from tests.factories import OrganizationFactory, UserFactory


@dataclass
class Team:
    organization: Organization
    admin: Any
    member: Any
    outsider: Any

    def path(self, rest: str = "") -> str:
        return f"/my/organisations/{self.organization.slug}/{rest}"


def team(**organization: Any) -> Team:
    org = OrganizationFactory.create(name="Trondheim Harbour", **organization)
    return Team(
        organization=org,
        admin=make_member(org, "admin", email="admin@example.org"),
        member=make_member(org, "member", email="member@example.org"),
        outsider=UserFactory.create(email="outsider@example.org"),
    )


def queries_of(call: Callable[[], Any]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code == 200
    return len(queries)
