from django.contrib.gis import admin

from .models import Zone


@admin.register(Zone)
class ZoneAdmin(admin.GISModelAdmin):
    list_display = ["name", "slug", "updated_at"]
    search_fields = ["name", "slug"]
