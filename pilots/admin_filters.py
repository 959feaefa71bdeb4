"""List filters for the admin over the catalogue's array columns."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Sector


class SectorListFilter(admin.SimpleListFilter):
    """Rows whose `sectors` array holds the chosen sector."""

    title = _("sector")
    parameter_name = "sector"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(sector.slug, str(sector)) for sector in Sector.objects.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(sectors__contains=[self.value()])
        return queryset
