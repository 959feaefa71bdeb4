"""Q7: a month of availability of one resource with 10 000 bookings in the
table (one statement reads the bookings).

Run as `python -m bench.availability [ROUNDS]` with DATABASE_URL at a migrated
database with at least one site. Prints one JSON object: the booking
statement's plan (EXPLAIN ANALYZE), its index nodes, how many statements read
bookings, and the median time of `availability`. Everything happens inside a
transaction that is rolled back.
"""

import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from .harness import index_nodes, main, rolled_back

BOOKINGS = 10_000


def _fill(start: datetime) -> Any:
    """A shared resource (capacity 3) and 10 000 confirmed one-hour bookings,
    three at a time, over about 5 months, plus 2 000 on a second resource."""
    from django.db.backends.postgresql.psycopg_any import DateTimeTZRange

    from pilots.models import BookableResource, Booking, Organization, Site

    site = Site.objects.order_by("id")[:1].get()
    organization = Organization.objects.order_by("id")[:1].get()
    resources = [
        BookableResource.objects.create(
            site=site, name=f"bench resource {n}", capacity=3, opening_hours=[]
        )
        for n in range(2)
    ]
    rows = [
        Booking(
            resource=resources[0] if n < BOOKINGS else resources[1],
            exclusive=False,
            period=DateTimeTZRange(
                start + timedelta(hours=(n % BOOKINGS) // 3),
                start + timedelta(hours=(n % BOOKINGS) // 3 + 1),
            ),
            state=Booking.State.CONFIRMED,
            organization=organization,
            purpose="bench",
        )
        for n in range(BOOKINGS + 2_000)
    ]
    Booking.objects.bulk_create(rows, batch_size=2_000)
    return resources[0]


def measure(rounds: int) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pilots.selectors.bookings import availability

    start = datetime(2030, 1, 7, tzinfo=UTC)
    month = (start + timedelta(days=30), start + timedelta(days=61))
    with rolled_back():
        resource = _fill(start)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE pilots_booking")
        seconds: list[float] = []
        segments = 0
        for _ in range(rounds):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                found = availability(resource, *month)
                seconds.append(time.perf_counter() - started)
            segments = len(found["free"]) + len(found["busy"])
        reads = [
            q["sql"] for q in queries.captured_queries if "pilots_booking" in q["sql"]
        ]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + reads[0])
            plan = "\n".join(row[0] for row in cursor.fetchall())
    return {
        "bookings": BOOKINGS,
        "booking_statements": len(reads),
        "segments": segments,
        "median_ms": statistics.median(seconds) * 1000,
        "plan": plan,
        "index_nodes": index_nodes(plan),
    }


if __name__ == "__main__":
    main(measure, default_rounds=5)
