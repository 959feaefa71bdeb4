from typing import Any

from django.contrib.gis import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import SDG, Organization, PilotProject, Sector, Site, TRLLevel
from .services.organization_verification import (
    organization_unverify,
    organization_verify,
)


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "org_number", "verified_at", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "org_number"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["verified_at", "verified_by"]
    actions = ["verify", "unverify"]

    @admin.action(description=_("Verify: publish opportunities without review"))
    def verify(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for organization in queryset:
            organization_verify(organization=organization, actor=request.user)

    @admin.action(description=_("Withdraw verification"))
    def unverify(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for organization in queryset:
            organization_unverify(organization=organization, actor=request.user)


@admin.register(Site)
class SiteAdmin(SimpleHistoryAdmin, admin.GISModelAdmin):
    list_display = ["name", "kind", "status", "host", "zone", "updated_at"]
    list_filter = ["kind", "status", "access", "zone"]
    search_fields = ["name", "name_no", "slug"]
    autocomplete_fields = ["host", "partners"]
    list_select_related = ["host", "zone"]


@admin.register(PilotProject)
class PilotProjectAdmin(SimpleHistoryAdmin, admin.GISModelAdmin):
    list_display = ["title", "status", "owner", "lead_organization", "updated_at"]
    list_filter = ["status", "is_example"]
    search_fields = ["title", "slug"]
    autocomplete_fields = ["lead_organization", "partners", "sites"]
    list_select_related = ["owner", "lead_organization"]


admin.site.register([Sector, SDG, TRLLevel])

# Accounts, memberships and the workflow log (issue 5).
from . import admin_owners  # noqa: E402, F401

# isort: split
# Opportunities, subscriptions and deliveries (issue 6).
from . import admin_notifications  # noqa: E402, F401
