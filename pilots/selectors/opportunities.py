"""Reads of opportunities, subscriptions and notifications.

Kept apart from catalogue.py (the catalogue reads) so both stay small.
"""

from typing import Any

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import (
    F,
    FloatField,
    Q,
    QuerySet,
)
from django.db.models.functions import Cast

from geo.expressions import GeodesicDistance, WithinDistance
from geo.rendering import COORDINATE_DECIMALS

from ..models import Delivery, Notification, Opportunity, Subscription
from .permissions import is_moderator, organization_admin_ids


def opportunity_list(*, user: Any = None) -> QuerySet[Opportunity]:
    """Published and closed opportunities for everyone (unless a moderator
    unpublished them); drafts and unpublished ones for the publisher's
    organisation admins and for moderators."""
    visible = Q(
        status__in=(Opportunity.Status.PUBLISHED, Opportunity.Status.CLOSED),
        unpublished_at__isnull=True,
    )
    if is_moderator(user):
        visible = Q()
    else:
        admin_of = organization_admin_ids(user)
        if admin_of:
            visible |= Q(publisher_id__in=admin_of)
    return (
        Opportunity.objects.filter(visible)
        .select_related("publisher")
        .prefetch_related("sites")
        .annotate(
            area_geojson=AsGeoJSON("area", precision=COORDINATE_DECIMALS),
            footprint_geojson=AsGeoJSON("footprint", precision=COORDINATE_DECIMALS),
        )
        .order_by("title", "id")
    )


def opportunities_awaiting_review() -> QuerySet[Opportunity]:
    """The moderators' queue: submitted opportunities, oldest submission first."""
    return (
        Opportunity.objects.filter(status=Opportunity.Status.SUBMITTED)
        .select_related("publisher")
        .order_by("submitted_at", "id")
    )


def opportunity_search(queryset: QuerySet, text: str) -> QuerySet:
    """Opportunities matching `text` in English or Norwegian, ranked."""
    document = (
        SearchVector("title", config="english", weight="A")
        + SearchVector("title_no", config="norwegian", weight="A")
        + SearchVector("summary", config="english", weight="B")
        + SearchVector("summary_no", config="norwegian", weight="B")
        + SearchVector("description", config="english", weight="C")
        + SearchVector("description_no", config="norwegian", weight="C")
    )
    query = SearchQuery(text, config="english", search_type="websearch") | SearchQuery(
        text, config="norwegian", search_type="websearch"
    )
    return (
        queryset.alias(document=document)
        .filter(document=query)
        .annotate(rank=Cast(SearchRank(F("document"), query), FloatField()))
    )


def opportunity_bbox(
    queryset: QuerySet, *, bbox: tuple[float, float, float, float]
) -> QuerySet:
    box = Polygon.from_bbox(bbox)
    box.srid = 4326
    return queryset.filter(footprint__bboverlaps=box, footprint__intersects=box)


def opportunity_intersects(queryset: QuerySet, *, geometry: GEOSGeometry) -> QuerySet:
    return queryset.filter(footprint__intersects=geometry)


def opportunity_near(
    queryset: QuerySet, *, lon: float, lat: float, radius_m: float
) -> QuerySet:
    """Within `radius_m` geodesic metres of lon/lat, each with `distance_m`."""
    return queryset.filter(WithinDistance(F("footprint"), lon, lat, radius_m)).annotate(
        distance_m=GeodesicDistance(F("footprint"), lon, lat)
    )


def subscription_list(*, user: Any) -> QuerySet[Subscription]:
    return Subscription.objects.filter(user_id=user.pk).annotate(
        area_geojson=AsGeoJSON("area", precision=COORDINATE_DECIMALS),
        point_geojson=AsGeoJSON("point", precision=COORDINATE_DECIMALS),
    )


def notification_list(*, user: Any) -> QuerySet[Notification]:
    return (
        Notification.objects.filter(user_id=user.pk)
        .select_related("opportunity", "delivery", "subscription", "booking__resource")
        .order_by("-created_at", "-id")
    )


def notification_unread_count(*, user: Any) -> int:
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).count()


def delivery_list(*, subscription: Subscription) -> QuerySet[Delivery]:
    return Delivery.objects.filter(subscription=subscription).order_by("-created_at")
