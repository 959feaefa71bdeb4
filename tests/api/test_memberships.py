"""Organisation admins manage members; an organisation keeps an admin."""

import pytest

from pilots.models import OrganizationMembership
from tests.factories import OrganizationFactory, UserFactory

from .owner_support import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganizationFactory.create(slug="lab")


def test_admins_add_members_by_email_and_members_see_the_list(org) -> None:
    admin = make_member(org, "admin", email="admin@example.org")
    newcomer = UserFactory.create(email="new@example.org")

    added = client_for(admin).post(
        "/api/v1/organizations/lab/members/",
        {"email": "NEW@example.org", "role": "member"},
        format="json",
    )
    listed = client_for(newcomer).get("/api/v1/organizations/lab/members/")

    assert added.status_code == 201
    assert sorted(row["email"] for row in listed.json()["results"]) == [
        "admin@example.org",
        "new@example.org",
    ]


def test_an_unknown_address_is_a_400_naming_the_field(org) -> None:
    admin = make_member(org, "admin")

    response = client_for(admin).post(
        "/api/v1/organizations/lab/members/",
        {"email": "nobody@example.org", "role": "member"},
        format="json",
    )

    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["email"]


def test_the_last_admin_cannot_leave_or_step_down(org) -> None:
    admin = make_member(org, "admin")

    demoted = client_for(admin).patch(
        f"/api/v1/organizations/lab/members/{admin.pk}/",
        {"role": "member"},
        format="json",
    )
    removed = client_for(admin).delete(f"/api/v1/organizations/lab/members/{admin.pk}/")

    assert demoted.status_code == removed.status_code == 409
    assert OrganizationMembership.objects.get(user=admin).role == "admin"


def test_an_admin_of_another_organisation_manages_nothing_here(org) -> None:
    make_member(org, "admin")
    member = make_member(org, "member")
    outsider = make_member(OrganizationFactory.create(), "admin")

    response = client_for(outsider).delete(
        f"/api/v1/organizations/lab/members/{member.pk}/"
    )

    assert response.status_code == 403
    assert OrganizationMembership.objects.filter(user=member).exists()
