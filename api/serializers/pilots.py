from typing import Any

from rest_framework import serializers

from pilots.models import PilotProject, Site

from .geometry import GeoJSONGeometryField
from .organizations import OrganizationSlugField
from .people import PublicNameField
from .slugs import StringSlugRelatedField, StringSlugsModelSerializer
from .vocabularies import SDGListField, SectorListField


class PilotSerializer(StringSlugsModelSerializer):
    owner = PublicNameField(
        help_text="The owner's display name (never their email address)."
    )
    lead_organization = OrganizationSlugField(required=False, allow_null=True)
    partners = OrganizationSlugField(many=True, required=False)
    sites = StringSlugRelatedField(
        slug_field="slug",
        queryset=Site.objects.public(),  # an unpublished site cannot be linked
        many=True,
        required=False,
    )
    sectors = SectorListField(required=False)
    sdgs = SDGListField(required=False)
    trl = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    location = GeoJSONGeometryField(
        allowed_types=["Point"], required=False, allow_null=True
    )
    area = GeoJSONGeometryField(
        allowed_types=["Polygon", "MultiPolygon"], required=False, allow_null=True
    )
    zone = serializers.CharField(
        source="zone_slug",
        read_only=True,
        allow_null=True,
        help_text="Slug of the zone containing the location or area (derived).",
    )
    distance_m = serializers.FloatField(
        read_only=True,
        help_text="Geodesic metres from `near` (only with near/radius).",
    )

    class Meta:
        model = PilotProject
        fields = [
            "id",
            "slug",
            "title",
            "title_no",
            "summary",
            "summary_no",
            "description",
            "description_no",
            "owner",
            "lead_organization",
            "partners",
            "sites",
            "sectors",
            "sdgs",
            "trl",
            "planned_start",
            "planned_end",
            "status",
            "location",
            "area",
            "zone",
            "is_example",
            "distance_m",
            "moderation_reason",
            "submitted_at",
            "published_at",
            "created_at",
            "updated_at",
        ]
        # Status and the moderation fields move only through the workflow
        # actions (issue 5).
        read_only_fields = [
            "id",
            "status",
            "is_example",
            "moderation_reason",
            "submitted_at",
            "published_at",
            "created_at",
            "updated_at",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            return attrs.get(name, getattr(self.instance, name, None))

        start, end = current("planned_start"), current("planned_end")
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError(
                {"planned_end": ["planned_end must not be before planned_start."]}
            )
        if current("location") is None and current("area") is None:
            raise serializers.ValidationError(
                {"location": ["A pilot needs a location (Point) or an area."]}
            )
        return attrs
