"""Catalogue reads: querysets the API, tiles and OGC endpoints share.

JSON responses get their geometries as GeoJSON text written by PostGIS
(AsGeoJSON annotations), so no geometry object is built per row in Python.
"""

from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from geo.rendering import COORDINATE_DECIMALS

from .models import SDG, Organization, PilotProject, Sector, Site, TRLLevel
from .permissions_selectors import (
    organization_visibility_q,
    pilot_visibility_q,
    site_visibility_q,
)

# Text search: English and Norwegian stemming over the names (weight A) and
# descriptions (weight B). Migration 0002 indexes exactly these expressions (GIN).
SEARCH_FIELDS: dict[type, tuple[tuple[str, str, str], ...]] = {
    Site: (
        ("name", "english", "A"),
        ("name_no", "norwegian", "A"),
        ("description", "english", "B"),
        ("description_no", "norwegian", "B"),
    ),
    PilotProject: (
        ("title", "english", "A"),
        ("title_no", "norwegian", "A"),
        ("summary", "english", "B"),
        ("summary_no", "norwegian", "B"),
        ("description", "english", "C"),
        ("description_no", "norwegian", "C"),
    ),
    Organization: (
        ("name", "english", "A"),
        ("name", "norwegian", "A"),
        ("description", "english", "B"),
        ("description", "norwegian", "B"),
    ),
}


def search_document(model: type) -> Any:
    """The weighted tsvector of a catalogue model (the indexed expression)."""
    vectors = [
        SearchVector(field, config=config, weight=weight)
        for field, config, weight in SEARCH_FIELDS[model]
    ]
    document: Any = vectors[0]
    for vector in vectors[1:]:
        document = document + vector
    return document


def search_query(text: str) -> SearchQuery:
    """Web-search syntax ("quoted phrases", -not, or) in both languages."""
    return SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
        text, config="norwegian", search_type="websearch"
    )


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Rows matching `text`, annotated with `rank` (higher is better)."""
    query = search_query(text)
    return (
        queryset.alias(search_document=search_document(queryset.model))
        .filter(search_document=query)
        # float8, so a cursor's rank compares exactly (ts_rank returns float4).
        .annotate(rank=Cast(SearchRank(F("search_document"), query), FloatField()))
    )


def _geojson(field: str) -> AsGeoJSON:
    return AsGeoJSON(field, precision=COORDINATE_DECIMALS)


def organization_list(*, user: Any = None) -> QuerySet[Organization]:
    """Organisations this user may see (unpublished ones only for moderators
    and their admins)."""
    return Organization.objects.filter(organization_visibility_q(user)).order_by(
        "name", "id"
    )


def site_list(*, user: Any = None) -> QuerySet[Site]:
    """Sites this user may see (unpublished ones only for moderators and the
    host's admins), with GeoJSON text and related slugs."""
    return (
        Site.objects.filter(site_visibility_q(user))
        .select_related("host")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.only("id", "slug"))
        )
        .defer("location", "footprint")
        .annotate(
            zone_slug=F("zone__slug"),
            location_geojson=_geojson("location"),
            footprint_geojson=_geojson("footprint"),
        )
        .order_by("name", "id")
    )


def pilot_visibility(user: Any = None) -> Q:
    """Public pilots; a signed-in user also sees those they own or collaborate
    on, a moderator every pilot (rules in permissions_selectors)."""
    return pilot_visibility_q(user)


def pilot_list(*, user: Any = None) -> QuerySet[PilotProject]:
    return (
        PilotProject.objects.filter(pilot_visibility(user))
        .select_related("lead_organization", "owner")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.only("id", "slug")),
            Prefetch("sites", queryset=Site.objects.only("id", "slug")),
        )
        .defer("location", "area")
        .annotate(
            zone_slug=F("zone__slug"),
            location_geojson=_geojson("location"),
            area_geojson=_geojson("area"),
        )
        .order_by("title", "id")
    )


def sector_list() -> QuerySet[Sector]:
    return Sector.objects.order_by("slug")


def sdg_list() -> QuerySet[SDG]:
    return SDG.objects.order_by("number")


def trl_level_list() -> QuerySet[TRLLevel]:
    return TRLLevel.objects.order_by("level")


# Spatial reads. Distances are geodesic metres on the WGS 84 spheroid: the
# geography casts below match the GiST indexes of migration 0002.


class Geography(Func):
    template = "(%(expressions)s)::geography"
    output_field = GeometryField(geography=True, srid=4326)


class GeographyPoint(Func):
    template = "ST_SetSRID(ST_MakePoint(%(expressions)s), 4326)::geography"
    output_field = GeometryField(geography=True, srid=4326)


def spatial_expression(model: type) -> Expression | F:
    """The geometry spatial filters look at: a site's location; a pilot's
    point, or its area when it has no point."""
    if model is PilotProject:
        return Coalesce(F("location"), F("area"), output_field=GeometryField(srid=4326))
    return F("location")


def bbox_filter(
    queryset: QuerySet, *, bbox: tuple[float, float, float, float]
) -> QuerySet:
    """Rows whose geometry meets the lon/lat box (index-assisted &&)."""
    box = Polygon.from_bbox(bbox)
    box.srid = 4326
    if queryset.model is PilotProject:
        return queryset.filter(
            Q(location__bboverlaps=box) | Q(location__isnull=True, area__intersects=box)
        )
    return queryset.filter(location__bboverlaps=box)


def intersects_filter(queryset: QuerySet, *, geometry: GEOSGeometry) -> QuerySet:
    if queryset.model is PilotProject:
        return queryset.filter(
            Q(location__intersects=geometry) | Q(area__intersects=geometry)
        )
    return queryset.filter(location__intersects=geometry)


def near_filter(
    queryset: QuerySet, *, lon: float, lat: float, radius_m: float
) -> QuerySet:
    """Rows within `radius_m` geodesic metres of lon/lat, each with `distance_m`.

    ST_DWithin on geography uses the GiST index of the geography cast; the
    distances are spheroidal, so the boundary is exact at 63°N.
    """
    geography = Geography(spatial_expression(queryset.model))
    point = GeographyPoint(Value(float(lon)), Value(float(lat)))
    within = Func(
        geography,
        point,
        Value(float(radius_m)),
        function="ST_DWithin",
        output_field=BooleanField(),
    )
    distance = Func(geography, point, function="ST_Distance", output_field=FloatField())
    return queryset.filter(within).annotate(distance_m=distance)
