from django.contrib.gis import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SDG, Organization, PilotProject, Sector, Site, TRLLevel


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "org_number", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "org_number"]
    prepopulated_fields = {"slug": ["name"]}


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
