from typing import Any

from rest_framework import serializers

from pilots.models import Opportunity, Site

from .geometry import GeoJSONGeometryField
from .organizations import OrganizationSlugField
from .slugs import StringSlugRelatedField, StringSlugsModelSerializer
from .vocabularies import SDGListField, SectorListField


class OpportunitySerializer(StringSlugsModelSerializer):
    publisher = OrganizationSlugField()
    sites = StringSlugRelatedField(
        slug_field="slug", queryset=Site.objects.all(), many=True, required=False
    )
    sectors = SectorListField(required=False)
    sdgs = SDGListField(required=False)
    trl_min = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    trl_max = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    area = GeoJSONGeometryField(
        allowed_types=["Polygon", "MultiPolygon"], required=False, allow_null=True
    )
    footprint = GeoJSONGeometryField(
        allowed_types=[],
        read_only=True,
        help_text="The area, or the related sites' locations when there is none.",
    )
    is_example = serializers.BooleanField(
        read_only=True, help_text="Demo content: an invented call, not a real one."
    )
    distance_m = serializers.FloatField(
        read_only=True,
        help_text="Geodesic metres from `near` (only with near/radius).",
    )

    class Meta:
        model = Opportunity
        fields = [
            "id",
            "slug",
            "title",
            "title_no",
            "summary",
            "summary_no",
            "description",
            "description_no",
            "publisher",
            "sites",
            "sectors",
            "sdgs",
            "trl_min",
            "trl_max",
            "call_type",
            "opens_at",
            "deadline_type",
            "deadline",
            "contact_name",
            "contact_email",
            "status",
            "submitted_at",
            "moderation_reason",
            "published_at",
            "closed_at",
            "area",
            "footprint",
            "is_example",
            "distance_m",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "status",
            "submitted_at",
            "moderation_reason",
            "published_at",
            "closed_at",
            "created_at",
            "updated_at",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def current(name: str) -> Any:
            return attrs.get(name, getattr(self.instance, name, None))

        low, high = current("trl_min"), current("trl_max")
        if low is not None and high is not None and high < low:
            raise serializers.ValidationError(
                {"trl_max": ["trl_max must be at least trl_min."]}
            )
        deadline_type = current("deadline_type") or Opportunity.DeadlineType.FIXED
        if deadline_type == Opportunity.DeadlineType.FIXED and not current("deadline"):
            raise serializers.ValidationError(
                {"deadline": ["A fixed deadline needs a date-time."]}
            )
        opens, deadline = current("opens_at"), current("deadline")
        if opens is not None and deadline is not None and deadline <= opens:
            raise serializers.ValidationError(
                {"deadline": ["The deadline must come after opens_at."]}
            )
        return attrs
