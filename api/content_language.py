"""`Content-Language` only on bodies that are translated.

LocaleMiddleware labels every response with the request's language, but the
data the API reads out (catalogue rows carry both `name` and `name_no`,
GeoJSON, CSV, tiles, OGC documents) is the same in every language. Problem
details and the answers of writes (sign-up, password reset: a message in the
reader's language) are translated and keep the header.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .errors import PROBLEM_CONTENT_TYPE
from .middleware import is_api_path


class UntranslatedDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and is_api_path(request.path)
            and response.get("Content-Type") != PROBLEM_CONTENT_TYPE
            and not response.get("Content-Type", "").startswith("text/html")
        ):
            del response["Content-Language"]
        return response
