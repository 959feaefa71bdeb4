from typing import Any

from rest_framework import serializers

from pilots.models import Site

from .geometry import GeoJSONGeometryField
from .organizations import OrganizationSlugField
from .slugs import StringSlugsModelSerializer
from .vocabularies import SDGListField, SectorListField


def check_trl_range(low: int | None, high: int | None) -> None:
    if low is not None and high is not None and low > high:
        raise serializers.ValidationError(
            {"trl_max": ["trl_max must be at least trl_min."]}
        )


class SiteSerializer(StringSlugsModelSerializer):
    host = OrganizationSlugField()
    partners = OrganizationSlugField(many=True, required=False)
    sectors = SectorListField(required=False)
    sdgs = SDGListField(required=False)
    trl_min = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    trl_max = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    location = GeoJSONGeometryField(allowed_types=["Point"])
    footprint = GeoJSONGeometryField(
        allowed_types=["Polygon", "MultiPolygon"], required=False, allow_null=True
    )
    zone = serializers.CharField(
        source="zone_slug",
        read_only=True,
        allow_null=True,
        help_text="Slug of the zone containing the location (derived).",
    )
    distance_m = serializers.FloatField(
        read_only=True,
        help_text="Geodesic metres from `near` (only with near/radius).",
    )

    class Meta:
        model = Site
        fields = [
            "id",
            "slug",
            "kind",
            "name",
            "name_no",
            "description",
            "description_no",
            "host",
            "partners",
            "sectors",
            "sdgs",
            "trl_min",
            "trl_max",
            "status",
            "access",
            "facilities",
            "pricing_note",
            "contact_email",
            "website",
            "location",
            "footprint",
            "zone",
            "coordinates_approximate",
            "source_urls",
            "distance_m",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        current = self.instance
        check_trl_range(
            attrs.get("trl_min", getattr(current, "trl_min", None)),
            attrs.get("trl_max", getattr(current, "trl_max", None)),
        )
        return attrs
