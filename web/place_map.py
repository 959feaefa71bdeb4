"""What the small map on a page needs (web/static/web/place-map.js): the row's
geometries as GeoJSON, where to look, and the basemap (none: works offline)."""

import json
from typing import Any

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry
from django.templatetags.static import static

POINT_ZOOM = 15


def place_map(*geometries: GEOSGeometry | None) -> dict[str, Any] | None:
    shapes = [g for g in geometries if g is not None and not g.empty]
    if not shapes:
        return None
    features = [
        {"type": "Feature", "properties": {}, "geometry": json.loads(shape.json)}
        for shape in shapes
    ]
    xs = [x for shape in shapes for x in (shape.extent[0], shape.extent[2])]
    ys = [y for shape in shapes for y in (shape.extent[1], shape.extent[3])]
    return {
        "maplibre": static("maplibre-gl/maplibre-gl.mjs"),
        "basemap": {
            "tiles": settings.MAP_BASEMAP_TILES_URL,
            "attribution": settings.MAP_BASEMAP_ATTRIBUTION,
        },
        "features": {"type": "FeatureCollection", "features": features},
        "bounds": [min(xs), min(ys), max(xs), max(ys)],
        "point_zoom": POINT_ZOOM,
    }
