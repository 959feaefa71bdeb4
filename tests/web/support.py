"""Helpers for the page tests: links in emails, the page's parts."""

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

URL = re.compile(r"https?://[^\s<>\"]+")


def links_in(text: Any) -> list[str]:
    return URL.findall(str(text))


def path_of(link: str) -> str:
    """The path and query of an emailed link, for the test client."""
    assert link.startswith(settings.PUBLIC_BASE_URL.rstrip("/") + "/"), link
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def emailed_link(body: Any, path_prefix: str) -> str:
    [link] = [
        link for link in links_in(body) if urlsplit(link).path.startswith(path_prefix)
    ]
    return link


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, Any]] = []
        self._current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._current = {**dict(attrs), "text": ""}

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append(self._current)
            self._current = None


def scripts(html: str) -> list[dict[str, Any]]:
    parser = _Scripts()
    parser.feed(html)
    return parser.scripts


def json_ld(html: str) -> dict[str, Any]:
    [block] = [s for s in scripts(html) if s.get("type") == "application/ld+json"]
    return json.loads(block["text"])


def assert_no_inline_code(html: str) -> None:
    """Scripts come from files, or are data blocks (JSON), never inline code."""
    for script in scripts(html):
        assert script.get("src") or script.get("type") in (
            "application/json",
            "application/ld+json",
        ), script
