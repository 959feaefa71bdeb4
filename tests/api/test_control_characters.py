"""Titles and names are one line of text: control characters (CR/LF, tab, ...)
are a 400 naming the field and change nothing."""

from typing import Any

import pytest

from pilots.models import Opportunity, Organization, PilotProject, Site
from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .owner_support import client_for, make_member

pytestmark = pytest.mark.django_db

BAD = ["Smart lighting\r\nBcc: everyone@example.org", "Tab\there", "Bell\x07"]


@pytest.mark.parametrize("value", BAD)
@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("pilots", "title"),
        ("pilots", "title_no"),
        ("opportunities", "title"),
        ("opportunities", "title_no"),
        ("sites", "name"),
        ("sites", "name_no"),
        ("organizations", "name"),
    ],
)
def test_a_control_character_in_a_title_is_a_400_naming_it(kind, field, value):
    organization = OrganizationFactory.create()
    admin = make_member(organization)
    rows: dict[str, tuple[Any, Any]] = {
        "pilots": (
            PilotProjectFactory.create(owner=admin, status="draft"),
            PilotProject,
        ),
        "opportunities": (
            OpportunityFactory.create(publisher=organization, status="draft"),
            Opportunity,
        ),
        "sites": (SiteFactory.create(host=organization), Site),
        "organizations": (organization, Organization),
    }
    row, model = rows[kind]
    before = getattr(model.objects.get(pk=row.pk), field)

    response = client_for(admin).patch(
        f"/api/v1/{kind}/{row.slug}/", {field: value}, format="json"
    )

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == [field]
    assert getattr(model.objects.get(pk=row.pk), field) == before


def test_a_new_organisation_with_a_line_break_in_its_name_is_refused():
    client = client_for(make_member(OrganizationFactory.create()))

    response = client.post(
        "/api/v1/organizations/",
        {"name": "Evil\nCorp", "slug": "evil-corp", "kind": "company"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "name"
    assert not Organization.objects.filter(slug="evil-corp").exists()


def test_ordinary_punctuation_and_letters_stay_accepted():
    organization = OrganizationFactory.create()
    admin = make_member(organization)

    response = client_for(admin).patch(
        f"/api/v1/organizations/{organization.slug}/",
        {"name": "Sør-Trøndelag «Lab» & Co. 2026"},
        format="json",
    )

    assert response.status_code == 200
