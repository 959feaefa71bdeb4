"""Inventory (OWASP API9): the URL conf and the OpenAPI document list the same routes.

A route served but missing from the document, or documented but not served,
fails. Routes that are not API operations are excluded by the explicit list below.
"""

import re
import uuid
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from .openapi import document
from .openapi import resolve as resolve_ref

# Routes that are deliberately not API operations, each with its reason.
NOT_API_OPERATIONS: dict[str, str] = {
    "": "redirect from / to the API root",
    "admin/": "Django admin (HTML, staff only)",
    "api/schema/": "the OpenAPI document itself",
    "api/docs/": "Swagger UI page",
    "api/redoc/": "ReDoc page",
    "api/v1/": "DRF's browsable API root (a list of links)",
    "map/": "the HTML map page",
    "api-auth/": "DRF's browsable-API sign-in pages (HTML)",
    "ogc": "OGC API - Features, described by its own OpenAPI document at /ogc/api",
    "api/v1/unsubscribe/<str:token>/": "one-click unsubscribe link of older emails "
    "(GET redirects to the page, POST is RFC 8058)",
    # Pages for people (web/, issue 15): HTML, not API operations.
    "verify-email/": "page behind the emailed verification link",
    "accept-invitation/": "page behind the emailed invitation link",
    "reset-password/": "page behind the emailed password-reset link",
    "unsubscribe/<str:token>/": "page behind the emailed unsubscribe link",
    "unsubscribe/<str:token>/undo/": "undo button of the unsubscribe page",
    "sites/<slug:slug>/": "public page of a site",
    "pilots/<slug:slug>/": "public page of a pilot",
    "opportunities/<slug:slug>/": "public page of an opportunity",
    # The registration portal (web/, issue 16): HTML forms with session and CSRF.
    "sign-up/": "portal page: create an account",
    "sign-in/": "portal page: sign in (session)",
    "sign-out/": "portal button: sign out",
    "forgot-password/": "portal page: ask for a password-reset link",
    "my/pilots/": "portal page: the signed-in person's pilots",
    "my/pilots/new/": "portal page: register a pilot",
    "my/pilots/<slug:slug>/": "portal page: one's pilot, its status and history",
    "my/pilots/<slug:slug>/edit/": "portal page: change one's pilot",
    "my/pilots/<slug:slug>/submit/": "portal button: submit a pilot for review",
    "review/": "portal page: the moderators' review queue",
    "review/pilots/<slug:slug>/": "portal button: a moderator's decision on a pilot",
    "review/opportunities/<slug:slug>/": "portal button: a moderator's decision "
    "on an opportunity",
    # Booking in the portal (web/, issue 18).
    "resources/": "page: the bookable resources",
    "resources/<int:pk>/week/": "page: a resource's week with free slots",
    "resources/<int:pk>/book/": "portal page: request a free slot",
    "my/bookings/": "portal page: one's bookings and the requests one decides",
    "my/bookings/<int:pk>/cancel/": "portal button: cancel a booking",
    "my/bookings/<int:pk>/decide/": "portal button: a host's decision on a request",
    "my/organisations/": "portal page: one's organisations",
    "my/organisations/<slug:slug>/": "portal page: an organisation's overview",
    "my/organisations/<slug:slug>/members/": "portal page: members and invitations",
    "my/organisations/<slug:slug>/members/<int:user_id>/role/": "portal button: "
    "change a member's role",
    "my/organisations/<slug:slug>/members/<int:user_id>/remove/": "portal button: "
    "remove a member",
    "my/organisations/<slug:slug>/invitations/<int:invitation_id>/revoke/": "portal "
    "button: withdraw an invitation",
    "my/organisations/<slug:slug>/sites/": "portal page: the organisation's sites",
    "my/organisations/<slug:slug>/sites/new/": "portal page: add a site",
    "my/organisations/<slug:slug>/sites/<slug:site_slug>/edit/": "portal page: "
    "change a site",
    "my/organisations/<slug:slug>/opportunities/": "portal page: the calls for pilots",
    "my/organisations/<slug:slug>/opportunities/new/": "portal page: write a call",
    "my/organisations/<slug:slug>/opportunities/<slug:opportunity_slug>/": "portal "
    "page: a call, its review and the notifications it sent",
    "my/organisations/<slug:slug>/opportunities/<slug:opportunity_slug>/edit/": ""
    "portal page: change a draft call",
    "my/organisations/<slug:slug>/opportunities/<slug:opportunity_slug>/act/": ""
    "portal button: submit, publish or close a call",
}
# Format-suffix variants (zones.json) duplicate documented routes.
FORMAT_SUFFIX = re.compile(r"\\\.\(\?P<format>|<drf_format_suffix:format>")


def _join(prefix: str, route: str) -> str:
    return prefix + route.removeprefix("^")


def url_routes() -> Iterator[str]:
    def walk(patterns: list, prefix: str) -> Iterator[str]:
        for entry in patterns:
            route = _join(prefix, str(entry.pattern))
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                yield route

    yield from walk(get_resolver().url_patterns, "")


# Exclusions above that cover every route under them.
EXCLUDED_PREFIXES = ("admin/", "api-auth/", "ogc", "static/", "media/")


def _excluded(route: str) -> bool:
    plain = route.removeprefix("^").removesuffix("$").replace("\\", "")
    return (
        plain in NOT_API_OPERATIONS
        or plain.startswith(EXCLUDED_PREFIXES)
        or bool(FORMAT_SUFFIX.search(route))
    )


def _sample(path: str, parameters: list[dict]) -> str:
    for parameter in map(resolve_ref, parameters):
        if parameter.get("in") != "path":
            continue
        schema = parameter.get("schema", {})
        value = str(uuid.UUID(int=1)) if schema.get("format") == "uuid" else "1"
        path = path.replace("{" + parameter["name"] + "}", value)
    return path


def documented_routes() -> dict[str, str]:
    """Route pattern each documented path resolves to -> the documented path."""
    routes = {}
    for path, item in document()["paths"].items():
        operation = next(iter(v for k, v in item.items() if k != "parameters"))
        sample = _sample(
            path, item.get("parameters", []) + operation.get("parameters", [])
        )
        try:
            match = resolve(sample)
        except Resolver404:
            routes[f"<unresolved {sample}>"] = path
            continue
        routes[match.route] = path
    return routes


@pytest.mark.django_db
def test_every_served_route_is_documented() -> None:
    documented = documented_routes()
    served = [route for route in url_routes() if not _excluded(route)]

    missing = sorted(route for route in served if route not in documented)
    assert served
    assert missing == [], "routes served but missing from the OpenAPI document"


@pytest.mark.django_db
def test_every_documented_route_is_served() -> None:
    unresolved = [
        path for route, path in documented_routes().items() if route.startswith("<")
    ]
    assert unresolved == [], "documented paths that no URL route serves"


def test_exclusions_name_only_routes_that_exist() -> None:
    served = {
        route.removeprefix("^").removesuffix("$").replace("\\", "")
        for route in url_routes()
    }
    stale = [
        name
        for name in NOT_API_OPERATIONS
        if name not in served
        and not any(s.startswith(name) for s in served)
        and name != "map/"  # the map page arrives with the tiles issue
    ]
    assert stale == []
