"""Every write route, every role and every verb, on objects of others (BOLA) and
moderator-only actions called by others (BFLA): see support.py for the answers
expected and the database check."""

import pytest

from .catalogue_routes import CATALOGUE_ROUTE_NAMES, catalogue_routes
from .pilot_routes import PILOT_ROUTE_NAMES, pilot_routes
from .support import ROLES, World, call_and_check

WRITE_METHODS = {"post", "put", "patch", "delete"}
# Write routes of other issues, with their own permission tests.
COVERED_ELSEWHERE = {
    "auth": "tests/api/test_auth.py",
    "subscriptions": "issue 6 (opportunities)",
    "notifications": "issue 6 (opportunities)",
    "unsubscribe": "issue 6 (opportunities)",
    "webhooks": "issue 6 (opportunities)",
    "resources": "tests/api/test_booking_permissions.py",
    "bookings": "tests/api/test_booking_permissions.py",
    "invitations": "tests/api/accounts/test_invitations.py",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", PILOT_ROUTE_NAMES)
def test_pilot_write_route_answers_as_designed(
    world: World, route: str, role: str
) -> None:
    call_and_check(world, role, pilot_routes(world)[route])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", CATALOGUE_ROUTE_NAMES)
def test_catalogue_write_route_answers_as_designed(
    world: World, route: str, role: str
) -> None:
    call_and_check(world, role, catalogue_routes(world)[route])


def test_every_named_route_is_in_its_table(world: World) -> None:
    assert sorted(PILOT_ROUTE_NAMES) == sorted(pilot_routes(world))
    assert sorted(CATALOGUE_ROUTE_NAMES) == sorted(catalogue_routes(world))


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
    tables = {**pilot_routes(world), **catalogue_routes(world)}
    in_matrix = {path.split("/")[3] for _m, path, _b, _e in tables.values()}

    writable = write_route_prefixes()
    uncovered = writable - in_matrix - set(COVERED_ELSEWHERE)

    assert in_matrix == {"pilots", "sites", "organizations", "opportunities"}
    assert in_matrix | {"auth"} <= writable
    assert uncovered == set()
