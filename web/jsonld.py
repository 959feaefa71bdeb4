"""schema.org descriptions for search engines: a site is a Place, a pilot a
ResearchProject, an opportunity a Demand (a public call for something sought)."""

from typing import Any

from django.contrib.gis.geos import GEOSGeometry

from pilots.models import Opportunity, Organization
from pilots.notifications.deadlines import district_datetime

CONTEXT = "https://schema.org"


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def geo_coordinates(geometry: GEOSGeometry) -> dict[str, Any]:
    point: Any = (
        geometry if geometry.geom_type == "Point" else geometry.point_on_surface
    )
    return {
        "@type": "GeoCoordinates",
        "latitude": round(point.y, 6),
        "longitude": round(point.x, 6),
    }


def organization(org: Organization) -> dict[str, Any]:
    return _compact({"@type": "Organization", "name": org.name, "url": org.website})


def place(
    *, name: str, url: str, geometry: GEOSGeometry, **extra: Any
) -> dict[str, Any]:
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Place",
            "name": name,
            "url": url,
            "geo": geo_coordinates(geometry),
            **extra,
        }
    )


def research_project(
    *,
    name: str,
    url: str,
    description: str,
    geometry: GEOSGeometry | None,
    members: list[Organization],
    keywords: list[str],
) -> dict[str, Any]:
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "ResearchProject",
            "name": name,
            "url": url,
            "description": description,
            "location": {"@type": "Place", "geo": geo_coordinates(geometry)}
            if geometry
            else None,
            "member": [organization(org) for org in members],
            "keywords": ", ".join(keywords),
        }
    )


def demand(
    *, opportunity: Opportunity, name: str, url: str, description: str
) -> dict[str, Any]:
    area = opportunity.area or opportunity.footprint
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Demand",
            "name": name,
            "url": url,
            "description": description,
            "validFrom": district_datetime(opportunity.opens_at).isoformat()
            if opportunity.opens_at
            else None,
            "validThrough": district_datetime(opportunity.deadline).isoformat()
            if opportunity.deadline
            else None,
            "areaServed": {"@type": "Place", "geo": geo_coordinates(area)}
            if area
            else None,
        }
    )
