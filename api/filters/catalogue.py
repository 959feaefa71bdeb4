"""Query filters of the catalogue (django-filter), documented in the OpenAPI schema.

The FilterSets work on any queryset of their model, so tiles and OGC endpoints
apply the same parameters. Malformed values are form errors: the API answers
400 with a problem naming the parameter.
"""

import copy
from typing import Any, ClassVar

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import QueryDict
from django_filters import rest_framework as filters

from pilots.models import Organization, PilotProject, Site
from pilots.selectors import catalogue as selectors

from .fields import (
    MAX_RADIUS_M,
    BBoxFilter,
    ChoiceInFilter,
    GeometryFilter,
    IntegerListFilter,
    LonLatFilter,
    RadiusFilter,
    SlugListFilter,
    SpatialForm,
    StableOrderingFilter,
    TRLFilter,
)


class _SharedFields(dict):
    """A form's fields, shared by every form of its class.

    Form.__init__ deep-copies its base_fields (widgets, validators, messages:
    about 1 ms per request for the fifteen spatial filters) so that one form
    may change its fields; these forms only validate query strings, never
    render and never change a field, so each form gets a shallow copy.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return dict(self)


class CatalogueFilterSet(filters.FilterSet):
    """Text search, change date, ordering: shared by every catalogue list.

    django-filter deep-copies every declared filter and builds a new Form
    class from them for each request: about a third of the Python time of a
    small list or tile request. Nothing here changes a filter per request, so
    each is copied shallowly and the Form class is built once per FilterSet,
    with fields its forms share (_SharedFields). A bound filter set parses
    and applies only the parameters the request names: an absent one is
    empty, and an empty filter changes nothing.
    """

    _form_classes: ClassVar[dict[type, type]] = {}

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None:
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {
            name: copy.copy(declared)
            for name, declared in self.base_filters.items()
            if not self.is_bound or self._named(name)
        }
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
            if filter_.method is not None:  # bind a FilterMethod to the copy
                filter_.method = filter_.method

    def _named(self, name: str) -> bool:
        key = f"{self.form_prefix}-{name}" if self.form_prefix else name
        return key in self.data

    @property
    def form(self) -> Any:
        if not hasattr(self, "_form"):
            form = super().form
            form.fields = {name: form.fields[name] for name in self.filters}
        return self._form

    def get_form_class(self) -> type:
        form_class: Any = self._form_classes.get(type(self))
        if form_class is None:  # of every filter (this set may have fewer)
            fields = {name: f.field for name, f in self.base_filters.items()}
            form_class = type(f"{type(self).__name__}Form", (self._meta.form,), fields)
            form_class.base_fields = _SharedFields(form_class.base_fields)
            self._form_classes[type(self)] = form_class
        return form_class

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


NEAR_AND_RADIUS = ("near", "radius")


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

    def _named(self, name: str) -> bool:
        # near and radius are parsed together (SpatialForm names the missing one).
        if name in NEAR_AND_RADIUS:
            return any(super(LocatedFilterSet, self)._named(n) for n in NEAR_AND_RADIUS)
        return super()._named(name)

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
