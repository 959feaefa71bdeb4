"""Throwaway PostgreSQL, Redis and gunicorn processes for the fault tests.

They listen on their own ports and directories; the shared PostgreSQL (5432) and
Redis (6379) are never touched.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(os.path.abspath(__file__)).parents[2]  # not resolved: may be a link
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_bin() -> Path:
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidate = Path(done.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise RuntimeError("no PostgreSQL server binaries (initdb) found")
    return versions[-1].parent


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class Postgres:
    directory: Path
    port: int
    bindir: Path

    @property
    def url(self) -> str:
        return f"postgres://ttp:ttp@127.0.0.1:{self.port}/ttp"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bindir / "pg_ctl"), "-D", str(self.directory / "data"), *args]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self._ctl(
            "-w",
            "-l",
            str(self.directory / "log"),
            "-o",
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off",
            "start",
        )

    def stop(self) -> None:
        self._ctl("-w", "-m", "fast", "stop")


@contextmanager
def throwaway_postgres() -> Iterator[Postgres]:
    """A fresh cluster with role ttp, database ttp and PostGIS, on a free port."""
    directory = Path(tempfile.mkdtemp(prefix="ttp-faults-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    server = Postgres(directory, free_port(), _postgres_bin())
    subprocess.run(
        _as_postgres(
            [
                str(server.bindir / "initdb"),
                "-D",
                str(directory / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    server.start()
    try:
        with psycopg.connect(
            host="127.0.0.1",
            port=server.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute("CREATE ROLE ttp LOGIN SUPERUSER PASSWORD 'ttp'")
            connection.execute("CREATE DATABASE ttp OWNER ttp")
        with psycopg.connect(server.url, autocommit=True) as connection:
            connection.execute("CREATE EXTENSION postgis")
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(directory, ignore_errors=True)


@dataclass
class Redis:
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@contextmanager
def throwaway_redis() -> Iterator[Redis]:
    server = Redis(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wait_for_port(port: int, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def app_environment(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        **extra,
    )
    return environment


def manage(environment: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)}: {done.stderr[-2000:]}")
    return done.stdout


def prepare_database(environment: dict[str, str]) -> None:
    manage(environment, "migrate", "--noinput", "-v", "0")


CREDENTIALS_SCRIPT = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from tests.reliability.identities import credentials_for
user, _ = get_user_model().objects.get_or_create(
    username={username!r}, defaults={{"is_staff": True, "is_superuser": True}})
from pilots.models import Organization
organization, _ = Organization.objects.get_or_create(
    slug="faults-org", defaults={{"name": "Faults organisation", "kind": "company"}})
c = credentials_for(user)
print(json.dumps({{"headers": c.headers, "cookies": c.cookies,
                  "organization": organization.slug}}))
"""


def live_credentials(environment: dict[str, str], username: str) -> dict:
    """Headers, cookies and an organisation of a superuser in the throwaway database."""
    done = subprocess.run(
        [PYTHON, "-c", CREDENTIALS_SCRIPT.format(username=username)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@dataclass
class Gunicorn:
    port: int
    process: subprocess.Popen

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def gunicorn(environment: dict[str, str], workers: int = 2) -> Iterator[Gunicorn]:
    port = free_port()
    env = dict(
        environment, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS=str(workers)
    )
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "-c",
            "config/gunicorn.py",
            "--access-logfile",
            "/dev/null",
            "--no-control-socket",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    server = Gunicorn(port, process)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{server.base_url}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(log.read().decode()[-3000:]) from None
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@dataclass
class Proxy:
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def nginx_proxy(upstream_port: int) -> Iterator[Proxy]:
    """Debian's nginx in front of a server, as the Procfile's `proxy` runs it."""
    port = free_port()
    runtime = Path(tempfile.mkdtemp(prefix="ttp-nginx-"))
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    process = subprocess.Popen(
        [PYTHON, "scripts/run_nginx.py"],
        cwd=ROOT,
        env=dict(
            os.environ,
            PROXY_BIND=f"127.0.0.1:{port}",
            PROXY_UPSTREAM=f"127.0.0.1:{upstream_port}",
            PROXY_RUNTIME_DIR=str(runtime),
        ),
        stdout=log,
        stderr=log,
    )
    try:
        try:
            wait_for_port(port)
        except RuntimeError:
            log.seek(0)
            raise RuntimeError(log.read().decode()[-3000:]) from None
        yield Proxy(port)
    finally:
        process.terminate()  # nginx's fast shutdown
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        shutil.rmtree(runtime, ignore_errors=True)


@contextmanager
def served_like_make_run(environment: dict[str, str]) -> Iterator[Proxy]:
    """gunicorn (sync workers) behind nginx, trusting one proxy, as `make run`."""
    with (
        gunicorn(dict(environment, NUM_PROXIES="1")) as server,
        nginx_proxy(server.port) as proxy,
    ):
        yield proxy
