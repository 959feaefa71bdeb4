"""Loading the district's reference data (idempotent: upserts by slug)."""

import json
from pathlib import Path

from django.contrib.gis.geos import GEOSGeometry, MultiPolygon
from django.db import transaction

from geo.models import Zone


def _multipolygon(geometry: dict) -> MultiPolygon:
    shape = GEOSGeometry(json.dumps(geometry), srid=4326)
    return shape if isinstance(shape, MultiPolygon) else MultiPolygon(shape, srid=4326)


@transaction.atomic
def zones_load(*, path: Path) -> int:
    """Upsert the zones of a GeoJSON FeatureCollection; returns how many."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    for feature in features:
        properties = feature["properties"]
        Zone.objects.update_or_create(
            slug=properties["slug"],
            defaults={
                "name": properties["name"],
                "area": _multipolygon(feature["geometry"]),
            },
        )
    return len(features)
