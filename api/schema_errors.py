"""OpenAPI post-processing: document the error answers every operation can give.

Each operation gets the problem-details responses it can really produce (RFC 9457,
api/errors.py): 400 for bad parameters or bodies, 401/403 where credentials are
read, 404 for unknown objects and formats, 413/415 for bodies, 429 for throttles
and 503 for a database outage. Operations that anonymous clients may call get the
optional (`{}`) security requirement, decided by asking the view's own permission
classes about an anonymous request, so clients and test tools see the truth.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
    "required": ["title", "status"],
}
DESCRIPTIONS = {
    400: "Invalid parameters or body (problem details name the fields).",
    401: "Missing, invalid or expired credentials.",
    403: "Not allowed for these credentials.",
    404: "No such object, or an unknown format.",
    413: "Request body over the size limit.",
    415: "Unsupported body media type.",
    429: "Throttled; Retry-After says when to come back.",
    503: "Database unavailable; retry soon.",
}
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
UNSAFE = ("put", "post", "patch", "delete")


def _statuses(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    statuses = [429, 503]
    if parameters or has_body:
        statuses.append(400)
    if any(s for s in operation.get("security", []) if s):
        statuses += [401, 403]
    if "{" in path or any(p.get("name") == "format" for p in parameters):
        statuses.append(404)
    if has_body or method in UNSAFE:
        statuses += [413, 415]
    return statuses


def _anonymous_allowed(generator: Any) -> set[tuple[str, str]]:
    """(path, method) pairs whose permission classes admit an anonymous request."""
    allowed: set[tuple[str, str]] = set()
    factory = APIRequestFactory()
    try:
        endpoints = generator._get_paths_and_endpoints()
    except Exception:  # generator internals changed: document nothing extra
        return allowed
    for path, _, method, view in endpoints:
        request = Request(factory.generic(method, path))
        request.user = AnonymousUser()
        try:
            admitted = all(
                permission.has_permission(request, view)
                for permission in view.get_permissions()
            )
        except Exception:  # a permission that needs more context: keep it strict
            admitted = False
        if admitted:
            allowed.add((path, method.lower()))
    return allowed


def add_problem_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Problem", PROBLEM_SCHEMA)
    problem = {
        "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    anonymous = _anonymous_allowed(generator)
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            security = operation.get("security")
            if security and {} not in security and (path, method) in anonymous:
                security.append({})
            responses = operation.setdefault("responses", {})
            for status in _statuses(path, method, operation):
                responses.setdefault(
                    str(status),
                    {"description": DESCRIPTIONS[status], "content": problem},
                )
            # Errors a view declares itself (e.g. a failed sign-in's 401) are
            # problem details too.
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400:
                    response.setdefault("content", problem)
    return result
