"""How opportunities become GeoJSON Features (rendered by PostGIS)."""

from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef

from geo.rendering import FeatureSpec
from pilots.models import Site
from pilots.timestamps import TimestampText

_OPPORTUNITY_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "title": "title",
    "title_no": "title_no",
    "summary": "summary",
    "status": "status",
    "call_type": "call_type",
    "publisher": F("publisher__slug"),
    "sites": ArraySubquery(
        Site.objects.filter(opportunities=OuterRef("pk"))
        .order_by("slug")
        .values("slug")
    ),
    "sectors": "sectors",
    "sdgs": "sdgs",
    "trl_min": "trl_min",
    "trl_max": "trl_max",
    "opens_at": TimestampText("opens_at"),
    "deadline_type": "deadline_type",
    "deadline": TimestampText("deadline"),
    "is_example": "is_example",
    "updated_at": TimestampText("updated_at"),
}
OPPORTUNITY_FEATURE = FeatureSpec(
    geometry="footprint", id="slug", properties=_OPPORTUNITY_PROPERTIES
)
