"""Writes of sites. The zone is derived from the location by a spatial join."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from geo.selectors import zone_containing

from ..models import Organization, Site


@transaction.atomic
def site_create(
    *, actor: Any, partners: Iterable[Organization] = (), **fields: Any
) -> Site:
    site = Site(**fields)
    site.zone = zone_containing(site.location)
    site.save()
    site.partners.set(list(partners))
    return site


@transaction.atomic
def site_update(
    *,
    site: Site,
    actor: Any,
    partners: Iterable[Organization] | None = None,
    **fields: Any,
) -> Site:
    for name, value in fields.items():
        setattr(site, name, value)
    if "location" in fields:
        site.zone = zone_containing(site.location)
    site.save()
    if partners is not None:
        site.partners.set(list(partners))
    return site


@transaction.atomic
def site_delete(*, site: Site, actor: Any) -> None:
    site.delete()
