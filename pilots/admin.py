from typing import Any

from django.contrib.gis import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from geo.admin import MapGISModelAdmin

from .admin_filters import SectorListFilter
from .admin_forms import ValueComparingModelForm
from .admin_workflow import PILOT_WORKFLOW_ACTIONS
from .models import SDG, Organization, PilotProject, Sector, Site, TRLLevel
from .services.organization_verification import (
    organization_unverify,
    organization_verify,
)


class MapHistoryAdmin(SimpleHistoryAdmin, MapGISModelAdmin):
    """Locations on a MapLibre map from our static files; a save that changes
    nothing stores no new history record."""

    form = ValueComparingModelForm

    def save_model(
        self, request: HttpRequest, obj: Any, form: ModelForm, change: bool
    ) -> None:
        if change and not form.has_changed():
            return
        super().save_model(request, obj, form, change)


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
class SiteAdmin(MapHistoryAdmin):
    list_display = ["name", "kind", "status", "host", "zone", "updated_at"]
    list_filter = ["kind", "status", "access", "zone", SectorListFilter]
    search_fields = ["name", "name_no", "slug", "host__name", "partners__name"]
    autocomplete_fields = ["host", "partners"]
    list_select_related = ["host", "zone"]


@admin.register(PilotProject)
class PilotProjectAdmin(MapHistoryAdmin):
    """Status moves only through the workflow actions (history and emails)."""

    list_display = ["title", "status", "owner", "lead_organization", "zone"]
    list_filter = ["status", "zone", SectorListFilter, "is_example"]
    search_fields = [
        "title",
        "title_no",
        "slug",
        "lead_organization__name",
        "partners__name",
    ]
    autocomplete_fields = ["lead_organization", "partners", "sites"]
    list_select_related = ["owner", "lead_organization", "zone"]
    readonly_fields = ["status", "moderation_reason", "submitted_at", "published_at"]
    actions = PILOT_WORKFLOW_ACTIONS


admin.site.register([Sector, SDG, TRLLevel])

# Accounts, memberships and the workflow log (issue 5).
from . import admin_owners  # noqa: E402, F401

# isort: split
# Opportunities, subscriptions and deliveries (issue 6).
from . import admin_notifications  # noqa: E402, F401
