"""Routes of OGC API - Features, mounted at /ogc (see config/urls.py).

Each route answers with or without a trailing slash (clients and people add
one); links always name the form without it.
"""

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, path

from . import views

app_name = "ogc"


def _route(route: str, view: Callable[..., Any], name: str) -> list[URLPattern]:
    return [path(route, view, name=name), path(f"{route}/", view)]


urlpatterns = [
    *_route("ogc", views.landing_page, "landing"),
    *_route("ogc/api", views.api_document, "api"),
    *_route("ogc/conformance", views.conformance, "conformance"),
    *_route("ogc/collections", views.collections, "collections"),
    *_route("ogc/collections/<str:collection_id>", views.collection, "collection"),
    *_route(
        "ogc/collections/<str:collection_id>/queryables", views.queryables, "queryables"
    ),
    *_route("ogc/collections/<str:collection_id>/schema", views.schema, "schema"),
    *_route(
        "ogc/collections/<str:collection_id>/schema.xsd",
        views.schema_xsd,
        "schema-xsd",
    ),
    *_route("ogc/collections/<str:collection_id>/items", views.items, "items"),
    *_route(
        "ogc/collections/<str:collection_id>/items/<str:feature_id>",
        views.item,
        "item",
    ),
]
