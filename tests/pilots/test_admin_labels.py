"""The admin reads well: sections, labels, filters and search staff use."""

import pytest
from django.contrib import admin

from geo.models import Zone
from pilots.models import PilotProject
from tests.api.catalogue_support import sectors
from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory

from .admin_support import admin_client, staff_moderator


@pytest.fixture
def client():
    return admin_client(staff_moderator())


@pytest.mark.django_db
def test_the_index_splits_the_domain_into_sections(client):
    response = client.get("/admin/")

    sections = [app["name"] for app in response.context["app_list"]]
    assert sections[:4] == [
        "Registry: sites, pilots and organisations",
        "Review and members",
        "Calls and notifications",
        "Vocabularies",
    ]
    assert "Pilots and test arenas" not in sections
    registry = response.context["app_list"][0]["models"]
    assert [model["name"] for model in registry] == [
        "Sites (test arenas and labs)",
        "Pilot projects",
        "Organisations",
        "Zones",
    ]
    vocabularies = [
        model["name"] for model in response.context["app_list"][3]["models"]
    ]
    assert vocabularies == [
        "Sectors",
        "SDGs (UN Sustainable Development Goals)",
        "TRLs (technology readiness levels)",
    ]


@pytest.mark.django_db
def test_form_labels_spell_out_sdgs_and_trl(client):
    site = SiteFactory.create()

    html = client.get(f"/admin/pilots/site/{site.pk}/change/").content.decode()

    for label in (
        "SDGs (UN Sustainable Development Goals):",
        "Lowest TRL:",
        "Highest TRL:",
        "Name (Norwegian):",
        "Source URLs:",
    ):
        assert label in html
    assert "Sdgs:" not in html
    assert "Trl min:" not in html


@pytest.mark.django_db
def test_pilots_filter_by_status_zone_and_sector(client, zones):
    sectors("mobility", "energy")
    zone = Zone.objects.get(slug="gloshaugen")
    shuttle = PilotProjectFactory.create(title="Shuttle", sectors=["mobility"])
    PilotProjectFactory.create(
        title="Heat pump", sectors=["energy"], status=PilotProject.Status.DRAFT
    )

    def titles(query: str) -> list[str]:
        response = client.get(f"/admin/pilots/pilotproject/?{query}")
        return [pilot.title for pilot in response.context["cl"].result_list]

    assert titles("sector=mobility") == ["Shuttle"]
    assert titles("status__exact=draft") == ["Heat pump"]
    PilotProject.objects.filter(pk=shuttle.pk).update(zone=zone)
    PilotProject.objects.exclude(pk=shuttle.pk).update(zone=None)
    assert titles(f"zone__id__exact={zone.pk}") == ["Shuttle"]


@pytest.mark.django_db
def test_sites_and_pilots_are_found_by_organisation_name(client):
    ntnu = OrganizationFactory.create(name="NTNU")
    SiteFactory.create(name="Hall A", host=ntnu)
    SiteFactory.create(name="Hall B")
    PilotProjectFactory.create(title="Shuttle", lead_organization=ntnu)
    PilotProjectFactory.create(title="Drone")

    sites = client.get("/admin/pilots/site/?q=ntnu").context["cl"].result_list
    pilots = client.get("/admin/pilots/pilotproject/?q=ntnu").context["cl"].result_list

    assert [site.name for site in sites] == ["Hall A"]
    assert [pilot.title for pilot in pilots] == ["Shuttle"]


@pytest.mark.django_db
def test_no_registered_model_is_lost_from_the_index(client):
    response = client.get("/admin/")

    listed = {
        (model["model"]._meta.app_label, model["object_name"])
        for app in response.context["app_list"]
        for model in app["models"]
    }
    registered = {
        (model._meta.app_label, model._meta.object_name)
        for model in admin.site._registry
        if model._meta.app_label in ("pilots", "geo")
    }
    assert registered <= listed
