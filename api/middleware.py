"""Every error on an API path leaves as problem details, never HTML."""

import logging
from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .errors import PROBLEM_CONTENT_TYPE, problem_response
from .problem_titles import status_description

logger = logging.getLogger(__name__)

KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")
API_PREFIXES = ("/api/", "/ogc", "/tiles/", "/healthz", "/readyz")


def is_api_path(path: str) -> bool:
    return path.startswith(API_PREFIXES)


class ProblemDetailsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and is_api_path(request.path)
            and response.get("Content-Type") != PROBLEM_CONTENT_TYPE
        ):
            status = response.status_code
            problem = problem_response(status, status_description(status))
            for header in KEPT_HEADERS:  # a 405 names the methods it allows
                if header in response:
                    problem[header] = response[header]
            return problem
        return response

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_api_path(request.path):
            return None
        if isinstance(exception, RequestDataTooBig):
            return problem_response(413, _("The request body is too large."))
        if isinstance(exception, SuspiciousOperation):
            # Too many parameters, a bad Host, a malformed body: the client's fault.
            logger.warning("refused request on %s: %s", request.path, exception)
            return problem_response(400, str(exception))
        if isinstance(exception, OperationalError | InterfaceError):
            logger.warning("database unavailable: %s", exception)
            response = problem_response(
                503, _("The database is unavailable; retry soon.")
            )
            response["Retry-After"] = "5"
            return response
        logger.error("unhandled error on %s", request.path, exc_info=exception)
        return problem_response(500, _("An unexpected error occurred."))
