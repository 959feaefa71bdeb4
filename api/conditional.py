"""Weak ETags and 304s for lists and OGC items.

A GET answered 200 on /api/v1/ or /ogc without an ETag of its own (lists,
GeoJSON and CSV pages, OGC documents and items) gets a weak ETag: a hash of
its media type, its language and its body, so each representation has its
own. `If-None-Match` naming it answers 304 with no body. Details keep their
version ETags (api/concurrency.py) and tiles theirs (api/tiles/views.py).
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response

PATHS = ("/api/v1/", "/ogc")


def body_etag(response: HttpResponse) -> str:
    digest = hashlib.sha256()
    digest.update(response.get("Content-Type", "").encode())
    language = translation.get_language() or settings.LANGUAGE_CODE
    digest.update(b"\0" + language.encode() + b"\0")
    # A view may name the bytes that identify the body (OGC items leave out
    # their timeStamp, which changes every second).
    digest.update(getattr(response, "etag_content", response.content))
    return f'W/"{digest.hexdigest()[:32]}"'


class ListETagMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.streaming
            or response.has_header("ETag")
            or not request.path.startswith(PATHS)
        ):
            return response
        tag = response["ETag"] = body_etag(response)
        conditional = get_conditional_response(request, etag=tag, response=response)
        return conditional or response
