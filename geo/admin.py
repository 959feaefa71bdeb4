from django.contrib.gis import admin

from .models import Zone
from .widgets import MapGeometryWidget


class MapGISModelAdmin(admin.GISModelAdmin):
    """Geometry fields on the MapLibre widget served from our static files."""

    gis_widget = MapGeometryWidget  # type: ignore[assignment]


@admin.register(Zone)
class ZoneAdmin(MapGISModelAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug"]
