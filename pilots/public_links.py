"""Absolute links for emails: PUBLIC_BASE_URL plus a reversed path.

Pages for people live in the `web` URL namespace; reversing by name keeps
pilots/ free of imports from web/.
"""

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse


def public_url(path: str) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def web_page_url(
    name: str, *, args: Sequence[Any] = (), query: dict[str, str] | None = None
) -> str:
    """The absolute address of the page `web:<name>`."""
    path = reverse(f"web:{name}", args=list(args))
    return public_url(path + (f"?{urlencode(query)}" if query else ""))
