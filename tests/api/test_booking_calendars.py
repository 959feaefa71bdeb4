"""Availability in one indexed query; iCalendar feeds behind rotatable secret
URLs; emails with district times; the day-before reminder."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.db.backends.postgresql.psycopg_any import DateTimeTZRange
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from pilots.booking_tasks import booking_reminders_task
from pilots.models import Booking
from pilots.timestamps import format_timestamp
from tests.booking_support import OSLO, make_resource, next_monday
from tests.factories import OrganizationFactory

from .owner_support import client_for, eager_celery, make_member

pytestmark = pytest.mark.django_db
__all__ = ["eager_celery"]


def confirmed(resource, start, hours=1, **fields):
    return Booking.objects.create(
        resource=resource,
        exclusive=resource.exclusive,
        period=DateTimeTZRange(start, start + timedelta(hours=hours)),
        state="confirmed",
        organization=fields.pop("organization", None) or OrganizationFactory.create(),
        purpose="Secret prototype",
        **fields,
    )


def test_a_week_of_availability_reads_the_bookings_in_one_query(api_client):
    resource = make_resource(
        opening_hours=[
            {"weekday": d, "opens": "08:00", "closes": "16:00"} for d in range(5)
        ]
    )
    monday = next_monday(hour=0)
    for day in range(5):
        confirmed(resource, monday + timedelta(days=day, hours=9))

    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(
            f"/api/v1/resources/{resource.pk}/availability/",
            {
                "from": monday.isoformat(),
                "to": (monday + timedelta(days=7)).isoformat(),
            },
        )

    body = response.json()
    assert response.status_code == 200
    booking_reads = [q for q in queries if "pilots_booking" in q["sql"]]
    assert len(booking_reads) == 1
    assert len(body["busy"]) == 5
    assert body["busy"][0] == {
        "start": format_timestamp(monday + timedelta(hours=9)),
        "end": format_timestamp(monday + timedelta(hours=10)),
        "booked": 1,
    }
    # Each weekday is open 8-16 less the busy hour: two free stretches a day.
    assert len(body["free"]) == 10
    with connection.cursor() as cursor:  # the index can answer that read
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + booking_reads[0]["sql"])
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "booking_resource_period" in plan


def test_availability_windows_are_bounded(api_client):
    resource = make_resource()
    start = next_monday()

    response = api_client.get(
        f"/api/v1/resources/{resource.pk}/availability/",
        {"from": start.isoformat(), "to": (start + timedelta(days=90)).isoformat()},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "to"


def test_a_person_feed_is_valid_icalendar_with_the_district_timezone():
    organization = OrganizationFactory.create()
    person = make_member(organization)
    resource = make_resource()
    confirmed(resource, next_monday(), organization=organization, booker=person)
    client = client_for(person)

    url = client.post("/api/v1/auth/me/calendar-feed/").json()["url"]
    path = url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1" in url else url
    feed = client.get(path)

    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.content)
    zones = [c for c in calendar.walk("VTIMEZONE")]
    events = calendar.walk("VEVENT")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Oslo"]
    assert len(events) == 1
    assert events[0].decoded("DTSTART") == next_monday()
    assert "Secret prototype" not in feed.content.decode()  # a person's feed: places

    rotated = client.post("/api/v1/auth/me/calendar-feed/").json()["url"]
    assert rotated != url
    assert client.get(path).status_code == 404


def test_only_the_hosts_get_a_resource_feed():
    resource = make_resource()
    host = make_member(resource.site.host, role="admin")
    outsider = make_member(OrganizationFactory.create(), role="admin")

    refused = client_for(outsider).post(
        f"/api/v1/resources/{resource.pk}/calendar-feed/"
    )
    granted = client_for(host).post(f"/api/v1/resources/{resource.pk}/calendar-feed/")

    assert refused.status_code == 403
    assert granted.status_code == 200
    assert granted.json()["url"].endswith(".ics")


def test_emails_give_district_times_and_the_reminder_goes_once(eager_celery):
    organization = OrganizationFactory.create()
    person = make_member(organization)
    resource = make_resource()
    tomorrow = timezone.now().astimezone(OSLO).date() + timedelta(days=1)
    start = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 12, tzinfo=OSLO)
    confirmed(resource, start, organization=organization, booker=person)

    assert booking_reminders_task() == 1
    assert booking_reminders_task() == 0
    (message,) = mail.outbox
    assert message.to == [person.email]
    offset = start.strftime("%Z")  # CET or CEST
    assert f"{start:%Y-%m-%d} 12:00 {offset}" in message.body
