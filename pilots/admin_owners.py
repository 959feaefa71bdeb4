"""Admin pages of issue 5: memberships (with history), profiles, transitions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AccountProfile, OrganizationMembership, PilotTransition


@admin.register(OrganizationMembership)
class OrganizationMembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organization", "role", "updated_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organization__name"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "organization"]


@admin.register(AccountProfile)
class AccountProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language", "email_verified_at"]
    list_filter = ["language"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(PilotTransition)
class PilotTransitionAdmin(admin.ModelAdmin):
    """The review log is append-only: read it here, change it through the API."""

    list_display = [
        "pilot",
        "action",
        "from_status",
        "to_status",
        "actor",
        "created_at",
    ]
    list_filter = ["action", "to_status"]
    search_fields = ["pilot__title", "actor__email", "reason"]
    list_select_related = ["pilot", "actor"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
