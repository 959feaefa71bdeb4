from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db.models import QuerySet

from .models import Zone
from .rendering import COORDINATE_DECIMALS


def zone_list() -> QuerySet[Zone]:
    return Zone.objects.annotate(
        area_geojson=AsGeoJSON("area", precision=COORDINATE_DECIMALS)
    ).order_by("name")
