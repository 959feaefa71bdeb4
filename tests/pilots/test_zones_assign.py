import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from pilots.models import PilotProject, Site
from pilots.services.zones import zones_assign
from tests.factories import PilotProjectFactory, SiteFactory

pytestmark = pytest.mark.django_db

SLUPPEN = (10.3990, 63.3980)
TYHOLT = (10.4318, 63.4222)  # outside the five zones


def test_sites_and_pilots_get_their_zone_in_one_pass(zones: int) -> None:
    site = SiteFactory.create(location=Point(*SLUPPEN, srid=4326))
    outside = SiteFactory.create(location=Point(*TYHOLT, srid=4326))
    area = Polygon.from_bbox((10.3985, 63.3975, 10.3995, 63.3985))
    pilot = PilotProjectFactory.create(
        location=None, area=MultiPolygon(area, srid=4326)
    )

    changed = zones_assign()

    assert changed == {"sites": 1, "pilots": 1}
    assert Site.objects.get(pk=site.pk).zone.slug == "sluppen"  # type: ignore[union-attr]
    assert Site.objects.get(pk=outside.pk).zone is None
    assert PilotProject.objects.get(pk=pilot.pk).zone.slug == "sluppen"  # type: ignore[union-attr]


def test_rows_already_right_are_not_touched(zones: int) -> None:
    site = SiteFactory.create(location=Point(*SLUPPEN, srid=4326))
    zones_assign()
    stamp = Site.objects.get(pk=site.pk).updated_at

    changed = zones_assign()

    assert changed == {"sites": 0, "pilots": 0}
    assert Site.objects.get(pk=site.pk).updated_at == stamp


def test_a_moved_site_changes_zone_and_leaving_clears_it(zones: int) -> None:
    site = SiteFactory.create(location=Point(*SLUPPEN, srid=4326))
    zones_assign()
    Site.objects.filter(pk=site.pk).update(location=Point(*TYHOLT, srid=4326))

    changed = zones_assign()

    assert changed["sites"] == 1
    assert Site.objects.get(pk=site.pk).zone is None
