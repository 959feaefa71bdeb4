"""RFC 9457 problem details: the one error shape of every API response."""

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(status: int, detail: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_response(status: int, detail: str, **extra: Any) -> HttpResponse:
    body = json.dumps(problem(status, detail, **extra), ensure_ascii=False)
    return HttpResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)


def field_errors(detail: Any, path: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error detail into [{field, message}] with paths."""
    if isinstance(detail, dict):
        return [
            error
            for key, value in detail.items()
            for error in field_errors(value, _join(path, str(key)))
        ]
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [{"field": path, "message": str(item)} for item in detail]
        return [
            error
            for index, item in enumerate(detail)
            for error in field_errors(item, f"{path}[{index}]")
        ]
    return [{"field": path, "message": str(detail)}]


def _join(path: str, key: str) -> str:
    if key == "non_field_errors":
        return path
    if key.isdigit():  # DRF keys list items by index: sdgs.0 -> sdgs[0]
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def problem_exception_handler(
    exc: Exception, context: dict[str, Any]
) -> Response | None:
    response = exception_handler(exc, context)
    if response is None:
        return None  # the middleware turns it into a 500/503 problem
    status = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            status,
            "The request has invalid values.",
            errors=field_errors(exc.detail),
        )
    else:
        detail = getattr(exc, "detail", HTTPStatus(status).description)
        body = problem(status, str(detail), **getattr(exc, "extra", {}))
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response
