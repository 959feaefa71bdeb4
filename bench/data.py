"""The benchmark's own database and its synthetic rows (deterministic seed).

The schema comes from the project's migrations and the district's zones,
vocabularies and organisations from `load_district`; sites, users and
subscriptions are generated in Python from one seeded `random.Random` and
bulk-loaded with COPY, then zones are joined in one UPDATE.
"""

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://ttp:ttp@127.0.0.1:5432/ttp"
# The area sites are scattered over (lon/lat degrees).
AREA = (10.30, 63.38, 10.50, 63.45)
SEED = 20260701
BENCH_ORGANIZATIONS = 200
BENCH_USERS = 2_000

_WORDS = (
    *("Harbour", "Energy", "Mobility", "Ocean", "Battery", "Hydrogen", "Robotics"),
    *("Sensor", "Data", "Water", "Climate", "Health", "Materials", "Drone"),
    *("Autonomy", "Grid", "Building", "Timber", "Circular", "Food", "Acoustics"),
    *("Cyber", "Quantum", "Nano", "Traffic", "Port", "Rail", "Bridge", "Wind"),
)
_SUFFIXES = ("Lab", "Test Arena", "Testbed", "Hub", "Workshop", "Field Site")
_NO_SUFFIXES = ("lab", "testarena", "testsenter", "knutepunkt", "verksted", "felt")
_FACILITIES = (
    "Climate chamber, 3D printers, fast chargers",
    "Open test track with RTK-GNSS coverage and 5G",
    "Wet lab, fume hoods, spectrometers",
    "Harbour basin with sensor buoys and a small vessel",
    "Workshop with CNC milling and electronics benches",
)


def database_url(name: str) -> str:
    """DATABASE_URL (or the local default) with another database name."""
    base = urlsplit(os.environ.get("DATABASE_URL", DEFAULT_URL))
    return urlunsplit(base._replace(path="/" + name))


def default_name(suffix: str) -> str:
    """`<current database>_<suffix>`: never the demo or the test database."""
    current = urlsplit(os.environ.get("DATABASE_URL", DEFAULT_URL)).path.lstrip("/")
    return f"{current or 'ttp'}_{suffix}"


def django_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
    }


