"""Make sure a PostGIS database and a Redis answer; start local ones if needed.

Uses DATABASE_URL / REDIS_URL when set. Otherwise it uses the local defaults,
starting the local PostgreSQL cluster or a Redis server when they are down, and
creating the role, the database and the PostGIS extension when missing.
"""

import os
import shutil
import subprocess
import time
from urllib.parse import urlsplit

import psycopg
import redis

DEFAULT_DATABASE_URL = "postgres://ttp:ttp@127.0.0.1:5432/ttp"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}
REDIS_MAXMEMORY = os.environ.get("REDIS_MAXMEMORY", "256mb")


def say(message: str) -> None:
    print(f"setup: {message}", flush=True)


def run_as_postgres(sql: str) -> None:
    """Run SQL as the cluster's superuser: trust over TCP, else peer on the socket."""
    tcp = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres"]
    attempts = [tcp, ["runuser", "-u", "postgres", "--", "psql", "-d", "postgres"]]
    if shutil.which("sudo") and os.geteuid() != 0:
        attempts.append(["sudo", "-u", "postgres", "psql", "-d", "postgres"])
    for command in attempts:
        done = subprocess.run(
            [*command, "-v", "ON_ERROR_STOP=1", "-qc", sql],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            return
    raise SystemExit(f"setup: could not run as postgres: {done.stderr.strip()}")


def start_local_postgres() -> None:
    clusters = subprocess.run(
        ["pg_lsclusters", "-h"], capture_output=True, text=True, check=False
    ).stdout.split("\n")
    for line in filter(None, clusters):
        version, name, *_ = line.split()
        say(f"starting PostgreSQL cluster {version}/{name}")
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start"],
            check=False,
        )


def connect(url: str, dbname: str | None = None) -> psycopg.Connection:
    if dbname:
        return psycopg.connect(url, connect_timeout=3, autocommit=True, dbname=dbname)
    return psycopg.connect(url, connect_timeout=3, autocommit=True)


def ensure_database(url: str, is_default: bool) -> None:
    parts = urlsplit(url)
    dbname = parts.path.lstrip("/")
    local = (parts.hostname or "") in LOCAL_HOSTS
    for attempt in range(20):
        try:
            connect(url, "postgres").close()
            break
        except psycopg.OperationalError as error:
            text = str(error)
            if "authentication failed" in text or "does not exist" in text:
                if is_default and local:
                    user, password = parts.username, parts.password
                    say(f"creating role {user}")
                    run_as_postgres(
                        f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE "
                        f"rolname = '{user}') THEN CREATE ROLE {user} LOGIN SUPERUSER "
                        f"PASSWORD '{password}'; END IF; END$$;"
                    )
                    continue
                raise SystemExit(
                    f"setup: cannot log in to the database: {text}"
                ) from None
            if attempt == 0 and local:
                start_local_postgres()
            time.sleep(0.5)
    else:
        raise SystemExit(f"setup: PostgreSQL at {parts.hostname} does not answer")
    with connect(url, "postgres") as admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [dbname]
        ).fetchone()
        if not exists:
            say(f"creating database {dbname}")
            admin.execute(f'CREATE DATABASE "{dbname}"')
    with connect(url) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        version = conn.execute("SELECT postgis_lib_version()").fetchone()
    say(f"PostGIS {version[0] if version else '?'} ready in database {dbname}")


def ensure_redis(url: str, is_default: bool) -> None:
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    for attempt in range(20):
        try:
            client.ping()
            say("Redis ready")
            return
        except redis.ConnectionError:
            if attempt == 0 and is_default and shutil.which("redis-server"):
                say("starting a local Redis on 127.0.0.1:6379")
                subprocess.run(
                    [
                        "redis-server",
                        "--daemonize",
                        "yes",
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        "6379",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        # Capped: the least recently used key with a TTL goes
                        # first (tiles, versions, throttle counts), never the
                        # Celery queues, which have none (README: tile cache).
                        "--maxmemory",
                        REDIS_MAXMEMORY,
                        "--maxmemory-policy",
                        "volatile-lru",
                    ],
                    check=False,
                )
            time.sleep(0.5)
    raise SystemExit(f"setup: Redis at {url} does not answer")


def main() -> None:
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    ensure_database(
        database_url.replace("postgis://", "postgres://", 1),
        is_default="DATABASE_URL" not in os.environ,
    )
    ensure_redis(redis_url, is_default="REDIS_URL" not in os.environ)


if __name__ == "__main__":
    main()
