"""How sites and pilots become GeoJSON Features (rendered by PostGIS).

Every property is one SQL column; related slugs come from array subqueries, so
a FeatureCollection of any size is one statement.
"""

import functools
from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet
from django.db.models.functions import Coalesce

from geo.rendering import FeatureSpec
from pilots.models import Organization, Site
from pilots.timestamps import TimestampText


def _slugs(queryset: QuerySet) -> ArraySubquery:
    return ArraySubquery(queryset.order_by("slug").values("slug"))


_SITE_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "kind": "kind",
    "name": "name",
    "name_no": "name_no",
    "status": "status",
    "access": "access",
    "host": F("host__slug"),
    "partners": _slugs(Organization.objects.filter(partner_sites=OuterRef("pk"))),
    "zone": F("zone__slug"),
    "sectors": "sectors",
    "sdgs": "sdgs",
    "trl_min": "trl_min",
    "trl_max": "trl_max",
    "website": "website",
    "updated_at": TimestampText("updated_at"),
}
SITE_FEATURE = FeatureSpec(geometry="location", id="slug", properties=_SITE_PROPERTIES)

_PILOT_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "title": "title",
    "title_no": "title_no",
    "summary": "summary",
    "status": "status",
    "lead_organization": F("lead_organization__slug"),
    "partners": _slugs(Organization.objects.filter(partner_pilots=OuterRef("pk"))),
    "sites": _slugs(Site.objects.filter(pilots=OuterRef("pk"))),
    "zone": F("zone__slug"),
    "sectors": "sectors",
    "sdgs": "sdgs",
    "trl": "trl",
    "planned_start": "planned_start",
    "planned_end": "planned_end",
    "updated_at": TimestampText("updated_at"),
}
# A pilot's area when it has one, else its point.
PILOT_FEATURE = FeatureSpec(
    geometry=Coalesce(F("area"), F("location"), output_field=GeometryField(srid=4326)),
    id="slug",
    properties=_PILOT_PROPERTIES,
)


@functools.cache
def with_distance(spec: FeatureSpec) -> FeatureSpec:
    """The same spec plus the `distance_m` annotation of a `near` query (one
    object per spec: rendering caches statements by spec)."""
    return FeatureSpec(
        geometry=spec.geometry,
        id=spec.id,
        properties={**spec.properties, "distance_m": "distance_m"},
    )
