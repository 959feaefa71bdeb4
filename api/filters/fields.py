"""Building blocks of the catalogue filters: form fields parsing bbox, lon/lat,
GeoJSON and lists, and the filters made from them."""

import math
from typing import Any

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from geo.validation import GeometryError, parse_geometry

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
        raise forms.ValidationError(
            _("%(name)s needs %(count)d comma-separated numbers.")
            % {"name": name, "count": count}
        )
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise forms.ValidationError(
            _("%(name)s needs numbers, got %(value)r."),
            params={"name": name, "value": value},
        ) from None
    if not all(math.isfinite(number) for number in numbers):
        raise forms.ValidationError(
            _("%(name)s needs finite numbers.") % {"name": name}
        )
    return numbers


def _check_lon_lat(lon: float, lat: float) -> None:
    if not -180 <= lon <= 180:
        raise forms.ValidationError(
            _("Longitude %(lon)s is outside -180..180.") % {"lon": lon}
        )
    if not -90 <= lat <= 90:
        raise forms.ValidationError(
            _("Latitude %(lat)s is outside -90..90.") % {"lat": lat}
        )


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
                _(
                    "minLon is greater than maxLon "
                    "(the order is minLon,minLat,maxLon,maxLat)."
                )
            )
        if min_lat > max_lat:
            raise forms.ValidationError(
                _(
                    "minLat is greater than maxLat "
                    "(the order is minLon,minLat,maxLon,maxLat)."
                )
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
            message = error.message
            if error.path:
                message = _("%(message)s at %(path)s") % {
                    "message": message,
                    "path": error.path,
                }
            # The text goes in as a parameter: a "%" in it must not be read as
            # a format directive (django-filter formats messages with params).
            raise forms.ValidationError(
                "%(message)s", params={"message": message}
            ) from None


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
                _("Expected comma-separated whole numbers, got %(value)r."),
                params={"value": value},
            ) from None
        outside = [n for n in numbers if not self.min_value <= n <= self.max_value]
        if outside:
            raise forms.ValidationError(
                _("%(number)d is outside %(min)d..%(max)d.")
                % {"number": outside[0], "min": self.min_value, "max": self.max_value}
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
            self.add_error("radius", _("radius (metres) is required with near."))
        if radius is not None and near is None and "near" not in self.errors:
            self.add_error("near", _("near=lon,lat is required with radius."))
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
    """A number filter whose OpenAPI type states the radius's range."""


class ChoiceInFilter(filters.BaseInFilter, filters.ChoiceFilter):
    """Comma-separated choices, any of which matches (`?status=a,b`)."""


class StableOrderingFilter(filters.OrderingFilter):
    """Orders by the chosen field, then by id, so cursors are unambiguous."""

    def filter(self, qs: QuerySet, value: Any) -> QuerySet:
        if not value:
            return qs
        fields = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*fields, "id")


class StrictBooleanField(forms.Field):
    """`true` or `false` (or empty: no filter); anything else is a 400, where
    django-filter's own BooleanFilter would quietly ignore `?is_example=maybe`."""

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise forms.ValidationError(
            _("Expected true or false, got %(value)r."), params={"value": value}
        )


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The raw text reaches the field (BooleanWidget would turn it into None).
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)
