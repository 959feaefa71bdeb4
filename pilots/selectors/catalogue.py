"""Catalogue reads: querysets the API, tiles and OGC endpoints share.

JSON responses get their geometries as GeoJSON text written by PostGIS
(AsGeoJSON annotations), so no geometry object is built per row in Python.
"""

import functools
from typing import Any

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import (
    Expression,
    F,
    FloatField,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce

from geo.expressions import (
    NearDistance,
    NthNearest,
    SphereDistance,
    WithinDistance,
    WithinSphereReach,
)
from geo.rendering import COORDINATE_DECIMALS

from ..models import SDG, Organization, PilotProject, Sector, Site, TRLLevel
from .permissions import (
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


def visible_sites(*, user: Any = None) -> QuerySet[Site]:
    """Sites this user may see (unpublished ones only for moderators and the
    host's admins), in catalogue order: what GeoJSON, tiles and OGC read.

    Nothing else is attached, so the many clones a filtered page goes through
    stay cheap (the annotations below cost a third of a small page's time).
    """
    if not _signed_in(user):
        return _public_sites().all()
    return Site.objects.filter(site_visibility_q(user)).order_by("name", "id")


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


# What everyone may see, built once per process: a QuerySet is lazy and each
# caller gets a clone (.all()), so these are never evaluated themselves.
@functools.cache
def _public_sites() -> QuerySet[Site]:
    return Site.objects.filter(site_visibility_q(None)).order_by("name", "id")


@functools.cache
def _public_pilots() -> QuerySet[PilotProject]:
    return PilotProject.objects.filter(pilot_visibility_q(None)).order_by("title", "id")


def site_list(*, user: Any = None) -> QuerySet[Site]:
    """The visible sites with GeoJSON text and related slugs (the JSON body)."""
    return (
        visible_sites(user=user)
        .select_related("host")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.only("id", "slug"))
        )
        .defer("location", "footprint")
        .annotate(
            zone_slug=F("read_zone_slug"),  # kept by the database
            location_geojson=_geojson("location"),
            footprint_geojson=_geojson("footprint"),
        )
    )


def pilot_visibility(user: Any = None) -> Q:
    """Public pilots; a signed-in user also sees those they own or collaborate
    on, a moderator every pilot (rules in selectors/permissions.py)."""
    return pilot_visibility_q(user)


def visible_pilots(*, user: Any = None) -> QuerySet[PilotProject]:
    """Pilots this user may see, in catalogue order (see visible_sites)."""
    if not _signed_in(user):
        return _public_pilots().all()
    return PilotProject.objects.filter(pilot_visibility(user)).order_by("title", "id")


def pilot_list(*, user: Any = None) -> QuerySet[PilotProject]:
    """The visible pilots with GeoJSON text and related slugs (the JSON body)."""
    return (
        visible_pilots(user=user)
        .select_related("lead_organization", "owner__profile")
        .prefetch_related(
            Prefetch("partners", queryset=Organization.objects.only("id", "slug")),
            Prefetch("sites", queryset=Site.objects.only("id", "slug")),
        )
        .defer("location", "area")
        .annotate(
            zone_slug=F("read_zone_slug"),  # kept by the database
            location_geojson=_geojson("location"),
            area_geojson=_geojson("area"),
        )
    )


def sector_list() -> QuerySet[Sector]:
    return Sector.objects.order_by("slug")


def sdg_list() -> QuerySet[SDG]:
    return SDG.objects.order_by("number")


def trl_level_list() -> QuerySet[TRLLevel]:
    return TRLLevel.objects.order_by("level")


# Spatial reads. Distances are geodesic metres on the WGS 84 spheroid: the
# geography casts (geo.expressions) match the GiST indexes of migration 0002.


def spatial_expression(model: type) -> Expression | F:
    """The geometry spatial filters look at: a site's location; a pilot's
    point, or its area when it has no point."""
    if model is PilotProject:
        return Coalesce(F("location"), F("area"), output_field=GeometryField(srid=4326))
    return F("location")


