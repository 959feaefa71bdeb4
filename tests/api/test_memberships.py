"""Organisation admins manage members; an organisation keeps an admin.
Adding members by invitation: tests/api/accounts/test_invitations.py."""

import pytest

from pilots.models import OrganizationMembership
from tests.factories import OrganizationFactory

from .owner_support import client_for, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganizationFactory.create(slug="lab")


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
