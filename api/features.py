"""How sites and pilots become GeoJSON Features (rendered by PostGIS).

Every property is one column of the row's own table: what comes from other
tables (host, partners, sites, zone) is in its read columns, kept by the
database's triggers (pilots migration 0016), so a FeatureCollection of any size
is one statement over one table.
"""

import functools
from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.db.models import F
from django.db.models.functions import Coalesce

from geo.rendering import FeatureSpec
from pilots.timestamps import TimestampText

_SITE_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "kind": "kind",
    "name": "name",
    "name_no": "name_no",
    "status": "status",
    "access": "access",
    "host": "read_host_slug",
    "partners": "read_partner_slugs",
    "zone": "read_zone_slug",
    "sectors": "sectors",
    "sdgs": "sdgs",
    "trl_min": "trl_min",
    "trl_max": "trl_max",
    "website": "website",
    "updated_at": TimestampText("updated_at"),
}
# In CRS84 a site's feature is its read_feature text (migration 0016 writes
# these members in this order; a change here is a change there, and
# tests/pilots/test_read_columns.py compares both byte for byte); other
# projections build it from these.
SITE_FEATURE = FeatureSpec(
    geometry="location", id="slug", properties=_SITE_PROPERTIES, ready="read_feature"
)

_PILOT_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "title": "title",
    "title_no": "title_no",
    "summary": "summary",
    "status": "status",
    "lead_organization": "read_lead_slug",
    "partners": "read_partner_slugs",
    "sites": "read_site_slugs",
    "zone": "read_zone_slug",
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
        ready=spec.ready,
        ready_count=len(spec.properties),
    )
