"""Writes that arrive at the same moment, each on its own database connection:
If-Match under a row lock, the last admin of an organisation, a slug race."""

import functools
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, transaction

from pilots.models import Opportunity, Organization, OrganizationMembership
from tests.factories import (
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)
from tests.pilots.notifications.factories import OpportunityFactory

from .owner_support import make_member
from .parallel_support import at_once, client_as

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 8


def _closing(call: Callable[..., Any], *args: Any) -> Any:
    try:
        return call(*args)
    finally:
        connection.close()


def _detail_url(kind: str) -> tuple[str, object]:
    """A detail URL of `kind` and a user allowed to change it."""
    organization = OrganizationFactory.create()
    admin = make_member(organization, "admin")
    if kind == "pilots":
        pilot = PilotProjectFactory.create(owner=admin, status="draft")
        return f"/api/v1/pilots/{pilot.slug}/", admin
    if kind == "sites":
        site = SiteFactory.create(host=organization)
        return f"/api/v1/sites/{site.slug}/", admin
    if kind == "opportunities":
        opportunity = OpportunityFactory.create(
            publisher=organization, status=Opportunity.Status.DRAFT
        )
        return f"/api/v1/opportunities/{opportunity.slug}/", admin
    return f"/api/v1/organizations/{organization.slug}/", admin


@pytest.mark.parametrize("kind", ["pilots", "sites", "organizations", "opportunities"])
def test_parallel_patches_with_one_etag_let_exactly_one_through(kind: str) -> None:
    url, editor = _detail_url(kind)
    etag = client_as(editor).get(url)["ETag"]
    field = "title" if kind in ("pilots", "opportunities") else "name"

    def patch(number: int) -> int:
        response = client_as(editor).patch(
            url, {field: f"Edit {number}"}, format="json", HTTP_IF_MATCH=etag
        )
        return response.status_code

    statuses = at_once([functools.partial(patch, n) for n in range(PARALLEL)])

    assert Counter(statuses) == {200: 1, 412: PARALLEL - 1}


ROUNDS = 5


def _demote(organization: Organization, actor: Any, target: Any) -> int:
    response = client_as(actor).patch(
        f"/api/v1/organizations/{organization.slug}/members/{target.pk}/",
        {"role": "member"},
        format="json",
    )
    return response.status_code


def test_two_admins_demoting_each_other_at_once_leave_one_admin() -> None:
    outcomes = []
    for _round in range(ROUNDS):
        organization = OrganizationFactory.create()
        first, second = make_member(organization), make_member(organization)

        statuses = at_once(
            [
                lambda: _demote(organization, first, second),  # noqa: B023
                lambda: _demote(organization, second, first),  # noqa: B023
            ]
        )
        admins = OrganizationMembership.objects.filter(
            organization=organization, role=OrganizationMembership.Role.ADMIN
        ).count()
        outcomes.append((sorted(statuses), admins))

    # The loser is refused under the lock (409), or already is no admin (403).
    assert all(
        statuses in ([200, 403], [200, 409]) and admins == 1
        for statuses, admins in outcomes
    ), outcomes


def _create_same_slug(user: object) -> tuple[int, dict]:
    response = client_as(user).post(
        "/api/v1/organizations/",
        {"name": "Same slug", "slug": "same-slug", "kind": "company"},
        format="json",
    )
    return response.status_code, response.json()


def _wait_for_a_blocked_writer(seconds: float = 30) -> None:
    """Until another connection of this database waits on a lock."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the request never waited on the unique index")


def _names_the_slug_without_database_text(body: dict) -> bool:
    text = str(body)
    leaked = ("duplicate key", "constraint", "Key (", "pilots_")
    return body["errors"][0]["field"] == "slug" and not any(
        marker in text for marker in leaked
    )


def test_a_slug_taken_between_check_and_insert_is_a_409_naming_the_slug() -> None:
    # The other writer's row is inserted, not yet committed: the serializer's
    # uniqueness check cannot see it, the insert waits on the unique index and
    # fails when that writer commits.
    user = UserFactory.create()
    with ThreadPoolExecutor(max_workers=1) as pool:
        with transaction.atomic():
            OrganizationFactory.create(slug="same-slug")
            answer = pool.submit(lambda: _closing(_create_same_slug, user))
            _wait_for_a_blocked_writer()
        status, body = answer.result(timeout=30)

    assert status == 409
    assert _names_the_slug_without_database_text(body)
    assert Organization.objects.filter(slug="same-slug").count() == 1


def test_parallel_creates_of_one_slug_make_one_row_and_clear_answers() -> None:
    users = [UserFactory.create() for _ in range(PARALLEL)]

    answers = at_once([functools.partial(_create_same_slug, u) for u in users])
    statuses = Counter(status for status, _body in answers)

    assert statuses[201] == 1
    assert set(statuses) <= {201, 400, 409}
    assert Organization.objects.filter(slug="same-slug").count() == 1
    assert all(
        _names_the_slug_without_database_text(body)
        for status, body in answers
        if status != 201
    )
