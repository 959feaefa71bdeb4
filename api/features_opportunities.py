"""How opportunities become GeoJSON Features (rendered by PostGIS): one
table's columns, the publisher's and the sites' slugs from its read columns
(pilots migration 0016)."""

from typing import Any

from geo.rendering import FeatureSpec
from pilots.timestamps import TimestampText

_OPPORTUNITY_PROPERTIES: dict[str, Any] = {
    "id": "pk",
    "slug": "slug",
    "title": "title",
    "title_no": "title_no",
    "summary": "summary",
    "status": "status",
    "call_type": "call_type",
    "publisher": "read_publisher_slug",
    "sites": "read_site_slugs",
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
