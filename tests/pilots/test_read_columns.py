"""A feature's read columns (host, partners, sites, zone; pilots migration 0016)
follow every write in the same transaction, whoever writes: QuerySet.update,
the m2m managers, raw SQL."""

import json
from typing import Any

import pytest
from django.contrib.gis.geos import Point
from django.db import connection, transaction
from django.db.models import FloatField, Value

from api.features import PILOT_FEATURE, SITE_FEATURE, with_distance
from api.features_opportunities import OPPORTUNITY_FEATURE
from geo.rendering import FeatureSpec, render_feature, render_features
from pilots.models import Opportunity, Organization, PilotProject, Site
from pilots.services.zones import zones_assign
from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory

pytestmark = pytest.mark.django_db

SLUPPEN = (10.3990, 63.3980)
TYHOLT = (10.4318, 63.4222)  # outside the five zones

SPECS: dict[type, FeatureSpec] = {
    Site: SITE_FEATURE,
    PilotProject: PILOT_FEATURE,
    Opportunity: OPPORTUNITY_FEATURE,
}


def properties(row: Any) -> dict[str, Any]:
    """The row's GeoJSON feature properties as the API renders them."""
    model = type(row)
    body = render_feature(model.objects.filter(pk=row.pk), SPECS[model])
    assert body is not None
    return json.loads(body)["properties"]


def test_renaming_an_organisation_by_queryset_update_renames_it_everywhere():
    host = OrganizationFactory.create(slug="old-host")
    partner = OrganizationFactory.create(slug="old-partner")
    site = SiteFactory.create(host=host, partners=[partner])
    pilot = PilotProjectFactory.create(lead_organization=host, partners=[partner])
    opportunity = OpportunityFactory.create(publisher=host)

    with transaction.atomic():
        Organization.objects.filter(pk=host.pk).update(slug="new-host", name="New")
        Organization.objects.filter(pk=partner.pk).update(slug="a-partner")

        assert properties(site)["host"] == "new-host"
        assert properties(site)["partners"] == ["a-partner"]
        assert properties(pilot)["lead_organization"] == "new-host"
        assert properties(pilot)["partners"] == ["a-partner"]
        assert properties(opportunity)["publisher"] == "new-host"
        # What the tiles carry.
        assert Site.objects.get(pk=site.pk).read_host_name == "New"


def test_adding_and_removing_partners_changes_the_feature():
    site = SiteFactory.create()
    pilot = PilotProjectFactory.create()
    b, a = (
        OrganizationFactory.create(slug="b-org"),
        OrganizationFactory.create(slug="a-org"),
    )

    with transaction.atomic():
        site.partners.add(b, a)
        pilot.partners.add(b)
        assert properties(site)["partners"] == ["a-org", "b-org"]  # slug order
        assert properties(pilot)["partners"] == ["b-org"]

        site.partners.remove(b)
        pilot.partners.clear()
        assert properties(site)["partners"] == ["a-org"]
        assert properties(pilot)["partners"] == []


def test_linking_and_renaming_sites_changes_pilots_and_opportunities():
    site = SiteFactory.create(slug="harbour")
    pilot = PilotProjectFactory.create()
    opportunity = OpportunityFactory.create()

    with transaction.atomic():
        pilot.sites.add(site)
        opportunity.sites.add(site)
        assert properties(pilot)["sites"] == ["harbour"]
        assert properties(opportunity)["sites"] == ["harbour"]

        Site.objects.filter(pk=site.pk).update(slug="new-harbour")
        assert properties(pilot)["sites"] == ["new-harbour"]
        assert properties(opportunity)["sites"] == ["new-harbour"]

        opportunity.sites.remove(site)
        assert properties(opportunity)["sites"] == []


def test_moving_a_zone_boundary_by_raw_sql_moves_its_sites(zones: int):
    inside = SiteFactory.create(location=Point(*SLUPPEN, srid=4326))
    outside = SiteFactory.create(location=Point(*TYHOLT, srid=4326))
    pilot = PilotProjectFactory.create(location=Point(*TYHOLT, srid=4326))
    zones_assign()
    assert properties(inside)["zone"] == "sluppen"
    assert properties(outside)["zone"] is None

    with transaction.atomic(), connection.cursor() as cursor:
        # Sluppen's area moves over Tyholt (and off the site that was in it).
        cursor.execute(
            "UPDATE geo_zone SET area = ST_Multi(ST_Buffer("
            "ST_SetSRID(ST_MakePoint(%s, %s), 4326), 0.001)) WHERE slug = 'sluppen'",
            TYHOLT,
        )
        assert properties(inside)["zone"] is None
        assert properties(outside)["zone"] == "sluppen"
        assert properties(pilot)["zone"] == "sluppen"

        cursor.execute(
            "UPDATE geo_zone SET slug = 'new-sluppen' WHERE slug = 'sluppen'"
        )
        assert properties(outside)["zone"] == "new-sluppen"


def test_changing_sectors_changes_the_feature():
    site = SiteFactory.create(sectors=["energy"])

    with transaction.atomic():
        Site.objects.filter(pk=site.pk).update(sectors=["energy", "mobility"], sdgs=[7])

        assert properties(site)["sectors"] == ["energy", "mobility"]
        assert properties(site)["sdgs"] == [7]


def test_a_read_column_written_by_hand_is_put_right():
    host = OrganizationFactory.create(slug="the-host")
    site = SiteFactory.create(host=host)

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pilots_site SET read_host_slug = 'wrong', "
            "read_partner_slugs = '{wrong}' WHERE id = %s",
            [site.pk],
        )

    assert properties(site)["host"] == "the-host"
    assert properties(site)["partners"] == []


def test_the_ready_feature_text_is_the_built_feature_byte_for_byte(zones: int):
    host = OrganizationFactory.create(slug="host-æøå", name="Høst")
    site = SiteFactory.create(
        host=host,
        partners=[OrganizationFactory.create(), OrganizationFactory.create()],
        location=Point(*SLUPPEN, srid=4326),
        sectors=["energy", "mobility"],
        sdgs=[7, 11],
        trl_min=3,
        name='Quote " and \\ backslash',
    )
    SiteFactory.create(location=Point(*TYHOLT, srid=4326))
    zones_assign()
    with connection.cursor() as cursor:  # a writer in another time zone
        cursor.execute("SET TIME ZONE 'Europe/Oslo'")
        cursor.execute("UPDATE pilots_site SET trl_max = 8 WHERE id = %s", [site.pk])
        cursor.execute("SET TIME ZONE 'UTC'")
    built = FeatureSpec(
        geometry=SITE_FEATURE.geometry,
        id=SITE_FEATURE.id,
        properties=SITE_FEATURE.properties,
    )
    sites = Site.objects.order_by("id")
    near = sites.annotate(distance_m=Value(1234.5678901, output_field=FloatField()))

    assert render_features(sites, SITE_FEATURE) == render_features(sites, built)
    assert render_features(near, with_distance(SITE_FEATURE)) == render_features(
        near, with_distance(built)
    )
    assert b'"zone" : "sluppen"' in render_features(sites, SITE_FEATURE)
