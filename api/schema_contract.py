"""OpenAPI post-processing: the HTTP contract around the bodies.

- Tags: one per resource (the path's first segment after /api/v1/, see
  SCHEMA_PATH_PREFIX), every tag defined with a description.
- Summaries: an operation without one gets a short sentence from its action
  (`List sites`, `Read a pilot`, `Pilot: submit`); SUMMARIES below names the
  others.
- Conditional requests: views with api.concurrency.ETagMixin (or that list actions
  in `etag_actions`) document `ETag`, `If-None-Match` and 304 on reads, `If-Match`
  and 412 on writes; any GET that declares a 304 gets `ETag`/`If-None-Match` too.
- Pagination: every paginated list and GeoJSON FeatureCollection documents the
  RFC 8288 `Link` header (next/prev) beside the body links.
- Security: an operation anonymous clients may call (api/schema_errors.py gave it
  the optional `{}` requirement) gets `security: []`: no credentials needed, so
  generated clients (openapi-python-client) call it without a token. Credentials
  are still read when sent: a signed-in caller may see more rows, and a bad
  token is a 401 (documented).
- Schemas: `nullable` without a `type` (not valid in OpenAPI 3.0) is dropped from
  an untyped schema (it admits null already); beside a `oneOf`/`anyOf` it becomes a
  null member of it (`NULL_SCHEMA`), which validators and generated clients read.

New endpoints get all of this by their shape; nothing to repeat per view.
"""

import copy
from typing import Any

from django.conf import settings

from .concurrency import ETagMixin

METHODS = ("get", "put", "post", "patch", "delete")
HEADERS: dict[str, Any] = {
    "ETag": {
        "description": "Version of this representation; send it back in "
        "If-None-Match (reads, 304) or If-Match (writes, 412).",
        "schema": {"type": "string", "example": '"3f2a9c1e0b7d4e6a8c5f1d2e3a4b5c6d"'},
    },
    "Link": {
        "description": "RFC 8288 links to the `next` and `prev` pages, as in "
        "the body's links.",
        "schema": {
            "type": "string",
            "example": '<http://127.0.0.1:8000/api/v1/sites/?cursor=cD0x>; rel="next"',
        },
    },
}
PARAMETERS: dict[str, Any] = {
    "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "ETag(s) you hold: 304 Not Modified when one still matches.",
        "schema": {"type": "string"},
    },
    "IfMatch": {
        "name": "If-Match",
        "in": "header",
        "required": False,
        "description": "The ETag you read: 412 when the resource changed since "
        "(nobody's edit is silently overwritten); `*` matches any version.",
        "schema": {"type": "string"},
    },
}
PROBLEM_CONTENT = {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
}
RESPONSES: dict[str, Any] = {
    "NotModified": {
        "description": "Not modified: the If-None-Match ETag still matches.",
        "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
    },
    "PreconditionFailed": {
        "description": "The resource changed since you read it (If-Match does "
        "not match its ETag); fetch it again and reapply your change.",
        "content": PROBLEM_CONTENT,
    },
}
# Operations whose action name alone would not say what they do.
SUMMARIES = {
    "auth_login_create": "Sign in: get an API token",
    "auth_logout_create": "Sign out: revoke this token",
    "auth_me_retrieve": "The signed-in account",
    "auth_password_reset_create": "Ask for a password reset email",
    "auth_password_reset_confirm_create": "Set a new password from the email",
    "auth_sign_up_create": "Create an account (sends a verification email)",
    "auth_tokens_list": "List your API tokens",
    "auth_tokens_destroy": "Revoke one of your API tokens",
    "auth_verify_email_create": "Verify an email address",
    "notifications_read_create": "Mark a notification read",
    "notifications_mark_read_create": "Mark all notifications read",
    "notifications_unread_count_retrieve": "Count unread notifications",
    "subscriptions_rotate_secret_create": "Subscription: new webhook secret",
    "organizations_members_create": "Add a member to an organisation",
    "organizations_members_partial_update": "Change a member's role",
    "organizations_members_destroy": "Remove a member from an organisation",
    "pilots_collaborators_create": "Add a collaborator to a pilot",
    "pilots_collaborators_destroy": "Remove a collaborator from a pilot",
    "healthz": "Liveness",
    "readyz": "Readiness (database and Redis)",
}
PLURALS = {"sdgs": "UN SDGs", "trl-levels": "TRL levels"}
NOUNS = {
    "opportunities": "opportunity",
    "sdgs": "UN SDG",
    "trl-levels": "TRL level",
    "members": "member",
    "collaborators": "collaborator",
}
CRUD = {
    "list": "List {plural}",
    "retrieve": "Read {noun}",
    "create": "Create {noun}",
    "update": "Replace {noun}",
    "partial_update": "Update {noun} (some fields)",
    "destroy": "Delete {noun}",
}


