"""Filters of the opportunities list: the catalogue's, applied to the footprint."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django_filters import rest_framework as filters

from geo.models import Zone
from pilots.models import Opportunity
from pilots.selectors import opportunities as selectors

from .catalogue import LocatedFilterSet
from .fields import (
    ChoiceInFilter,
    SpatialForm,
    StableOrderingFilter,
    StrictBooleanFilter,
)


class OpportunityFilterSet(LocatedFilterSet):
    status = ChoiceInFilter(
        choices=Opportunity.Status.choices,
        help_text="Any of these statuses, comma-separated (drafts: publishers only).",
    )
    call_type = ChoiceInFilter(
        choices=Opportunity.CallType.choices,
        help_text="Any of these call types, comma-separated.",
    )
    organization = filters.CharFilter(
        field_name="publisher__slug", help_text="Slug of the publishing organisation."
    )
    site = filters.CharFilter(
        method="filter_site", help_text="Slug of a site the opportunity concerns."
    )
    zone = filters.CharFilter(
        method="filter_zone", help_text="Slug of a district zone its area meets."
    )
    open_on = filters.IsoDateTimeFilter(
        method="filter_open_on",
        help_text="Only opportunities accepting applications at this ISO date-time.",
    )
    is_example = StrictBooleanFilter(help_text="Demo content (true) or real calls.")
    ordering = StableOrderingFilter(
        fields=(("title", "title"), ("updated_at", "updated_at")),
        help_text="Sort by title or updated_at; prefix with - for descending.",
    )

    class Meta:
        model = Opportunity
        form = SpatialForm
        fields = [
            "status",
            "call_type",
            "sector",
            "sdg",
            "organization",
            "site",
            "zone",
            "trl",
            "open_on",
            "is_example",
            "q",
            "updated_since",
            "bbox",
            "near",
            "radius",
            "intersects",
            "ordering",
        ]

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.opportunity_search(queryset, value)

    def filter_bbox(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return selectors.opportunity_bbox(queryset, bbox=value)

    def filter_intersects(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return selectors.opportunity_intersects(queryset, geometry=value)

    def filter_site(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        used = Opportunity.sites.through.objects.filter(
            opportunity_id=OuterRef("pk"), site__slug=value
        )
        return queryset.filter(Exists(used))

    def filter_zone(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        zone = Zone.objects.filter(slug=value).first()
        if zone is None:
            return queryset.none()
        return queryset.filter(footprint__intersects=zone.area)

    def filter_trl(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(
            Q(trl_min__isnull=True) | Q(trl_min__lte=value),
            Q(trl_max__isnull=True) | Q(trl_max__gte=value),
        )

    def filter_open_on(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(
            Q(opens_at__isnull=True) | Q(opens_at__lte=value),
            Q(deadline__isnull=True) | Q(deadline__gt=value),
            status=Opportunity.Status.PUBLISHED,
        )

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        data = self.form.cleaned_data
        if data.get("near") is not None and data.get("radius") is not None:
            lon, lat = data["near"]
            queryset = selectors.opportunity_near(
                queryset, lon=lon, lat=lat, radius_m=float(data["radius"])
            )
        # Skip LocatedFilterSet's near (it knows only sites and pilots).
        return super(LocatedFilterSet, self).filter_queryset(queryset)
