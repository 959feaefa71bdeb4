"""The vector-tile layers: one entry each in TILE_LAYERS.

A layer names its public rows (a selector), how a row becomes a feature
(attributes with their descriptions for TileJSON), the FilterSet its query
parameters go through (the same one as the list endpoint), and the tables whose
changes must change the tiles' version. Adding a layer is adding one entry.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.db.models import Expression, F, Func, QuerySet, TextField, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django_filters import FilterSet

from geo.models import Zone
from geo.selectors import zone_list
from geo.tiles import CommaJoined, TileSpec, data_version
from pilots.models import Organization, PilotProject, Site
from pilots.selectors.catalogue import visible_pilots, visible_sites

from ..filters.catalogue import PilotFilterSet, SiteFilterSet


class DetailPath(Func):
    """The API detail path of a row, e.g. /api/v1/sites/<slug>/ (from reverse())."""

    output_field = TextField()
    _marker = "--lookup--"

    def __init__(self, route: str, lookup: str = "slug") -> None:
        self.route, self.lookup = route, lookup
        super().__init__(F(lookup))

    def as_sql(
        self,
        compiler: Any,
        connection: Any,
        function: str | None = None,
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> tuple[str, tuple[Any, ...]]:
        path = reverse(self.route, kwargs={self.lookup: self._marker})
        prefix, suffix = path.split(self._marker)
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"(%s || {sql} || %s)", (prefix, *params, suffix)


@dataclass(frozen=True)
class Attribute:
    value: str | Expression | F
    description: str


@dataclass(frozen=True)
class TileLayer:
    name: str
    description: str
    rows: Callable[[], QuerySet]  # public rows only: tiles are the same for all
    geometry: str | Expression | F
    indexed_geometries: tuple[str, ...]
    attributes: Mapping[str, Attribute]
    changes_with: Callable[[], tuple[QuerySet, ...]]
    filterset_class: type[FilterSet] | None = None
    minzoom: int = 0
    maxzoom: int = 16

    @property
    def spec(self) -> TileSpec:
        return TileSpec(
            geometry=self.geometry,
            indexed_geometries=self.indexed_geometries,
            properties={key: attr.value for key, attr in self.attributes.items()},
        )

    @property
    def fields(self) -> dict[str, str]:
        return {key: attr.description for key, attr in self.attributes.items()}

    def version(self) -> str:
        """Changes with every write to the layer's tables (and its attributes)."""
        return data_version(*self.changes_with(), salt=",".join(self.attributes))


ID = Attribute("pk", "Database id (also the MVT feature id).")
SLUG = Attribute("slug", "Stable identifier used in the API's URLs.")
SECTORS = Attribute(
    CommaJoined("sectors"),
    "Sector slugs, comma-separated (see /api/v1/sectors/).",
)

SITES = TileLayer(
    name="sites",
    description="Test arenas and shared labs (points).",
    rows=visible_sites,
    geometry="location",
    indexed_geometries=("location",),
    attributes={
        "id": ID,
        "slug": SLUG,
        "name": Attribute("name", "Name of the site."),
        "kind": Attribute("kind", "test_arena or shared_lab."),
        "status": Attribute(
            "status", "planned, under_construction, operational or retired."
        ),
        "sectors": SECTORS,
        "host": Attribute("read_host_name", "Name of the hosting organisation."),
        "detail_url": Attribute(
            DetailPath("api:site-detail"), "Path of the site in the REST API."
        ),
    },
    changes_with=lambda: (Site.objects.all(), Organization.objects.all()),
    filterset_class=SiteFilterSet,
)

PILOTS = TileLayer(
    name="pilots",
    description="Published, active and completed pilot projects "
    "(their area when they have one, else their point).",
    rows=visible_pilots,
    geometry=Coalesce(F("area"), F("location"), output_field=GeometryField(srid=4326)),
    indexed_geometries=("location", "area"),
    attributes={
        "id": ID,
        "slug": SLUG,
        "name": Attribute("title", "Title of the pilot project."),
        "kind": Attribute(Value("pilot", output_field=TextField()), "Always pilot."),
        "status": Attribute("status", "published, active or completed."),
        "sectors": SECTORS,
        "host": Attribute(
            "read_lead_name",
            "Name of the lead organisation (absent when none).",
        ),
        "detail_url": Attribute(
            DetailPath("api:pilot-detail"), "Path of the pilot in the REST API."
        ),
    },
    changes_with=lambda: (PilotProject.objects.all(), Organization.objects.all()),
    filterset_class=PilotFilterSet,
)

ZONES = TileLayer(
    name="zones",
    description="The district's named areas (polygons).",
    rows=zone_list,
    geometry="area",
    indexed_geometries=("area",),
    attributes={
        "id": ID,
        "slug": SLUG,
        "name": Attribute("name", "Name of the zone."),
        "detail_url": Attribute(
            DetailPath("api:zone-detail"), "Path of the zone in the REST API."
        ),
    },
    changes_with=lambda: (Zone.objects.all(),),
)

TILE_LAYERS: dict[str, TileLayer] = {
    layer.name: layer for layer in (ZONES, SITES, PILOTS)
}

# Opportunities (issue 6): published and closed calls, by their footprint.
from pilots.models import Opportunity  # noqa: E402

from ..filters.opportunities import OpportunityFilterSet  # noqa: E402

OPPORTUNITIES = TileLayer(
    name="opportunities",
    description="Published and closed opportunities (calls for pilots, testbed "
    "access, ...): their area, else the locations of their sites.",
    rows=lambda: Opportunity.objects.public().select_related("publisher"),
    geometry="footprint",
    indexed_geometries=("footprint",),
    attributes={
        "id": ID,
        "slug": SLUG,
        "name": Attribute("title", "Title of the opportunity."),
        "kind": Attribute("call_type", "Call type (open_call, testbed_access, ...)."),
        "status": Attribute("status", "published or closed."),
        "sectors": SECTORS,
        "host": Attribute("read_publisher_name", "Name of the publisher."),
        "is_example": Attribute("is_example", "Demo content, not a real call."),
        "detail_url": Attribute(
            DetailPath("api:opportunity-detail"),
            "Path of the opportunity in the REST API.",
        ),
    },
    changes_with=lambda: (Opportunity.objects.all(), Organization.objects.all()),
    filterset_class=OpportunityFilterSet,
)
TILE_LAYERS[OPPORTUNITIES.name] = OPPORTUNITIES
