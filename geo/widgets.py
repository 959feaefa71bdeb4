"""A geometry widget for the admin drawn with MapLibre GL JS from our static files.

Django's own widgets load OpenLayers from a CDN and start it with an inline
script; the Content-Security-Policy blocks both, so they stay blank. This one
is a plain textarea of GeoJSON (lon/lat, EPSG:4326) beside a map: a point is a
marker to drag or place with a click, other geometries are drawn and edited as
GeoJSON text. The script reads its settings from data attributes.
"""

from typing import Any

from django.conf import settings
from django.contrib.gis.forms.widgets import BaseGeometryWidget
from django.forms.widgets import Script
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse


class MapGeometryWidget(BaseGeometryWidget):
    template_name = "geo/map_widget.html"
    map_srid = 4326

    class Media:
        css = {"all": ("maplibre-gl/maplibre-gl.css", "geo/map_widget.css")}
        js = (Script("geo/map_widget.js", type="module"),)

    def serialize(self, value: Any) -> str:
        return value.json if value else ""

    def get_context(
        self, name: str, value: Any, attrs: dict[str, Any] | None
    ) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["maplibre_url"] = static("maplibre-gl/maplibre-gl.mjs")
        context["zones_tilejson_url"] = _zones_tilejson_url()
        context["map_center"] = ",".join(str(value) for value in settings.MAP_CENTER)
        context["map_zoom"] = settings.MAP_ZOOM
        return context


def _zones_tilejson_url() -> str:
    """The district's zones as the base layer (the map page's offline style)."""
    try:
        return reverse("tiles:zones")
    except NoReverseMatch:
        return ""
