"""Booking over HTTP: rules as 400s, conflicts as 409s naming the period,
the workflow's 409 with allowed actions, and who may see and do what."""

from datetime import timedelta

import pytest
from django.core import mail

from pilots.models import Booking, BookingTransition
from pilots.timestamps import format_timestamp
from tests.booking_support import make_resource, next_monday
from tests.factories import OrganizationFactory

from .owner_support import client_for, eager_celery, make_member

pytestmark = pytest.mark.django_db
__all__ = ["eager_celery"]


@pytest.fixture
def booker_org():
    return OrganizationFactory.create(slug="startup-as")


@pytest.fixture
def booker(booker_org):
    return make_member(booker_org, role="member")


def request_body(resource, start, hours=2, **extra):
    return {
        "resource": resource.pk,
        "organization": "startup-as",
        "start": start.isoformat(),
        "end": (start + timedelta(hours=hours)).isoformat(),
        "purpose": "Battery cold test",
        **extra,
    }


def test_a_free_slot_is_confirmed_at_once_and_an_overlap_is_409(booker, booker_org):
    resource = make_resource()
    start = next_monday()
    client = client_for(booker)

    first = client.post(
        "/api/v1/bookings/", request_body(resource, start), format="json"
    )
    second = client_for(make_member(booker_org)).post(
        "/api/v1/bookings/",
        request_body(resource, start + timedelta(hours=1)),
        format="json",
    )

    assert first.status_code == 201, first.json()
    assert first.json()["state"] == "confirmed"
    assert second.status_code == 409
    problem = second.json()
    assert second["Content-Type"] == "application/problem+json"
    # The stretch of the request that is taken (10:00-11:00), written in UTC.
    assert problem["conflict"] == {
        "start": format_timestamp(start + timedelta(hours=1)),
        "end": format_timestamp(start + timedelta(hours=2)),
    }
    assert booker.email not in second.content.decode()
    assert "startup-as" not in second.content.decode()
    assert Booking.objects.count() == 1


def test_rules_answer_400_naming_the_rule(booker):
    resource = make_resource(max_minutes=120)
    response = client_for(booker).post(
        "/api/v1/bookings/",
        request_body(resource, next_monday(), hours=3),
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "max_minutes"
    assert Booking.objects.count() == 0


def test_a_time_without_offset_is_400(booker):
    resource = make_resource()
    body = request_body(resource, next_monday())
    body["start"] = body["start"][:19]

    response = client_for(booker).post("/api/v1/bookings/", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "start"


def test_one_books_only_for_an_organisation_one_belongs_to(booker):
    OrganizationFactory.create(slug="someone-else")
    body = request_body(make_resource(), next_monday(), organization="someone-else")

    response = client_for(booker).post("/api/v1/bookings/", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "organization"


def test_the_host_confirms_a_request_and_the_workflow_answers_409_after(
    booker, eager_celery
):
    resource = make_resource(approval_required=True)
    host = make_member(resource.site.host, role="admin")
    created = client_for(booker).post(
        "/api/v1/bookings/", request_body(resource, next_monday()), format="json"
    )
    booking = created.json()
    assert booking["state"] == "requested"
    assert booking["allowed_actions"] == ["confirm", "decline", "cancel"]
    assert [m.to for m in mail.outbox] == [[host.email]]

    stranger = client_for(make_member(OrganizationFactory.create())).post(
        f"/api/v1/bookings/{booking['id']}/confirm/", {}, format="json"
    )
    confirmed = client_for(host).post(
        f"/api/v1/bookings/{booking['id']}/confirm/", {}, format="json"
    )
    again = client_for(host).post(
        f"/api/v1/bookings/{booking['id']}/decline/", {"reason": "x"}, format="json"
    )

    assert stranger.status_code == 404  # not even visible to others
    assert confirmed.status_code == 200
    assert confirmed.json()["state"] == "confirmed"
    assert mail.outbox[-1].to == [booker.email]
    assert again.status_code == 409
    assert again.json()["allowed"] == ["cancel"]
    assert again.json()["status_now"] == "confirmed"
    actions = BookingTransition.objects.values_list("action", flat=True)
    assert list(actions) == ["request", "confirm"]
    history = client_for(booker).get(f"/api/v1/bookings/{booking['id']}/history/")
    assert [step["to_state"] for step in history.json()] == ["requested", "confirmed"]
    assert host.email not in history.content.decode()


def test_declining_needs_a_reason_and_cancelling_others_is_refused(booker):
    resource = make_resource(approval_required=True)
    host = make_member(resource.site.host, role="admin")
    booking = (
        client_for(booker)
        .post("/api/v1/bookings/", request_body(resource, next_monday()), format="json")
        .json()
    )
    member_of_host = make_member(resource.site.host, role="member")

    no_reason = client_for(host).post(f"/api/v1/bookings/{booking['id']}/decline/")
    not_theirs = client_for(member_of_host).post(
        f"/api/v1/bookings/{booking['id']}/cancel/"
    )
    own = client_for(booker).post(f"/api/v1/bookings/{booking['id']}/cancel/")

    assert no_reason.status_code == 400
    assert no_reason.json()["errors"][0]["field"] == "reason"
    assert not_theirs.status_code == 404
    assert own.status_code == 200
    assert own.json()["state"] == "cancelled"


def test_a_shared_resource_takes_as_many_bookings_as_its_capacity(booker_org):
    resource = make_resource(capacity=4)
    start = next_monday()
    answers = [
        client_for(make_member(booker_org))
        .post(
            "/api/v1/bookings/",
            request_body(resource, start + timedelta(minutes=10 * n)),
            format="json",
        )
        .status_code
        for n in range(6)
    ]
    after = client_for(make_member(booker_org)).post(
        "/api/v1/bookings/",
        request_body(resource, start + timedelta(hours=3)),
        format="json",
    )

    assert answers == [201, 201, 201, 201, 409, 409]
    assert after.status_code == 201


def test_others_see_neither_purpose_nor_booker(booker, booker_org):
    resource = make_resource()
    start = next_monday()
    booking = (
        client_for(booker)
        .post("/api/v1/bookings/", request_body(resource, start), format="json")
        .json()
    )
    other = client_for(make_member(OrganizationFactory.create()))

    listed = other.get("/api/v1/bookings/").json()["results"]
    detail = other.get(f"/api/v1/bookings/{booking['id']}/")
    window = other.get(
        f"/api/v1/resources/{resource.pk}/availability/",
        {"from": start.isoformat(), "to": (start + timedelta(days=1)).isoformat()},
    )

    assert listed == []
    assert detail.status_code == 404
    body = window.content.decode()
    assert window.status_code == 200
    assert "Battery" not in body
    assert "startup-as" not in body
    assert booker.email not in body
    assert window.json()["busy"][0]["start"] == format_timestamp(start)
    assert window.json()["mine"] == []


def test_unknown_references_in_the_body_are_400_naming_the_field(booker):
    body = request_body(make_resource(), next_monday(), pilot="no-such-pilot")
    body["resource"] = 999_999

    response = client_for(booker).post("/api/v1/bookings/", body, format="json")

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"resource", "pilot"}


@pytest.mark.parametrize("year", [9999, 2100])
def test_a_booking_far_ahead_is_400_naming_the_period(booker, year):
    """9999-12-31 overflowed the calendar sums into a 500."""
    resource = make_resource()
    start = next_monday().replace(year=year, month=12, day=30)

    response = client_for(booker).post(
        "/api/v1/bookings/", request_body(resource, start), format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "period"
    assert not Booking.objects.exists()
