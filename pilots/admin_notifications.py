"""Admin for opportunities, subscriptions and deliveries (issue 6).

Dead deliveries are visible here (filter by status); `last_error` is for
operators only and never reaches subscribers.
"""

from django.contrib.gis import admin

from geo.admin import MapGISModelAdmin

from .admin_filters import SectorListFilter
from .models import Delivery, Notification, Opportunity, OutboxEvent, Subscription


@admin.register(Opportunity)
class OpportunityAdmin(MapGISModelAdmin):
    list_display = ["title", "publisher", "status", "call_type", "deadline"]
    list_filter = ["status", "call_type", SectorListFilter, "is_example"]
    search_fields = ["title", "title_no", "slug", "publisher__name"]
    autocomplete_fields = ["publisher", "sites"]
    list_select_related = ["publisher"]
    readonly_fields = ["status", "published_at", "closed_at"]


@admin.register(Subscription)
class SubscriptionAdmin(MapGISModelAdmin):
    list_display = ["__str__", "user", "channel", "frequency", "is_active"]
    list_filter = ["channel", "frequency", "is_active"]
    search_fields = ["name", "user__username", "user__email"]
    exclude = ["webhook_secret"]
    raw_id_fields = ["user"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "channel", "status", "attempts", "next_attempt_at"]
    list_filter = ["status", "kind", "channel"]
    readonly_fields = [field.name for field in Delivery._meta.fields]
    raw_id_fields = ["subscription", "user", "event"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "subscription", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    raw_id_fields = [
        "subscription",
        "opportunity",
        "booking",
        "event",
        "user",
        "delivery",
    ]


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = ["kind", "opportunity", "booking", "created_at", "processed_at"]
    raw_id_fields = ["opportunity", "booking", "booking_transition"]
