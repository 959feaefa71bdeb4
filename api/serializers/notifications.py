from rest_framework import serializers

from pilots.models import Booking, Notification, Opportunity, Subscription


class NotificationSerializer(serializers.ModelSerializer):
    opportunity: serializers.SlugRelatedField[Opportunity] = (
        serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    )
    opportunity_title = serializers.CharField(
        source="opportunity.title", read_only=True, allow_null=True
    )
    opportunity_is_example = serializers.BooleanField(
        source="opportunity.is_example", read_only=True, allow_null=True
    )
    booking: serializers.PrimaryKeyRelatedField[Booking] = (
        serializers.PrimaryKeyRelatedField(
            read_only=True,
            allow_null=True,
            help_text="For booking.* kinds: the booking (GET /bookings/{id}/).",
        )
    )
    booking_resource = serializers.CharField(
        source="booking.resource.name", read_only=True, allow_null=True
    )
    subscription: serializers.PrimaryKeyRelatedField[Subscription] = (
        serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    )
    matched_subscriptions = serializers.ListField(
        source="matched_subscription_ids",
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Every subscription of yours that matched (one notification "
        "per opportunity and channel however many match).",
    )
    delivery_status = serializers.SerializerMethodField(
        help_text=(
            "in_app (inbox only), waiting_for_digest, pending, delivered, dead "
            "(failed after the last attempt) or skipped."
        )
    )
    is_read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "opportunity",
            "opportunity_title",
            "opportunity_is_example",
            "booking",
            "booking_resource",
            "subscription",
            "matched_subscriptions",
            "channel",
            "delivery_status",
            "is_read",
            "read_at",
            "created_at",
        ]
        read_only_fields = fields

    def get_delivery_status(self, notification: Notification) -> str:
        if notification.delivery is not None:
            return notification.delivery.status
        subscription = notification.subscription
        if subscription is None or subscription.channel == "in_app":
            return "in_app"
        return "waiting_for_digest"

    def get_is_read(self, notification: Notification) -> bool:
        return notification.read_at is not None


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=1000,
        help_text="Notification ids; omit to mark every unread one read.",
    )
