"""`Content-Language` only on bodies that are translated.

LocaleMiddleware labels every response with the request's language, but most
of what the API sends is the same in every language: catalogue rows carry both
`name` and `name_no`, vocabularies both `name_en` and `name_no`, and GeoJSON,
CSV, tiles, TileJSON, OGC documents and the answers of most writes hold data.
Translated are problem details, HTML (the browsable API, the docs pages) and
the bodies a view marks with `translated()`: messages ("Check your inbox ..."),
workflow steps with their labels, the OpenAPI document asked for with `?lang=`.
A body-less answer (204, 304) has no language either.
"""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse
from rest_framework.response import Response

from .errors import PROBLEM_CONTENT_TYPE
from .middleware import is_api_path

Answer = TypeVar("Answer", bound=HttpResponse)


def translated(response: Answer) -> Answer:
    """Mark a body written in the request's language: it keeps the header."""
    response.body_is_translated = True  # type: ignore[attr-defined]
    return response


def is_translated(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "")
    return (
        content_type.startswith(PROBLEM_CONTENT_TYPE)
        or content_type.startswith("text/html")
        or getattr(response, "body_is_translated", False)
    )


class UntranslatedDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_api_path(request.path) and not is_translated(response):
            del response["Content-Language"]
        return response


def message_response(text: str, *, status: int = 200) -> Response:
    """`{"detail": text}`: a sentence in the reader's language."""
    return translated(Response({"detail": text}, status=status))
