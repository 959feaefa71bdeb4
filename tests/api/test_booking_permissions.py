"""Who may do what with resources and bookings: only a host's admins manage
a resource and decide its bookings; a person cancels only their own."""

from datetime import timedelta

import pytest

from pilots.models import BookableResource, ResourceClosure
from tests.booking_support import make_resource, next_monday
from tests.factories import OrganizationFactory

from .owner_support import client_for, fresh_client, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource():
    return make_resource(approval_required=True)


@pytest.fixture
def host_admin(resource):
    return make_member(resource.site.host, role="admin")


@pytest.fixture
def host_member(resource):
    return make_member(resource.site.host, role="member")


@pytest.fixture
def outsider():
    return make_member(OrganizationFactory.create(), role="admin")


def test_anyone_reads_resources_but_only_host_admins_write(
    resource, host_admin, host_member, outsider
):
    url = f"/api/v1/resources/{resource.pk}/"
    change = {"capacity": 3}
    assert fresh_client().get(url).status_code == 200
    assert fresh_client().patch(url, change, format="json").status_code in (401, 403)
    for person in (host_member, outsider):
        response = client_for(person).patch(url, change, format="json")
        assert response.status_code == 403
        assert client_for(person).delete(url).status_code == 403
    assert BookableResource.objects.get(pk=resource.pk).capacity == 1

    assert client_for(host_admin).patch(url, change, format="json").status_code == 200
    assert BookableResource.objects.get(pk=resource.pk).capacity == 3


def test_only_host_admins_create_resources_and_closures(resource, host_admin, outsider):
    body = {"site": resource.site.slug, "name": "Bench", "capacity": 4}
    closure = {
        "starts_at": next_monday().isoformat(),
        "ends_at": (next_monday() + timedelta(hours=2)).isoformat(),
        "rrule": "FREQ=WEEKLY;COUNT=4",
    }
    closures = f"/api/v1/resources/{resource.pk}/closures/"

    refused = client_for(outsider).post("/api/v1/resources/", body, format="json")
    refused_closure = client_for(outsider).post(closures, closure, format="json")
    created = client_for(host_admin).post("/api/v1/resources/", body, format="json")
    added = client_for(host_admin).post(closures, closure, format="json")
    bad_rule = client_for(host_admin).post(
        closures, {**closure, "rrule": "EVERY TUESDAY"}, format="json"
    )

    assert refused.status_code == 403
    assert refused_closure.status_code == 403
    assert created.status_code == 201
    assert created.json()["exclusive"] is False
    assert added.status_code == 201
    assert bad_rule.status_code == 400
    assert bad_rule.json()["errors"][0]["field"] == "rrule"
    assert ResourceClosure.objects.count() == 1


def test_a_site_given_as_a_number_is_400(resource, host_admin):
    body = {"site": resource.site.pk, "name": "Bench"}

    response = client_for(host_admin).post("/api/v1/resources/", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "site"


def test_nobody_but_the_host_admins_decides_a_booking(
    resource, host_admin, host_member, outsider
):
    organization = OrganizationFactory.create(slug="booker-org")
    booker = make_member(organization, role="admin")
    start = next_monday()
    booking = (
        client_for(booker)
        .post(
            "/api/v1/bookings/",
            {
                "resource": resource.pk,
                "organization": "booker-org",
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
                "purpose": "Tests",
            },
            format="json",
        )
        .json()
    )
    confirm = f"/api/v1/bookings/{booking['id']}/confirm/"

    own = client_for(booker).post(confirm)
    member = client_for(host_member).post(confirm)
    other = client_for(outsider).post(confirm)
    anonymous = fresh_client().post(confirm)
    host = client_for(host_admin).post(confirm)

    assert own.status_code == 403  # the booker sees it but may not confirm
    assert member.status_code == 404
    assert other.status_code == 404
    assert anonymous.status_code in (401, 403)
    assert host.status_code == 200
