from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import QuerySet

from .models import Zone
from .rendering import COORDINATE_DECIMALS

WGS84 = 4326


def zone_list() -> QuerySet[Zone]:
    return Zone.objects.annotate(
        area_geojson=AsGeoJSON("area", precision=COORDINATE_DECIMALS)
    ).order_by("name")


def zone_containing(geometry: GEOSGeometry | None) -> Zone | None:
    """The zone that holds the geometry's point on surface (None outside the zones).

    A point on a shared edge lies in both neighbours; the lowest id wins, so the
    answer is stable. The same rule as pilots.services.zones (set-based refresh).
    """
    if geometry is None or geometry.empty:
        return None
    anchor = geometry.point_on_surface
    if anchor.srid is None:
        anchor.srid = WGS84
    return Zone.objects.filter(area__covers=anchor).order_by("id").first()
