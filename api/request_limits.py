"""Refuse request bodies over the limit with 413 problem details, before any read.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE answers 400 and DRF's JSON parser reads the
stream without checking it, so the API checks the declared length itself.
Bodies without a Content-Length are not read by Django at all.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from .errors import problem_response
from .middleware import is_api_path


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.API_MAX_REQUEST_BODY_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit and is_api_path(request.path):
            # This runs before LocaleMiddleware: the answer picks its language.
            with translation.override(translation.get_language_from_request(request)):
                return problem_response(
                    413,
                    _(
                        "The request body has %(length)d bytes; "
                        "the limit is %(limit)d bytes."
                    )
                    % {"length": length, "limit": limit},
                )
        return self.get_response(request)
