"""Routes of OGC API - Features, mounted at /ogc (see config/urls.py)."""

from django.urls import path

from . import views

app_name = "ogc"

urlpatterns = [
    path("ogc", views.landing_page, name="landing"),
    path("ogc/", views.landing_page),
    path("ogc/api", views.api_document, name="api"),
    path("ogc/conformance", views.conformance, name="conformance"),
    path("ogc/collections", views.collections, name="collections"),
    path("ogc/collections/<str:collection_id>", views.collection, name="collection"),
    path(
        "ogc/collections/<str:collection_id>/queryables",
        views.queryables,
        name="queryables",
    ),
    path("ogc/collections/<str:collection_id>/items", views.items, name="items"),
    path(
        "ogc/collections/<str:collection_id>/items/<str:feature_id>",
        views.item,
        name="item",
    ),
]
