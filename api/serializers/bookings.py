"""Bookable resources, closures and bookings over HTTP."""

import re
from datetime import datetime, timedelta
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from pilots.models import (
    BookableResource,
    Booking,
    BookingTransition,
    ResourceClosure,
    Site,
)

from .timestamps import TimestampField

CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")
MAX_AVAILABILITY_DAYS = 62


class AwareDateTimeField(TimestampField):
    """RFC 3339 with an offset; a time without one is ambiguous, so 400."""

    def to_internal_value(self, value: Any) -> datetime:
        if isinstance(value, str) and not re.search(r"(Z|[+-]\d\d:?\d\d)$", value):
            raise serializers.ValidationError(
                _("Give the time with its offset, e.g. 2026-10-25T01:00:00+02:00.")
            )
        return super().to_internal_value(value)


class OpeningSlotSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(
        min_value=0, max_value=6, help_text="Monday 0 … Sunday 6"
    )
    opens = serializers.RegexField(CLOCK, help_text="HH:MM, district time")
    closes = serializers.RegexField(CLOCK, help_text="HH:MM, or 24:00")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["closes"] <= attrs["opens"]:
            raise serializers.ValidationError(
                {"closes": [_("Closing time must be after opening time.")]}
            )
        return attrs


class StrictSlugField(serializers.SlugRelatedField):
    """A slug given as a string only: a number is not a slug."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ResourceSerializer(serializers.ModelSerializer):
    site = StrictSlugField(slug_field="slug", queryset=Site.objects.public())
    opening_hours = OpeningSlotSerializer(many=True, required=False)
    exclusive = serializers.BooleanField(read_only=True)

    class Meta:
        model = BookableResource
        fields = [
            "id",
            "site",
            "name",
            "description",
            "capacity",
            "exclusive",
            "min_minutes",
            "max_minutes",
            "lead_minutes",
            "approval_required",
            "opening_hours",
            "is_example",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_example", "created_at", "updated_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low = attrs.get("min_minutes", getattr(self.instance, "min_minutes", 60))
        high = attrs.get("max_minutes", getattr(self.instance, "max_minutes", 10080))
        if low < 1 or low > high:
            raise serializers.ValidationError(
                {"min_minutes": [_("Must be between 1 and max_minutes.")]}
            )
        if attrs.get("capacity", 1) < 1:
            raise serializers.ValidationError({"capacity": [_("At least 1.")]})
        return attrs


class ClosureSerializer(serializers.ModelSerializer):
    starts_at = AwareDateTimeField()
    ends_at = AwareDateTimeField()

    class Meta:
        model = ResourceClosure
        fields = ["id", "starts_at", "ends_at", "rrule", "reason"]
        read_only_fields = ["id"]


class BookingSerializer(serializers.ModelSerializer):
    resource_name = serializers.CharField(source="resource.name", read_only=True)
    site = serializers.CharField(source="resource.site.slug", read_only=True)
    organization = serializers.CharField(source="organization.slug", read_only=True)
    pilot = serializers.CharField(source="pilot.slug", read_only=True, default=None)
    start = TimestampField(source="period.lower", read_only=True)
    end = TimestampField(source="period.upper", read_only=True)
    allowed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Booking
        fields = [
            "id",
            "resource",
            "resource_name",
            "site",
            "organization",
            "start",
            "end",
            "state",
            "purpose",
            "pilot",
            "decision_reason",
            "allowed_actions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_allowed_actions(self, booking: Booking) -> list[str]:
        from pilots.services.bookings import allowed_booking_actions

        return allowed_booking_actions(booking.state)


class BookingTransitionSerializer(serializers.ModelSerializer):
    """A step of a booking; the actor is not shown (no person's address)."""

    class Meta:
        model = BookingTransition
        fields = ["action", "from_state", "to_state", "reason", "created_at"]
        read_only_fields = fields


class BookingRequestSerializer(serializers.Serializer):
    resource = serializers.IntegerField(min_value=1)
    organization = serializers.CharField(max_length=100)
    start = AwareDateTimeField()
    end = AwareDateTimeField()
    purpose = serializers.CharField(max_length=500)
    pilot = serializers.CharField(max_length=100, required=False, allow_null=True)


class AvailabilityQuerySerializer(serializers.Serializer):
    """`from` and `to` are Python keywords, hence the fields are built here."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {"from": AwareDateTimeField(), "to": AwareDateTimeField()}

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["to"] <= attrs["from"]:
            raise serializers.ValidationError({"to": [_("Must be after from.")]})
        if attrs["to"] - attrs["from"] > timedelta(days=MAX_AVAILABILITY_DAYS):
            raise serializers.ValidationError(
                {
                    "to": [
                        _("At most %(days)d days at once.")
                        % {"days": MAX_AVAILABILITY_DAYS}
                    ]
                }
            )
        return attrs


class SegmentSerializer(serializers.Serializer):
    start = TimestampField()
    end = TimestampField()
    booked = serializers.IntegerField(help_text="confirmed bookings in this stretch")


class AvailabilitySerializer(serializers.Serializer):
    resource = serializers.IntegerField()
    capacity = serializers.IntegerField()
    free = SegmentSerializer(many=True)
    busy = SegmentSerializer(many=True)
    mine = BookingSerializer(many=True, help_text="your own bookings in the window")


class CalendarFeedSerializer(serializers.Serializer):
    url = serializers.URLField()
