"""`make load`: locust against gunicorn on loopback, with pass/fail criteria.

Builds its own database (<DATABASE_URL name>_load: migrated, seeded by
loadtest/seed.py), starts gunicorn on a free port with throttles lifted (the load
comes from one address), runs locust headless for a fixed time and reports
requests/s, p50/p95/p99 and errors. Fails on any 5xx or an error rate over 0.1 %.

Environment: LOAD_USERS (16), LOAD_DURATION (30s), LOAD_GUNICORN_WORKERS (2).
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.servers import gunicorn, manage  # noqa: E402

MAX_ERROR_RATE = 0.001


def load_database_url(base: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_load"))


def recreate(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("CREATE EXTENSION IF NOT EXISTS postgis")


def drop(url: str) -> None:
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}"')


def aggregated(stats_csv: Path) -> dict[str, str]:
    with stats_csv.open() as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    print("\nper request type:")
    for name, row in rows.items():
        if name != "Aggregated":
            print(
                f"  {name:<22} n={row['Request Count']:>6} "
                f"fail={row['Failure Count']:>3}"
                f" p50={row['50%']:>4} p95={row['95%']:>4} p99={row['99%']:>5} ms"
            )
    return rows["Aggregated"]


def main() -> int:
    base = os.environ.get("DATABASE_URL", "postgres://ttp:ttp@127.0.0.1:5432/ttp")
    users = os.environ.get("LOAD_USERS", "16")
    duration = os.environ.get("LOAD_DURATION", "30s")
    workers = int(os.environ.get("LOAD_GUNICORN_WORKERS", "2"))
    url = load_database_url(base)
    env = dict(
        os.environ,
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="config.settings",
        THROTTLE_ANON_RATE="100000000/minute",
        THROTTLE_USER_RATE="100000000/minute",
        LOG_LEVEL="WARNING",
    )
    print(f"load: preparing {urlsplit(url).path.lstrip('/')}")
    recreate(url)
    try:
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_district")
        seeded = subprocess.run(
            [sys.executable, "loadtest/seed.py"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        credentials = seeded.stdout.strip().splitlines()[-1]
        with tempfile.TemporaryDirectory() as tmp, gunicorn(env, workers) as server:
            errors_file = Path(tmp) / "server-errors.json"
            print(f"load: {users} users for {duration} against {server.base_url}")
            subprocess.run(
                [
                    sys.executable, "-m", "locust", "-f", "loadtest/locustfile.py",
                    "--headless", "--users", users, "--spawn-rate", users,
                    "--run-time", duration, "--host", server.base_url,
                    "--csv", f"{tmp}/load", "--only-summary", "--loglevel", "WARNING",
                    "--exit-code-on-error", "0",
                ],
                cwd=ROOT,
                env=dict(
                    env,
                    LOAD_CREDENTIALS=credentials,
                    LOAD_SERVER_ERRORS_FILE=str(errors_file),
                ),
                check=True,
            )  # fmt: skip
            total = aggregated(Path(f"{tmp}/load_stats.csv"))
            server_errors = json.loads(errors_file.read_text())["count"]
    finally:
        if not os.environ.get("LOAD_KEEP_DB"):
            drop(url)

    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    rate = failures / requests if requests else 1.0
    print(
        f"\nload: {requests} requests, {float(total['Requests/s']):.0f} requests/s, "
        f"p50 {total['50%']} ms, p95 {total['95%']} ms, p99 {total['99%']} ms, "
        f"errors {failures} ({rate:.3%}), 5xx {server_errors}"
    )
    if server_errors or rate > MAX_ERROR_RATE or requests == 0:
        print("load: FAILED (5xx seen or error rate over 0.1 %)")
        return 1
    print("load: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
