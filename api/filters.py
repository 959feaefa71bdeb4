"""Query filters of the catalogue (django-filter), documented in the OpenAPI schema.

The FilterSets work on any queryset of their model, so tiles and OGC endpoints
apply the same parameters. Malformed values are form errors: the API answers
400 with a problem naming the parameter.
"""

import math
from typing import Any

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Exists, OuterRef, Q, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from geo.validation import GeometryError, parse_geometry
from pilots import selectors
from pilots.models import Organization, PilotProject, Site

MAX_RADIUS_M = 100_000
GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
)


def _numbers(value: str, count: int, name: str) -> list[float]:
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != count:
        raise forms.ValidationError(f"{name} needs {count} comma-separated numbers.")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise forms.ValidationError(f"{name} needs numbers, got {value!r}.") from None
    if not all(math.isfinite(number) for number in numbers):
        raise forms.ValidationError(f"{name} needs finite numbers.")
    return numbers


def _check_lon_lat(lon: float, lat: float) -> None:
    if not -180 <= lon <= 180:
        raise forms.ValidationError(f"Longitude {lon} is outside -180..180.")
    if not -90 <= lat <= 90:
        raise forms.ValidationError(f"Latitude {lat} is outside -90..90.")


class BBoxField(forms.CharField):
    """minLon,minLat,maxLon,maxLat in degrees (EPSG:4326)."""

    def clean(self, value: Any) -> tuple[float, float, float, float] | None:
        value = super().clean(value)
        if not value:
            return None
        min_lon, min_lat, max_lon, max_lat = _numbers(
            value, 4, "bbox (minLon,minLat,maxLon,maxLat)"
        )
        _check_lon_lat(min_lon, min_lat)
        _check_lon_lat(max_lon, max_lat)
        if min_lon > max_lon:
            raise forms.ValidationError(
                "minLon is greater than maxLon "
                "(the order is minLon,minLat,maxLon,maxLat)."
            )
        if min_lat > max_lat:
            raise forms.ValidationError(
                "minLat is greater than maxLat "
                "(the order is minLon,minLat,maxLon,maxLat)."
            )
        return (min_lon, min_lat, max_lon, max_lat)


class LonLatField(forms.CharField):
    def clean(self, value: Any) -> tuple[float, float] | None:
        value = super().clean(value)
        if not value:
            return None
        lon, lat = _numbers(value, 2, "near (lon,lat)")
        _check_lon_lat(lon, lat)
        return (lon, lat)


class GeoJSONGeometryFormField(forms.CharField):
    def clean(self, value: Any) -> GEOSGeometry | None:
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_geometry(
                value, allowed_types=GEOMETRY_TYPES, promote_to_multi=False
            )
        except GeometryError as error:
            where = f" at {error.path}" if error.path else ""
            raise forms.ValidationError(f"{error.message}{where}") from None


class IntegerListField(forms.CharField):
    def __init__(self, *, min_value: int, max_value: int, **kwargs: Any) -> None:
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[int] | None:
        value = super().clean(value)
        if not value:
            return None
        try:
            numbers = [int(part) for part in value.split(",")]
        except ValueError:
            raise forms.ValidationError(
                f"Expected comma-separated whole numbers, got {value!r}."
            ) from None
        outside = [n for n in numbers if not self.min_value <= n <= self.max_value]
        if outside:
            raise forms.ValidationError(
                f"{outside[0]} is outside {self.min_value}..{self.max_value}."
            )
        return numbers


class SlugListField(forms.CharField):
    def clean(self, value: Any) -> list[str] | None:
        value = super().clean(value)
        if not value:
            return None
        slugs = [part.strip() for part in value.split(",") if part.strip()]
        validator = forms.SlugField()
        for slug in slugs:
            validator.clean(slug)
        return slugs


