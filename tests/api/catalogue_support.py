"""Helpers for the catalogue API tests: geodesic placement, sectors, parsing."""

import json

from django.contrib.gis.geos import Point
from django.db import connection

from pilots.models import Sector


def point_at(lon: float, lat: float, *, metres: float, azimuth_deg: float) -> Point:
    """The point `metres` away on the WGS 84 spheroid (PostGIS ST_Project)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Project("
            "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, %s, radians(%s)"
            ")::geometry AS p) q",
            [lon, lat, metres, azimuth_deg],
        )
        x, y = cursor.fetchone()
    return Point(x, y, srid=4326)


def sectors(*slugs: str) -> list[Sector]:
    return [
        Sector.objects.get_or_create(
            slug=slug, defaults={"name_en": slug.title(), "name_no": slug}
        )[0]
        for slug in slugs
    ]


def slugs(response) -> list[str]:
    """Slugs of a JSON list page or a GeoJSON FeatureCollection, in order."""
    body = json.loads(response.content)
    if body.get("type") == "FeatureCollection":
        return [feature["properties"]["slug"] for feature in body["features"]]
    return [row["slug"] for row in body["results"]]


def error_fields(response) -> set[str]:
    assert response["Content-Type"] == "application/problem+json"
    return {error["field"] for error in response.json().get("errors", [])}