def _run_django(url: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=django_env(url),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_schema(url: str) -> None:
    """Create the database if missing, migrate it, load the district data once."""
    _run_django(url, "scripts/ensure_services.py")
    _run_django(url, "manage.py", "migrate", "--noinput", "-v", "0")
    with connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM geo_zone").fetchone()
    if not row or not row[0]:
        _run_django(url, "manage.py", "load_district")


GENERATOR_VERSION = 1


def prepare_dataset(url: str, *, sites: int, subscriptions: int) -> bool:
    """The database at `url` with exactly this synthetic data; True if (re)loaded.

    A marker table remembers what was loaded, so a second run skips the load.
    """
    prepare_schema(url)
    wanted = (GENERATOR_VERSION, SEED, sites, subscriptions)
    with connect(url) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS bench_dataset (version int, seed int, "
            "sites int, subscriptions int)"
        )
        row = conn.execute(
            "SELECT version, seed, sites, subscriptions FROM bench_dataset"
        ).fetchone()
        actual = conn.execute("SELECT count(*) FROM pilots_site").fetchone()
    if row == wanted and actual and actual[0] == sites:
        analyze(url)
        return False
    load_sites(url, count=sites)
    if has_table(url, "pilots_subscription"):
        load_subscriptions(url, count=subscriptions)
    with connect(url) as conn:
        conn.execute("DELETE FROM bench_dataset")
        conn.execute("INSERT INTO bench_dataset VALUES (%s, %s, %s, %s)", wanted)
    analyze(url)
    return True


def analyze(url: str) -> None:
    """Fresh planner statistics for every table (organisations and users too:
    stale counts there made PostgreSQL pick nested loops over the sites)."""
    with connect(url) as conn:
        conn.execute("ANALYZE")


def vacuum(url: str, *tables: str) -> None:
    """Dead rows out of the way (a rolled-back bench write leaves thousands)."""
    with connect(url) as conn:
        for table in tables:
            conn.execute(f"VACUUM ANALYZE {table}")


def connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def _slug_rows(conn: psycopg.Connection, table: str) -> list[str]:
    sql = f"SELECT slug FROM {table} ORDER BY slug"  # noqa: S608 (our table names)
    return [row[0] for row in conn.execute(sql)]


def _site_rows(
    count: int, rng: random.Random, sectors: list[str], host_ids: list[int]
) -> Iterator[tuple[object, ...]]:
    now = datetime(2026, 6, 1, tzinfo=UTC)
    min_lon, min_lat, max_lon, max_lat = AREA
    for number in range(1, count + 1):
        word, other = rng.choice(_WORDS), rng.choice(_WORDS)
        suffix = rng.randrange(len(_SUFFIXES))
        name = f"{word} {other} {_SUFFIXES[suffix]} {number}"
        trl_min = rng.randint(1, 7)
        lon = rng.uniform(min_lon, max_lon)
        lat = rng.uniform(min_lat, max_lat)
        yield (
            f"bench-site-{number}",
            "shared_lab" if suffix in (0, 4) else "test_arena",
            name,
            f"{word} {other}{_NO_SUFFIXES[suffix]} {number}",
            f"{name}: testing of {word.lower()} and {other.lower()} solutions "
            "for companies, researchers and the municipality.",
            f"{name}: testing av {word.lower()}- og {other.lower()}løsninger.",
            rng.choice(host_ids),
            sorted(rng.sample(sectors, rng.randint(1, min(3, len(sectors))))),
            sorted(rng.sample(range(1, 18), rng.randint(0, 3))),
            trl_min,
            rng.randint(trl_min, 9),
            rng.choices(
                ("operational", "planned", "under_construction", "retired"),
                weights=(70, 15, 10, 5),
            )[0],
            rng.choice(("open", "on_application", "members_only")),
            rng.choice(_FACILITIES),
            "",
            f"lab{number}@example.org",
            f"https://example.org/sites/{number}",
            f"SRID=4326;POINT({lon:.7f} {lat:.7f})",
            rng.random() < 0.1,
            "[]",
            now - timedelta(minutes=number),
            now - timedelta(minutes=number % 5000),
            "",  # unpublished_reason (NOT NULL, no database default)
        )


SITE_COLUMNS = (
    "slug, kind, name, name_no, description, description_no, host_id, sectors, "
    "sdgs, trl_min, trl_max, status, access, facilities, pricing_note, "
    "contact_email, website, location, coordinates_approximate, source_urls, "
    "created_at, updated_at, unpublished_reason"
)


def _organizations(conn: psycopg.Connection) -> list[int]:
    conn.execute(
        "INSERT INTO pilots_organization (slug, name, kind, org_number, description, "
        "website, unpublished_reason, created_at, updated_at) "
        "SELECT 'bench-org-' || n, 'Bench Organisation ' || n, "
        "(ARRAY['company', 'research_institute', 'public_body', 'university'])"
        "[1 + n %% 4], '', '', '', '', "
        "now(), now() FROM generate_series(1, %s) n ON CONFLICT (slug) DO NOTHING",
        (BENCH_ORGANIZATIONS,),
    )
    return [row[0] for row in conn.execute("SELECT id FROM pilots_organization")]


def _secondary_indexes(conn: psycopg.Connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the indexes no constraint owns."""
    rows = conn.execute(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        (table,),
    )
    return [(name, definition) for name, definition in rows]


@contextmanager
def indexes_rebuilt_after(conn: psycopg.Connection, table: str) -> Iterator[None]:
    """Bulk load without index upkeep: drop secondary indexes, then rebuild them."""
    indexes = _secondary_indexes(conn, table)
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _, definition in indexes:
            conn.execute(definition)


def load_sites(url: str, *, count: int, seed: int = SEED) -> None:
    """Replace every site with `count` synthetic ones (same seed, same rows)."""
    rng = random.Random(seed)
    with connect(url) as conn, indexes_rebuilt_after(conn, "pilots_site"):
        org_ids = sorted(_organizations(conn))
        sectors = _slug_rows(conn, "pilots_sector") or ["energy", "mobility"]
        conn.execute("TRUNCATE pilots_site RESTART IDENTITY CASCADE")
        with (
            conn.cursor() as cursor,
            cursor.copy(f"COPY pilots_site ({SITE_COLUMNS}) FROM STDIN") as copy,
        ):
            for row in _site_rows(count, rng, sectors, org_ids):
                copy.write_row(row)
        conn.execute(
            "UPDATE pilots_site s SET zone_id = z.id FROM geo_zone z "
            "WHERE ST_Intersects(z.area, s.location)"
        )
        partner_rows = [
            (site_id, org_id)
            for site_id in range(1, count + 1)
            if rng.random() < 0.3
            for org_id in rng.sample(org_ids, 2)
        ]
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY pilots_site_partners (site_id, organization_id) FROM STDIN"
            ) as copy,
        ):
            for site_id, org_id in partner_rows:
                copy.write_row((site_id, org_id))
    with connect(url) as conn:
        conn.execute("VACUUM ANALYZE pilots_site")
        conn.execute("VACUUM ANALYZE pilots_site_partners")


def _users(conn: psycopg.Connection, count: int) -> list[int]:
    conn.execute(
        "INSERT INTO auth_user (username, password, is_superuser, first_name, "
        "last_name, email, is_staff, is_active, date_joined) "
        "SELECT 'bench-user-' || n, '!', false, '', '', "
        "'bench-user-' || n || '@example.org', false, true, now() "
        "FROM generate_series(1, %s) n ON CONFLICT (username) DO NOTHING",
        (count,),
    )
    return [
        row[0]
        for row in conn.execute(
            "SELECT id FROM auth_user WHERE username LIKE 'bench-user-%%' ORDER BY id"
        )
    ]


def _box(rng: random.Random, half_m: float) -> str:
    min_lon, min_lat, max_lon, max_lat = AREA
    lon, lat = rng.uniform(min_lon, max_lon), rng.uniform(min_lat, max_lat)
    dlat, dlon = half_m / 111_320, half_m / (111_320 * 0.45)  # cos(63.4°) ≈ 0.45
    ring = (
        f"{lon - dlon:.6f} {lat - dlat:.6f},{lon + dlon:.6f} {lat - dlat:.6f},"
        f"{lon + dlon:.6f} {lat + dlat:.6f},{lon - dlon:.6f} {lat + dlat:.6f},"
        f"{lon - dlon:.6f} {lat - dlat:.6f}"
    )
    return f"SRID=4326;MULTIPOLYGON((({ring})))"


def _subscription_rows(
    count: int,
    rng: random.Random,
    *,
    user_ids: list[int],
    sectors: list[str],
    zone_ids: list[int],
    org_ids: list[int],
) -> Iterator[tuple[object, ...]]:
    now = datetime(2026, 6, 1, tzinfo=UTC)
    min_lon, min_lat, max_lon, max_lat = AREA
    for number in range(1, count + 1):
        kind = rng.random()
        area = point = radius = None
        chosen_zones: list[int] = []
        if kind < 0.25:
            area = _box(rng, rng.uniform(200, 2_000))
        elif kind < 0.55:
            lon, lat = rng.uniform(min_lon, max_lon), rng.uniform(min_lat, max_lat)
            point = f"SRID=4326;POINT({lon:.6f} {lat:.6f})"
            radius = rng.choice((250, 500, 1_000, 2_000, 5_000))
        elif kind < 0.7 and zone_ids:
            chosen_zones = rng.sample(zone_ids, rng.randint(1, min(2, len(zone_ids))))
        trl_min = rng.randint(1, 6) if rng.random() < 0.3 else None
        yield (
            rng.choice(user_ids),
            f"Bench subscription {number}",
            sorted(rng.sample(sectors, rng.randint(0, min(2, len(sectors))))),
            sorted(rng.sample(range(1, 18), rng.randint(0, 2))),
            chosen_zones,
            rng.sample(org_ids, 1) if rng.random() < 0.05 else [],
            area,
            point,
            radius,
            trl_min,
            None if trl_min is None else rng.randint(trl_min, 9),
            rng.choice(("hydrogen", "battery", "drone")) if rng.random() < 0.05 else "",
            "in_app",
            "",
            "",
            rng.choice(("instant", "daily", "weekly")),
            rng.random() < 0.95,
            now,
            now,
        )


SUBSCRIPTION_COLUMNS = (
    "user_id, name, sectors, sdgs, zone_ids, organization_ids, area, point, "
    "radius_m, trl_min, trl_max, keywords, channel, webhook_url, webhook_secret, "
    "frequency, is_active, created_at, updated_at"
)


def load_subscriptions(url: str, *, count: int, seed: int = SEED) -> None:
    """Replace every subscription with `count` synthetic ones."""
    rng = random.Random(seed + 1)
    with connect(url) as conn, indexes_rebuilt_after(conn, "pilots_subscription"):
        user_ids = _users(conn, min(BENCH_USERS, max(count // 10, 10)))
        sectors = _slug_rows(conn, "pilots_sector") or ["energy", "mobility"]
        zone_ids = [row[0] for row in conn.execute("SELECT id FROM geo_zone")]
        org_ids = [row[0] for row in conn.execute("SELECT id FROM pilots_organization")]
        conn.execute("TRUNCATE pilots_subscription RESTART IDENTITY CASCADE")
        with (
            conn.cursor() as cursor,
            cursor.copy(
                f"COPY pilots_subscription ({SUBSCRIPTION_COLUMNS}) FROM STDIN"
            ) as copy,
        ):
            for row in _subscription_rows(
                count,
                rng,
                user_ids=user_ids,
                sectors=sectors,
                zone_ids=zone_ids,
                org_ids=org_ids,
            ):
                copy.write_row(row)
    with connect(url) as conn:
        conn.execute("VACUUM ANALYZE pilots_subscription")


def has_table(url: str, table: str) -> bool:
    with connect(url) as conn:
        row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (table,)).fetchone()
        return bool(row and row[0])