def bbox_filter(
    queryset: QuerySet, *, bbox: tuple[float, float, float, float]
) -> QuerySet:
    """Rows whose geometry meets the lon/lat box: `&&` for the index step, then
    the exact test (`&&` alone compares single-precision index boxes and lets in
    points a few millionths of a degree outside)."""
    box = Polygon.from_bbox(bbox)
    box.srid = 4326
    if queryset.model is PilotProject:
        return queryset.filter(
            Q(location__bboverlaps=box, location__intersects=box)
            | Q(location__isnull=True, area__intersects=box)
        )
    return queryset.filter(location__bboverlaps=box, location__intersects=box)


def intersects_filter(queryset: QuerySet, *, geometry: GEOSGeometry) -> QuerySet:
    if queryset.model is PilotProject:
        return queryset.filter(
            Q(location__intersects=geometry) | Q(area__intersects=geometry)
        )
    return queryset.filter(location__intersects=geometry)


# The KNN operator measures on a sphere, distance_m on the spheroid; the two
# differ by well under 1 % for any pair of points (radii of curvature of
# WGS 84 lie within 0.6 % of the mean radius), so a disc of the sphere radius
# x (1 + 1 %) / (1 - 1 %) holds every row that can come first by distance_m.
_SPHERE_MARGIN = 1.01 / 0.99


def near_filter(
    queryset: QuerySet, *, lon: float, lat: float, radius_m: float
) -> QuerySet:
    """Rows within `radius_m` geodesic metres of lon/lat, each with `distance_m`.

    The distances are spheroidal, so the boundary is exact at 63°N; the GiST
    index of the geography cast (migration 0002) finds the candidates.
    """
    geometry = spatial_expression(queryset.model)
    return queryset.filter(WithinDistance(geometry, lon, lat, radius_m)).annotate(
        distance_m=NearDistance(geometry, lon, lat, radius_m=radius_m)
    )


def nearest_bound(queryset: QuerySet, *, count: int) -> QuerySet:
    """A `near` queryset narrowed to a disc that holds its first `count` rows.

    A subquery walks the index nearest-first (KNN, sphere distance) to the
    `count`-th row; the disc around it, widened by the sphere/spheroid margin,
    surely holds the first `count` rows in (distance_m, id) order, so the page
    sorts a few rows more than it shows instead of every row within the
    radius (with fewer rows than `count`, the disc is the radius). Other
    querysets come back unchanged.
    """
    near = queryset.query.annotations.get("distance_m")
    if not isinstance(near, NearDistance):
        return queryset
    disc = WithinSphereReach(
        spatial_expression(queryset.model),
        near.lon,
        near.lat,
        _nth_nearest(queryset, near, count=count),
        radius_m=near.radius_m,
        margin=_SPHERE_MARGIN,
    )
    return queryset.filter(disc)


def _nth_nearest(
    queryset: QuerySet, near: NearDistance, *, count: int
) -> Expression | Subquery:
    """The sphere distance of the queryset's `count`-th row nearest-first."""
    query = queryset.query
    one_table = (
        len(query.alias_map) == 1
        and not query.distinct
        and not query.group_by
        and not query.combinator
    )
    if one_table:  # a KNN subquery of the same WHERE, written without cloning
        alias = next(iter(query.alias_map))
        return NthNearest(
            spatial_expression(queryset.model),
            near.lon,
            near.lat,
            where=query.where.clone(),
            table=query.alias_map[alias].table_name,
            alias=alias,
            n=count,
        )
    return Subquery(
        queryset.annotate(
            knn_m=SphereDistance(spatial_expression(queryset.model), near.lon, near.lat)
        )
        .order_by("knn_m")
        .values("knn_m")[count - 1 : count],
        output_field=FloatField(),
    )
