from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

from api.views.health import HealthView, ReadinessView
from api.views.map import MapView
from api.views.schema import SchemaView
from api.views.session_login import browsable_api_login, throttled

urlpatterns = [
    path("", RedirectView.as_view(url="/api/v1/", permanent=False)),
    path("api/v1/", include("api.urls")),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("healthz", HealthView.as_view(), name="healthz"),
    path("readyz", ReadinessView.as_view(), name="readyz"),
    # Sign-in pages share the token sign-in's throttle (issue 5).
    path("admin/login/", throttled(admin.site.login)),
    path("api-auth/login/", browsable_api_login),
    path("admin/", admin.site.urls),
    # Session sign-in for the browsable API (issue 5).
    path("api-auth/", include("rest_framework.urls")),
    path("tiles/", include("api.tiles.urls")),
    path("map/", MapView.as_view(), name="map"),
    path("", include("api.ogc.urls")),  # /ogc: OGC API - Features (issue 4)
    # Pages for people: email links, public pages (issue 15).
    path("", include("web.urls")),
]
