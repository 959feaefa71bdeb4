"""Booking in the portal (issue 18): the list of resources, a resource's week
(Oslo time, daylight saving, busy without who), requesting a free slot, my
bookings with cancel, and the host's decisions; the API's rules and messages."""

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.backends.postgresql.psycopg_any import DateTimeTZRange
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pilots.models import Booking, Notification
from tests.api.owner_support import eager_celery, make_member
from tests.booking_support import OSLO, WEEKDAYS_8_TO_16, make_resource, next_monday
from tests.factories import OrganizationFactory, SiteFactory

from .portal_support import page_client, signed_in_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
__all__ = ["eager_celery"]


def confirmed(resource: Any, start: datetime, hours: int = 1, **fields: Any) -> Any:
    return Booking.objects.create(
        resource=resource,
        exclusive=resource.exclusive,
        period=DateTimeTZRange(start, start + timedelta(hours=hours)),
        state="confirmed",
        organization=fields.pop("organization", None) or OrganizationFactory.create(),
        purpose="Secret prototype",
        **fields,
    )


def last_sunday(year: int, month: int) -> date:
    day = date(year, month, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def week_of(resource: Any, monday: date, client: Any = None) -> Any:
    client = client or page_client()
    return client.get(f"/resources/{resource.pk}/week/?week={monday.isoformat()}")


def test_the_public_list_links_each_resource_to_its_week() -> None:
    shown = make_resource(name="Climate chamber")
    hidden = make_resource(
        name="Hidden rig", site=SiteFactory.create(unpublished_at=timezone.now())
    )

    with CaptureQueriesContext(connection) as queries:
        response = page_client().get("/resources/")

    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="/resources/{shown.pk}/week/"' in body
    assert hidden.name not in body
    assert len(queries) == 2  # count and page


def test_the_week_shows_opening_hours_busy_times_and_free_slots_without_who() -> None:
    resource = make_resource(opening_hours=WEEKDAYS_8_TO_16)
    monday = next_monday(hour=10)
    booker = make_member(OrganizationFactory.create(name="Secret AS"))
    confirmed(resource, monday, booker=booker)

    with CaptureQueriesContext(connection) as queries:
        response = week_of(resource, monday.date())

    assert response.status_code == 200
    body = response.content.decode()
    assert "08:00\u201316:00" in body
    assert "Busy 10:00\u201311:00" in body
    for secret in ("Secret prototype", "Secret AS", booker.email):
        assert secret not in body
    assert 'aria-label="Request Monday' in body
    assert "start=" in body
    assert body.count('class="slot"') == 5 * 8 - 1  # the hour taken
    assert len(queries) == 3  # resource, closures, bookings


def test_a_signed_in_week_marks_the_persons_own_bookings() -> None:
    resource = make_resource()
    monday = next_monday(hour=10)
    person = make_member(OrganizationFactory.create())
    confirmed(resource, monday, booker=person)
    client = signed_in_client(person)

    with CaptureQueriesContext(connection) as queries:
        response = week_of(resource, monday.date(), client)

    assert "Yours 10:00\u201311:00: Confirmed" in response.content.decode()
    # session, user, the nav's moderator check, resource, closures, bookings, own
    assert len(queries) == 7


@pytest.mark.parametrize(
    ("month", "slots", "label"),
    [(10, 25, "02:00 CEST\u201302:00 CET"), (3, 23, "01:00 CET\u201303:00 CEST")],
)
def test_the_week_of_a_clock_change_has_its_day_of_25_or_23_hours(
    month: int, slots: int, label: str
) -> None:
    resource = make_resource(lead_minutes=0)
    sunday = last_sunday(timezone.now().year + 1, month)

    body = week_of(resource, sunday).content.decode()

    heading = f">{sunday:%A} {sunday.day} {sunday:%b}</h3>"
    sunday_column = body.split(heading)[1].split("</section>")[0]
    assert sunday_column.count('class="slot"') == slots
    assert label in sunday_column


def test_bad_weeks_and_hidden_resources_are_4xx() -> None:
    resource = make_resource()
    hidden = make_resource(site=SiteFactory.create(unpublished_at=timezone.now()))

    for week in ("x", "9999-12-31", "0001-01-01", "2026-02-30"):
        response = page_client().get(f"/resources/{resource.pk}/week/?week={week}")
        assert response.status_code == 400
        assert "YYYY-MM-DD" in response.content.decode()
    assert page_client().get(f"/resources/{hidden.pk}/week/").status_code == 404
    assert page_client().get("/resources/999999/week/").status_code == 404


def request_slot(client: Any, resource: Any, start: datetime, **fields: Any) -> Any:
    data = {
        "start": start.isoformat(),
        "end": (start + timedelta(hours=1)).isoformat(),
        "organization": "startup-as",
        "purpose": "Battery cold test",
        **fields,
    }
    return client.post(f"/resources/{resource.pk}/book/", data)


@pytest.fixture
def booker() -> Any:
    return make_member(OrganizationFactory.create(slug="startup-as"), role="member")


def test_a_member_requests_a_slot_and_the_host_is_notified(booker: Any) -> None:
    resource = make_resource(approval_required=True)
    host = make_member(resource.site.host, role="admin")
    start = next_monday()
    client = signed_in_client(booker)

    form = client.get(
        f"/resources/{resource.pk}/book/",
        {"start": start.isoformat(), "end": (start + timedelta(hours=1)).isoformat()},
    )
    response = request_slot(client, resource, start)

    assert form.status_code == 200
    assert '<option value="startup-as">' in form.content.decode()
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert response["Location"] == f"/my/bookings/?done={booking.pk}"
    assert booking.state == "requested"
    assert booking.booker == booker
    assert Notification.objects.get().user == host


def test_the_services_refusals_are_shown_with_the_apis_statuses(booker: Any) -> None:
    resource = make_resource(opening_hours=WEEKDAYS_8_TO_16)
    start = next_monday(hour=10)
    confirmed(resource, start)
    client = signed_in_client(booker)

    taken = request_slot(client, resource, start)
    closed = request_slot(client, resource, start.replace(hour=20))
    stranger = request_slot(client, resource, start, organization="not-mine")
    anonymous = request_slot(page_client(), resource, start)

    assert taken.status_code == 409
    assert "The resource is taken from" in taken.content.decode()
    assert closed.status_code == 400
    assert "not open for all of this period" in closed.content.decode()
    assert stranger.status_code == 400
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/sign-in/")
    assert Booking.objects.count() == 1


def test_my_bookings_cancel_and_someone_elses_is_404(booker: Any) -> None:
    resource = make_resource()
    mine = confirmed(resource, next_monday(), booker=booker)
    confirmed(resource, next_monday() + timedelta(days=2), booker=booker)
    others = confirmed(resource, next_monday() + timedelta(days=1))
    client = signed_in_client(booker)

    with CaptureQueriesContext(connection) as queries:
        listed = client.get("/my/bookings/")
    # session, user, the nav's moderator check, my bookings, requests to decide
    assert len(queries) == 5
    cancelled = client.post(f"/my/bookings/{mine.pk}/cancel/")
    refused = client.post(f"/my/bookings/{others.pk}/cancel/")

    assert listed.status_code == 200
    assert "Cancel the booking of" in listed.content.decode()
    assert cancelled.status_code == 302
    assert refused.status_code == 404
    mine.refresh_from_db()
    others.refresh_from_db()
    assert (mine.state, others.state) == ("cancelled", "confirmed")


def test_hosts_decide_requests_and_others_cannot(booker: Any) -> None:
    resource = make_resource(approval_required=True)
    host = make_member(resource.site.host, role="admin")
    client = signed_in_client(booker)
    request_slot(client, resource, next_monday())
    request_slot(client, resource, next_monday() + timedelta(days=1))
    first, second = Booking.objects.order_by("period")
    host_client = signed_in_client(host)

    queue = host_client.get("/my/bookings/").content.decode()
    own_queue = client.get("/my/bookings/").content.decode()
    by_booker = client.post(f"/my/bookings/{first.pk}/decide/", {"action": "confirm"})
    no_reason = host_client.post(
        f"/my/bookings/{second.pk}/decide/", {"action": "decline"}
    )
    confirmed_now = host_client.post(
        f"/my/bookings/{first.pk}/decide/", {"action": "confirm"}
    )
    again = host_client.post(f"/my/bookings/{first.pk}/decide/", {"action": "confirm"})

    assert "Requests to decide" in queue
    assert "Battery cold test" in queue
    assert "Requests to decide" not in own_queue
    assert by_booker.status_code == 403
    assert "Only the admins" in by_booker.content.decode()
    assert no_reason.status_code == 400
    assert "needs a reason" in no_reason.content.decode()
    assert confirmed_now.status_code == 302
    assert again.status_code == 409
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("confirmed", "requested")
    kinds = Notification.objects.filter(user=booker).values_list("kind", flat=True)
    assert list(kinds) == ["booking.confirmed"]


def test_pages_are_in_bokmal(booker: Any) -> None:
    resource = make_resource(opening_hours=WEEKDAYS_8_TO_16)
    monday = next_monday(hour=10).astimezone(OSLO).date()
    client = signed_in_client(booker)

    week = client.get(f"/resources/{resource.pk}/week/?week={monday}&lang=nb")
    mine = client.get("/my/bookings/?lang=nb")

    assert "Neste uke" in week.content.decode()
    assert "mandag" in week.content.decode()
    assert "Mine bookinger" in mine.content.decode()