class SpatialForm(forms.Form):
    """near and radius come together."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        near, radius = cleaned.get("near"), cleaned.get("radius")
        if near is not None and radius is None and "radius" not in self.errors:
            self.add_error("radius", "radius (metres) is required with near.")
        if radius is not None and near is None and "near" not in self.errors:
            self.add_error("near", "near=lon,lat is required with radius.")
        return cleaned


class FieldFilter(filters.Filter):
    """A filter whose form field does the parsing; `method` applies it."""


def _filter_class(
    field: type[forms.Field], schema: dict[str, Any]
) -> type[filters.Filter]:
    """A Filter parsing with `field`, described in OpenAPI by `schema`."""
    filter_class = type(
        f"{field.__name__}Filter", (FieldFilter,), {"field_class": field}
    )
    return extend_schema_field(schema)(filter_class)


# Filters whose form field parses the value. drf-spectacular takes their
# OpenAPI schema (description included) from the class.
BBoxFilter = _filter_class(
    BBoxField,
    {
        "type": "string",
        "description": (
            "minLon,minLat,maxLon,maxLat in degrees (EPSG:4326); rows whose "
            "location lies in the box (a pilot without a point: its area meets it)."
        ),
        "example": "10.39,63.41,10.42,63.43",
    },
)
LonLatFilter = _filter_class(
    LonLatField,
    {
        "type": "string",
        "description": (
            "lon,lat; with `radius`, only rows within that many geodesic metres, "
            "nearest first, each with `distance_m`."
        ),
        "example": "10.4025,63.4190",
    },
)
GeometryFilter = _filter_class(
    GeoJSONGeometryFormField,
    {
        "type": "string",
        "description": (
            "A GeoJSON geometry (RFC 7946, lon/lat, URL-encoded): rows whose "
            "geometry meets it."
        ),
        "example": '{"type":"Point","coordinates":[10.4025,63.419]}',
    },
)
IntegerListFilter = _filter_class(
    IntegerListField,
    {
        "type": "string",
        "description": "Any of these UN SDG numbers (1-17), comma-separated.",
        "example": "7,11",
    },
)
SlugListFilter = _filter_class(
    SlugListField,
    {
        "type": "string",
        "description": "Any of these sector slugs, comma-separated.",
        "example": "energy,mobility",
    },
)


@extend_schema_field(
    {
        "type": "integer",
        "minimum": 1,
        "maximum": 9,
        "description": (
            "A Technology Readiness Level (1-9): sites whose TRL range includes "
            "it, pilots at that level."
        ),
    }
)
class TRLFilter(filters.NumberFilter):
    field_class = forms.IntegerField


@extend_schema_field(
    {
        "type": "number",
        "minimum": 0,
        "maximum": MAX_RADIUS_M,
        "description": f"Radius in metres for `near` (0-{MAX_RADIUS_M}).",
    }
)
class RadiusFilter(filters.NumberFilter):
    pass


class ChoiceInFilter(filters.BaseInFilter, filters.ChoiceFilter):
    pass


class StableOrderingFilter(filters.OrderingFilter):
    """Orders by the chosen field, then by id, so cursors are unambiguous."""

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if not value:
            return qs
        fields = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*fields, "id")


class CatalogueFilterSet(filters.FilterSet):
    """Text search, change date, ordering: shared by every catalogue list."""

    q = filters.CharFilter(
        method="filter_search",
        help_text=(
            "Full-text search over names and descriptions, English and Norwegian "
            "(web-search syntax: quoted phrases, OR, -exclusions). Results are "
            "ranked best first unless `ordering` is given."
        ),
    )
    updated_since = filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Only rows changed at or after this ISO 8601 date-time.",
    )

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.search(queryset, value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if data.get("ordering"):
            return queryset
        if data.get("near") is not None:
            return queryset.order_by("distance_m", "id")
        if data.get("q"):
            return queryset.order_by("-rank", "id")
        return queryset


class OrganizationFilterSet(CatalogueFilterSet):
    kind = ChoiceInFilter(
        choices=Organization.Kind.choices,
        help_text="Any of these kinds, comma-separated.",
    )
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by name or updated_at; prefix with - for descending.",
    )

    class Meta:
        model = Organization
        fields = ["kind", "q", "updated_since", "ordering"]


class LocatedFilterSet(CatalogueFilterSet):
    """Vocabulary and spatial filters of sites and pilots."""

    # Descriptions of these are in their classes' OpenAPI schemas (above).
    sector = SlugListFilter(method="filter_sector")
    sdg = IntegerListFilter(method="filter_sdg", min_value=1, max_value=17)
    zone = filters.CharFilter(
        field_name="zone__slug", help_text="Slug of the district zone it lies in."
    )
    bbox = BBoxFilter(method="filter_bbox")
    near = LonLatFilter(method="filter_nothing")
    radius = RadiusFilter(method="filter_nothing", min_value=0, max_value=MAX_RADIUS_M)
    intersects = GeometryFilter(method="filter_intersects")
    trl = TRLFilter(method="filter_trl", min_value=1, max_value=9)

    def filter_sector(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(sectors__overlap=value)

    def filter_sdg(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(sdgs__overlap=value)

    def filter_bbox(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return selectors.bbox_filter(queryset, bbox=value)

    def filter_intersects(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return selectors.intersects_filter(queryset, geometry=value)

    def filter_nothing(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        data = self.form.cleaned_data
        if data.get("near") is not None and data.get("radius") is not None:
            lon, lat = data["near"]
            queryset = selectors.near_filter(
                queryset, lon=lon, lat=lat, radius_m=float(data["radius"])
            )
        return super().filter_queryset(queryset)


class SiteFilterSet(LocatedFilterSet):
    kind = ChoiceInFilter(
        choices=Site.Kind.choices, help_text="Any of these kinds, comma-separated."
    )
    status = ChoiceInFilter(
        choices=Site.Status.choices, help_text="Any of these statuses, comma-separated."
    )
    access = ChoiceInFilter(
        choices=Site.Access.choices, help_text="Any of these access rules."
    )
    organization = filters.CharFilter(
        method="filter_organization",
        help_text="Slug of an organisation hosting the site or partnering in it.",
    )
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("updated_at", "updated_at")),
        help_text="Sort by name or updated_at; prefix with - for descending.",
    )

    class Meta:
        model = Site
        form = SpatialForm
        fields = [
            "kind",
            "status",
            "access",
            "sector",
            "sdg",
            "organization",
            "zone",
            "trl",
            "q",
            "updated_since",
            "bbox",
            "near",
            "radius",
            "intersects",
            "ordering",
        ]

    def filter_organization(
        self, queryset: QuerySet, name: str, value: str
    ) -> QuerySet:
        partner = Site.partners.through.objects.filter(
            site_id=OuterRef("pk"), organization__slug=value
        )
        return queryset.filter(Q(host__slug=value) | Q(Exists(partner)))

    def filter_trl(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(trl_min__lte=value, trl_max__gte=value)


class PilotFilterSet(LocatedFilterSet):
    status = ChoiceInFilter(
        choices=PilotProject.Status.choices,
        help_text="Any of these statuses, comma-separated (others' drafts hidden).",
    )
    organization = filters.CharFilter(
        method="filter_organization",
        help_text="Slug of an organisation leading the pilot or partnering in it.",
    )
    site = filters.CharFilter(
        method="filter_site", help_text="Slug of a site the pilot uses."
    )
    ordering = StableOrderingFilter(
        fields=(("title", "title"), ("updated_at", "updated_at")),
        help_text="Sort by title or updated_at; prefix with - for descending.",
    )

    class Meta:
        model = PilotProject
        form = SpatialForm
        fields = [
            "status",
            "sector",
            "sdg",
            "organization",
            "site",
            "zone",
            "trl",
            "q",
            "updated_since",
            "bbox",
            "near",
            "radius",
            "intersects",
            "ordering",
        ]

    def filter_organization(
        self, queryset: QuerySet, name: str, value: str
    ) -> QuerySet:
        partner = PilotProject.partners.through.objects.filter(
            pilotproject_id=OuterRef("pk"), organization__slug=value
        )
        return queryset.filter(Q(lead_organization__slug=value) | Q(Exists(partner)))

    def filter_site(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        used = PilotProject.sites.through.objects.filter(
            pilotproject_id=OuterRef("pk"), site__slug=value
        )
        return queryset.filter(Exists(used))

    def filter_trl(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(trl=value)
