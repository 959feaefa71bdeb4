"""Writes of pilot projects. The owner is the acting user; the zone is derived
from the point (or, without one, the area) by a spatial join."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from geo.selectors import zone_containing

from ..models import Organization, PilotProject, Site


def _derive_zone(pilot: PilotProject) -> None:
    shape = pilot.location if pilot.location is not None else pilot.area
    pilot.zone = None if shape is None else zone_containing(shape)


@transaction.atomic
def pilot_create(
    *,
    actor: Any,
    partners: Iterable[Organization] = (),
    sites: Iterable[Site] = (),
    **fields: Any,
) -> PilotProject:
    pilot = PilotProject(owner=actor, **fields)
    _derive_zone(pilot)
    pilot.save()
    pilot.partners.set(list(partners))
    pilot.sites.set(list(sites))
    return pilot


@transaction.atomic
def pilot_update(
    *,
    pilot: PilotProject,
    actor: Any,
    partners: Iterable[Organization] | None = None,
    sites: Iterable[Site] | None = None,
    **fields: Any,
) -> PilotProject:
    for name, value in fields.items():
        setattr(pilot, name, value)
    if "location" in fields or "area" in fields:
        _derive_zone(pilot)
    pilot.save()
    if partners is not None:
        pilot.partners.set(list(partners))
    if sites is not None:
        pilot.sites.set(list(sites))
    return pilot


@transaction.atomic
def pilot_delete(*, pilot: PilotProject, actor: Any) -> None:
    pilot.delete()
