"""What the map of the pilot form needs (web/static/web/pick-place.js): the
district's zones and public sites to find one's way (no basemap needed), where
to look, and MapLibre served by the app."""

import json
from typing import Any

from django.conf import settings
from django.templatetags.static import static

from geo.selectors import zone_list
from pilots.models import Site

from .place_map import POINT_ZOOM


def _feature(geometry: Any, name: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": json.loads(geometry.json),
    }


def pick_map() -> dict[str, Any]:
    zones = [_feature(z.area, z.name) for z in zone_list()]
    sites = [
        _feature(s.location, s.name)
        for s in Site.objects.public().only("name", "location")
    ]
    return {
        "maplibre": static("maplibre-gl/maplibre-gl.mjs"),
        "basemap": {
            "tiles": settings.MAP_BASEMAP_TILES_URL,
            "attribution": settings.MAP_BASEMAP_ATTRIBUTION,
        },
        "zones": {"type": "FeatureCollection", "features": zones},
        "sites": {"type": "FeatureCollection", "features": sites},
        "center": list(settings.MAP_CENTER),
        "zoom": settings.MAP_ZOOM,
        "point_zoom": POINT_ZOOM,
    }
