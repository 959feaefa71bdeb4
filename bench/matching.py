"""Q6: match one new opportunity against every subscription (one statement).

Run as `python -m bench.matching` with DATABASE_URL at the benchmark database
(Django settings). Prints one JSON object: the plan (EXPLAIN ANALYZE), whether
it uses indexes, the median time of `match_subscriptions` and matches per
second. Everything happens inside a transaction that is rolled back.
"""

import statistics
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from .harness import index_nodes, main, rolled_back


def _opportunity(sectors: list[str]) -> Any:
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from pilots.models import Opportunity, Organization

    box = Polygon.from_bbox((10.385, 63.41, 10.415, 63.425))
    area = MultiPolygon(box, srid=4326)
    return Opportunity.objects.create(
        slug="bench-opportunity",
        title="Hydrogen ferry charging pilot",
        title_no="Pilot for hydrogenferje og lading",
        summary="Testing hydrogen refuelling and battery charging in the harbour.",
        description="A call for companies to pilot zero-emission harbour logistics.",
        publisher=Organization.objects.order_by("id")[:1].get(),
        area=area,
        footprint=area,
        sectors=sectors,
        sdgs=[7, 9, 11],
        trl_min=4,
        trl_max=7,
        call_type=Opportunity.CallType.OPEN_CALL,
        deadline_type=Opportunity.DeadlineType.FIXED,
        deadline=datetime.now(UTC) + timedelta(days=30),
        status=Opportunity.Status.PUBLISHED,
    )


def _explain(sql: str, params: dict[str, Any]) -> str:
    """EXPLAIN ANALYZE runs the INSERT: inside a savepoint that is rolled back."""
    from django.db import connection, transaction

    sid = transaction.savepoint()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    transaction.savepoint_rollback(sid)
    return plan


def measure(rounds: int) -> dict[str, Any]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from pilots.models import Sector, Subscription
    from pilots.notifications.matching import MATCH_SQL, match_subscriptions

    with rolled_back():
        sectors = list(Sector.objects.order_by("slug").values_list("slug", flat=True))
        opportunity = _opportunity(sectors[:2])
        params = {"opportunity_id": opportunity.pk}
        plan = _explain(MATCH_SQL, params)
        seconds: list[float] = []
        matches = statements = 0
        for _ in range(rounds):
            sid = transaction.savepoint()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                matches = match_subscriptions(opportunity_id=opportunity.pk)
                seconds.append(time.perf_counter() - started)
            statements = len(queries.captured_queries)
            transaction.savepoint_rollback(sid)
        subscriptions = Subscription.objects.count()
    median = statistics.median(seconds)
    return {
        "subscriptions": subscriptions,
        "matches": matches,
        "median_ms": median * 1000,
        "matches_per_s": matches / median if median else None,
        "statements": statements,
        "plan": plan,
        "index_nodes": index_nodes(plan),
    }


if __name__ == "__main__":
    main(measure, default_rounds=5)
