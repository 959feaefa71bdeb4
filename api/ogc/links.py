"""Absolute links and the media types of the OGC endpoints."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

JSON = "application/json"
GEOJSON = "application/geo+json"
OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0"
SCHEMA_JSON = "application/schema+json"
QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"


def url(request: HttpRequest, name: str, *args: str, **query: Any) -> str:
    """The absolute URL of the named OGC route, with query parameters."""
    location = reverse(f"ogc:{name}", args=args)
    if query:
        location += "?" + urlencode(query)
    return request.build_absolute_uri(location)


def link(href: str, rel: str, media_type: str, title: str) -> dict[str, str]:
    return {"href": href, "rel": rel, "type": media_type, "title": title}


def link_header(links: list[dict[str, str]]) -> str:
    """The links as one RFC 8288 Link header, each with its rel and type."""
    return ", ".join(
        f'<{each["href"]}>; rel="{each["rel"]}"; type="{each["type"]}"'
        for each in links
    )
