"""CORS: the catalogue is open data, so anonymous reads are open to any origin.

django-cors-headers answers configured origins (CORS_ALLOWED_ORIGINS) for
everything on the API, OGC and tile routes; this signal handler adds any
origin for a GET or HEAD without credentials (and its preflight). Writes, and
reads sending a token, stay limited to the configured origins.
"""

import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest

SAFE_METHODS = ("GET", "HEAD")


def _requested_headers(request: HttpRequest) -> set[str]:
    text = request.headers.get("Access-Control-Request-Headers", "")
    return {name.strip().lower() for name in text.split(",") if name.strip()}


def anonymous_read_from_any_origin(
    sender: Any, request: HttpRequest, **kwargs: Any
) -> bool:
    if not re.match(settings.CORS_URLS_REGEX, request.path_info):
        return False
    if request.method == "OPTIONS":
        method = request.headers.get("Access-Control-Request-Method", "").upper()
        return method in SAFE_METHODS and "authorization" not in _requested_headers(
            request
        )
    return request.method in SAFE_METHODS and "authorization" not in request.headers
