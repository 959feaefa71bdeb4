"""W1-W3: what a write costs with the read columns' triggers (pilots migration
0018) and without them: creating a site with 3 partners, updating it (new name,
3 other partners), and renaming an organisation that hosts 1 000 sites.

Run as `python -m bench.writes [ROUNDS]` with DATABASE_URL at the benchmark
database. Prints one JSON object: per write, the median milliseconds with the
triggers on and off. Each round runs in a savepoint that is rolled back, the
whole in a transaction that is rolled back (the triggers are disabled inside it).
"""

import statistics
import time
from collections.abc import Callable
from typing import Any

from .harness import main, rolled_back

HOSTED_SITES = 1_000


def _timed(write: Callable[[int], object], rounds: int) -> float:
    """Median milliseconds of `write(round)`, each round rolled back."""
    from django.db import transaction

    seconds = []
    for number in range(rounds):
        sid = transaction.savepoint()
        started = time.perf_counter()
        write(number)
        seconds.append(time.perf_counter() - started)
        transaction.savepoint_rollback(sid)
    return statistics.median(seconds) * 1000


def _read_column_triggers() -> list[tuple[str, str]]:
    """(table, trigger) of every trigger whose function keeps read columns."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.tgrelid::regclass::text, t.tgname FROM pg_trigger t "
            "JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND p.proname LIKE '%%read_columns'"
        )
        return list(cursor.fetchall())


def _set_triggers(triggers: list[tuple[str, str]], enabled: bool) -> None:
    from django.db import connection

    verb = "ENABLE" if enabled else "DISABLE"
    with connection.cursor() as cursor:
        for table, name in triggers:
            cursor.execute(f'ALTER TABLE {table} {verb} TRIGGER "{name}"')


def _writes(rounds: int) -> dict[str, float]:
    """Median ms of each write, on the database as it is now."""
    from django.contrib.gis.geos import Point

    from pilots.models import Organization, Site
    from pilots.services.sites import site_create, site_update

    organizations = list(Organization.objects.order_by("id")[:7])
    host, partners, others = organizations[0], organizations[1:4], organizations[4:7]

    def create(number: int) -> Site:
        return site_create(
            actor=None,
            partners=partners,
            slug=f"bench-write-{number}",
            kind=Site.Kind.SHARED_LAB,
            name=f"Bench write {number}",
            host=host,
            location=Point(10.40, 63.42, srid=4326),
            sectors=["energy"],
        )

    site = create(rounds)
    hosting = Organization.objects.create(
        slug="bench-hosting", name="Bench hosting", kind=Organization.Kind.COMPANY
    )
    Site.objects.filter(
        pk__in=Site.objects.order_by("id").values("pk")[:HOSTED_SITES]
    ).update(host=hosting)

    def update(number: int) -> object:
        return site_update(
            site=site,
            actor=None,
            name=f"Bench write renamed {number}",
            partners=others if number % 2 == 0 else partners,
        )

    def rename(number: int) -> object:
        return Organization.objects.filter(pk=hosting.pk).update(
            slug=f"bench-renamed-{number}", name=f"Bench renamed {number}"
        )

    return {
        "create_site_3_partners_ms": _timed(create, rounds),
        "update_site_3_partners_ms": _timed(update, rounds),
        "rename_organisation_ms": _timed(rename, rounds),
    }


def measure(rounds: int) -> dict[str, Any]:
    from pilots.models import Site

    with rolled_back():
        triggers = _read_column_triggers()
        hosted = min(HOSTED_SITES, Site.objects.count())
        with_triggers = _writes(rounds)
    with rolled_back():
        _set_triggers(triggers, enabled=False)
        without = _writes(rounds)
    return {
        "rounds": rounds,
        "hosted_sites": hosted,
        "triggers": len(triggers),
        "with_triggers": with_triggers,
        "without_triggers": without,
    }


if __name__ == "__main__":
    main(measure, default_rounds=9)
