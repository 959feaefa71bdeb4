"""Catalogue reads: querysets the API, tiles and OGC endpoints share.

JSON responses get their geometries as GeoJSON text written by PostGIS
(AsGeoJSON annotations), so no geometry object is built per row in Python.
"""

from typing import Any

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Prefetch, Q, QuerySet

from geo.rendering import COORDINATE_DECIMALS

from .models import SDG, Organization, PilotProject, Sector, Site, TRLLevel

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
    document = vectors[0]
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
        .annotate(rank=SearchRank(F("search_document"), query))
    )


def _geojson(field: str) -> AsGeoJSON:
    return AsGeoJSON(field, precision=COORDINATE_DECIMALS)


def organization_list() -> QuerySet[Organization]:
    return Organization.objects.order_by("name", "id")


def site_list(*, user: Any = None) -> QuerySet[Site]:
    """Every site (all are public), with GeoJSON text and related slugs."""
    return (
        Site.objects.public()
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
    """Public pilots; a signed-in user also sees their own."""
    public = Q(status__in=PilotProject.PUBLIC_STATUSES)
    if user is not None and getattr(user, "is_authenticated", False):
        return public | Q(owner_id=user.pk)
    return public


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
