from typing import Any

from django.db.models import Model
from rest_framework import serializers

from geo.models import Zone
from pilots.models import Delivery, Organization, Subscription
from pilots.models.subscriptions import MAX_RADIUS_M

from .geometry import GeoJSONGeometryField
from .slugs import StringSlugField, StringSlugsModelSerializer
from .vocabularies import SDGListField, SectorListField


class _SlugsToIds(serializers.ListField):
    """Slugs in the API, ids in the database (the matching query's arrays)."""

    model: type[Model] = Zone
    noun = "zone"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=StringSlugField(max_length=100), **kwargs)

    def to_internal_value(self, data: Any) -> list[int]:
        slugs = list(dict.fromkeys(super().to_internal_value(data)))
        ids = dict(
            self.model._default_manager.filter(slug__in=slugs).values_list("slug", "pk")
        )
        unknown = [slug for slug in slugs if slug not in ids]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown {self.noun}: {', '.join(unknown)}."
            )
        return [ids[slug] for slug in slugs]

    def to_representation(self, data: Any) -> list[str]:
        ids = list(data)
        slugs = dict(
            self.model._default_manager.filter(pk__in=ids).values_list("pk", "slug")
        )
        return [slugs[pk] for pk in ids if pk in slugs]


class ZoneSlugsField(_SlugsToIds):
    model = Zone
    noun = "zone"


class OrganizationSlugsField(_SlugsToIds):
    model = Organization
    noun = "organisation"


class SubscriptionSerializer(StringSlugsModelSerializer):
    sectors = SectorListField(required=False)
    sdgs = SDGListField(required=False)
    zones = ZoneSlugsField(source="zone_ids", required=False)
    organizations = OrganizationSlugsField(source="organization_ids", required=False)
    area = GeoJSONGeometryField(
        allowed_types=["Polygon", "MultiPolygon"], required=False, allow_null=True
    )
    point = GeoJSONGeometryField(
        allowed_types=["Point"], required=False, allow_null=True
    )
    radius_m = serializers.IntegerField(
        min_value=1, max_value=MAX_RADIUS_M, required=False, allow_null=True
    )
    trl_min = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    trl_max = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )
    webhook_url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    webhook_disabled = serializers.SerializerMethodField(
        help_text="True after the receiver answered 410 Gone (resume re-enables)."
    )

    class Meta:
        model = Subscription
        fields = [
            "id",
            "name",
            "sectors",
            "sdgs",
            "zones",
            "organizations",
            "area",
            "point",
            "radius_m",
            "trl_min",
            "trl_max",
            "keywords",
            "channel",
            "webhook_url",
            "webhook_disabled",
            "frequency",
            "is_active",
            "unsubscribed_at",
            "last_digest_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "is_active",
            "unsubscribed_at",
            "last_digest_at",
            "created_at",
            "updated_at",
        ]

    def get_webhook_disabled(self, subscription: Subscription) -> bool:
        return subscription.webhook_disabled_at is not None


class SubscriptionWithSecretSerializer(SubscriptionSerializer):
    """Answers a create or a rotation: the only times the secret is shown."""

    webhook_secret = serializers.CharField(
        read_only=True,
        help_text="whsec_<base64>: verify webhook-signature with it (shown once).",
    )

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "webhook_secret"]


class DeliverySerializer(serializers.ModelSerializer):
    """A delivery's state; what a receiver answered is never shown."""

    webhook_id = serializers.CharField(read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "webhook_id",
            "kind",
            "channel",
            "status",
            "attempts",
            "next_attempt_at",
            "delivered_at",
            "created_at",
        ]
        read_only_fields = fields
