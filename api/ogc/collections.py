"""The registry of OGC collections: adding a collection is adding one entry.

Rows come from the same selectors as the REST API (same visibility); features
are the REST API's GeoJSON specs, rendered by PostGIS.
"""

from typing import Any

from api.features import PILOT_FEATURE, SITE_FEATURE
from geo.rendering import FeatureSpec
from geo.selectors import zone_list
from pilots.models import PilotProject, Site
from pilots.selectors.catalogue import visible_pilots, visible_sites

from .collection import Collection, Queryable

COLLECTIONS: dict[str, Collection] = {}


def register(collection: Collection) -> Collection:
    if collection.id in COLLECTIONS:
        raise ValueError(f"collection {collection.id!r} is already registered")
    COLLECTIONS[collection.id] = collection
    return collection


def text(title: str, lookup: str) -> Queryable:
    return Queryable(lookup, {"title": title, "type": "string"})


def choice(title: str, lookup: str, values: list[str]) -> Queryable:
    return Queryable(lookup, {"title": title, "type": "string", "enum": values})


def integer(title: str, lookup: str, minimum: int, maximum: int) -> Queryable:
    return Queryable(
        lookup,
        {"title": title, "type": "integer", "minimum": minimum, "maximum": maximum},
    )


def timestamp(title: str, lookup: str) -> Queryable:
    return Queryable(lookup, {"title": title, "type": "string", "format": "date-time"})


def day(title: str, lookup: str) -> Queryable:
    return Queryable(lookup, {"title": title, "type": "string", "format": "date"})


def geometry(title: str, geometry_format: str) -> Queryable:
    return Queryable(
        "ogc_geometry",
        {"title": title, "format": geometry_format, "x-ogc-role": "primary-geometry"},
    )


def _zones(*, user: Any = None) -> Any:
    return zone_list()


register(
    Collection(
        id="sites",
        title="Test sites",
        description="Test arenas and shared labs of the Trondheim Tech Port district.",
        rows=visible_sites,
        feature=SITE_FEATURE,
        geometry="location",
        geometry_format="geometry-point",
        time_start="updated_at",
        time_end="updated_at",
        queryables={
            "slug": text("Identifier", "slug"),
            "name": text("Name", "name"),
            "name_no": text("Name (Norwegian)", "name_no"),
            "kind": choice("Kind", "kind", Site.Kind.values),
            "status": choice("Status", "status", Site.Status.values),
            "access": choice("Access", "access", Site.Access.values),
            "host": text("Host organisation (slug)", "host__slug"),
            "zone": text("Zone (slug)", "zone__slug"),
            "trl_min": integer("Lowest TRL", "trl_min", 1, 9),
            "trl_max": integer("Highest TRL", "trl_max", 1, 9),
            "updated_at": timestamp("Last update", "updated_at"),
            "geometry": geometry("Location", "geometry-point"),
        },
    )
)

register(
    Collection(
        id="pilots",
        title="Pilot projects",
        description="Pilot projects in the district: their area, else their point.",
        rows=visible_pilots,
        feature=PILOT_FEATURE,
        geometry=PILOT_FEATURE.geometry,
        geometry_format="geometry-any",
        time_start="planned_start",
        time_end="planned_end",
        queryables={
            "slug": text("Identifier", "slug"),
            "title": text("Title", "title"),
            "title_no": text("Title (Norwegian)", "title_no"),
            "status": choice("Status", "status", PilotProject.Status.values),
            "lead_organization": text(
                "Lead organisation (slug)", "lead_organization__slug"
            ),
            "zone": text("Zone (slug)", "zone__slug"),
            "trl": integer("Technology readiness level", "trl", 1, 9),
            "planned_start": day("Planned start", "planned_start"),
            "planned_end": day("Planned end", "planned_end"),
            "updated_at": timestamp("Last update", "updated_at"),
            "geometry": geometry("Area or location", "geometry-any"),
        },
    )
)

register(
    Collection(
        id="zones",
        title="District zones",
        description="The named areas of the district (Gløshaugen, Øya, ...).",
        rows=_zones,
        feature=FeatureSpec(
            geometry="area", id="slug", properties={"slug": "slug", "name": "name"}
        ),
        geometry="area",
        geometry_format="geometry-multipolygon",
        time_start="updated_at",
        time_end="updated_at",
        queryables={
            "slug": text("Identifier", "slug"),
            "name": text("Name", "name"),
            "updated_at": timestamp("Last update", "updated_at"),
            "geometry": geometry("Area", "geometry-multipolygon"),
        },
    )
)

# Opportunities (issue 6): the REST API's rows and GeoJSON spec.
from api.features_opportunities import OPPORTUNITY_FEATURE  # noqa: E402
from pilots.models import Opportunity  # noqa: E402
from pilots.selectors.opportunities import opportunity_list  # noqa: E402

register(
    Collection(
        id="opportunities",
        title="Opportunities",
        description="Calls for pilots, testbed access and partnerships the "
        "district publishes (their area, else their sites' locations).",
        rows=opportunity_list,
        feature=OPPORTUNITY_FEATURE,
        geometry="footprint",
        geometry_format="geometry-any",
        time_start="opens_at",
        time_end="deadline",
        queryables={
            "slug": text("Identifier", "slug"),
            "title": text("Title", "title"),
            "status": choice("Status", "status", Opportunity.Status.values),
            "call_type": choice("Call type", "call_type", Opportunity.CallType.values),
            "publisher": text("Publisher (slug)", "publisher__slug"),
            "trl_min": integer("Lowest TRL", "trl_min", 1, 9),
            "trl_max": integer("Highest TRL", "trl_max", 1, 9),
            "opens_at": timestamp("Opens", "opens_at"),
            "deadline": timestamp("Deadline", "deadline"),
            "updated_at": timestamp("Last update", "updated_at"),
            "geometry": geometry("Area or site locations", "geometry-any"),
        },
    )
)