def _noun(segment: str) -> str:
    return NOUNS.get(segment, segment.removesuffix("s").replace("-", " "))


def _with_article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _summary(path: str, operation: dict[str, Any], view: Any) -> str:
    segments = [s for s in path.strip("/").split("/") if s]
    if segments[:2] == ["api", "v1"]:
        segments = segments[2:]
    names = [s for s in segments if not s.startswith("{")]
    action = getattr(view, "action", None)
    crud = CRUD.get(action or "") or (
        CRUD["list"] if operation["operationId"].endswith("_list") else None
    )
    if names[-1:] == ["history"] and len(names) > 1:
        return f"History of {_with_article(_noun(names[0]))}"
    if crud and names:
        plural = PLURALS.get(names[-1], names[-1].replace("-", " "))
        return crud.format(plural=plural, noun=_with_article(_noun(names[-1])))
    owner = _noun(names[0]).capitalize() if names else "API"
    what = (names[-1] if len(names) > 1 else action or "call").replace("-", " ")
    return f"{owner}: {what.replace('_', ' ')}"


def _views(generator: Any) -> dict[tuple[str, str], Any]:
    try:
        endpoints = generator._get_paths_and_endpoints()
    except Exception:  # generator internals changed: summaries from paths only
        return {}
    return {(path, method.lower()): view for path, _, method, view in endpoints}


def _etag_actions(view: Any) -> set[str]:
    actions = set(getattr(view, "etag_actions", ()))
    if isinstance(view, ETagMixin):
        actions |= {"retrieve", "update", "partial_update", "destroy"}
    return actions


def _add_parameter(operation: dict[str, Any], name: str) -> None:
    """Inline, as drf-spectacular writes every parameter."""
    parameter = PARAMETERS[name]
    parameters = operation.setdefault("parameters", [])
    if all(p.get("name") != parameter["name"] for p in parameters):
        parameters.append(copy.deepcopy(parameter))


def _add_header(response: dict[str, Any], name: str) -> None:
    if "$ref" not in response:
        headers = response.setdefault("headers", {})
        headers.setdefault(name, {"$ref": f"#/components/headers/{name}"})


def _is_page(response: dict[str, Any]) -> bool:
    for body in response.get("content", {}).values():
        ref = body.get("schema", {}).get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if name.startswith("Paginated") or name == "FeatureCollection":
            return True
    return False


def _document_headers(method: str, operation: dict[str, Any], view: Any) -> None:
    responses = operation.setdefault("responses", {})
    ok = responses.get("200")
    conditional = getattr(view, "action", None) in _etag_actions(view)
    if method == "get" and (conditional or "304" in responses):
        _add_parameter(operation, "IfNoneMatch")
        responses["304"] = {"$ref": "#/components/responses/NotModified"}
        if ok:
            _add_header(ok, "ETag")
    if method in ("put", "patch", "delete") and conditional:
        _add_parameter(operation, "IfMatch")
        responses.setdefault(
            "412", {"$ref": "#/components/responses/PreconditionFailed"}
        )
        if ok:
            _add_header(ok, "ETag")
    if method == "get" and ok and _is_page(ok):
        _add_header(ok, "Link")


NULL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "nullable": True,
    "enum": [None],
    "description": "null",
}


def _valid_nullable(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node:
            union = node.get("oneOf", node.get("anyOf"))
            if union is not None:
                if NULL_SCHEMA not in union:
                    union.append(copy.deepcopy(NULL_SCHEMA))
                del node["nullable"]
            elif not {"$ref", "allOf"} & set(node):
                del node["nullable"]
        for value in node.values():
            _valid_nullable(value)
    elif isinstance(node, list):
        for value in node:
            _valid_nullable(value)


def document_http_contract(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    components = result.setdefault("components", {})
    components.setdefault("headers", {}).update(HEADERS)
    components.setdefault("responses", {}).update(RESPONSES)
    aliases = settings.SPECTACULAR_TAG_ALIASES
    views = _views(generator)
    used: list[str] = []
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            view = views.get((path, method))
            tags = [aliases.get(tag, tag) for tag in operation.get("tags", [])]
            operation["tags"] = list(dict.fromkeys(tags))
            used += [tag for tag in operation["tags"] if tag not in used]
            if not operation.get("summary"):
                operation["summary"] = SUMMARIES.get(
                    operation["operationId"], _summary(path, operation, view)
                )
            if not operation.get("description"):
                operation["description"] = operation["summary"] + "."
            _document_headers(method, operation, view)
            if {} in operation.get("security", []):
                operation["security"] = []
    defined = {tag["name"] for tag in result.get("tags", [])}
    result.setdefault("tags", []).extend(
        {"name": tag, "description": f"Operations on {tag}."}
        for tag in used
        if tag not in defined
    )
    result["tags"] = [tag for tag in result["tags"] if tag["name"] in used]
    _valid_nullable(components.get("schemas", {}))
    return result
