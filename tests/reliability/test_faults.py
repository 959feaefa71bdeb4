"""Faults against a real gunicorn on a throwaway PostgreSQL and Redis.

PostgreSQL is restarted while requests flow: requests in the outage get 503
problem details quickly, none hangs, and the service recovers by itself. Redis is
stopped: /readyz says so, writes still succeed, and an opportunity published
meanwhile notifies its subscriber once Redis is back (the outbox row keeps the
work; a real Celery worker with the beat sweeper does it). gunicorn's
request-line and header limits hold. The shared PostgreSQL and Redis are never touched.
"""

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests

from tests.support.celery_worker import worker_command

from .conftest import FIGURES
from .servers import (
    ROOT,
    Gunicorn,
    Postgres,
    Redis,
    app_environment,
    gunicorn,
    live_credentials,
    prepare_database,
    throwaway_postgres,
    throwaway_redis,
)

PROBLEM = "application/problem+json"
# connect_timeout is 3 s in the settings; nothing may wait much longer than that.
SLOWEST_ALLOWED_S = 5.0
READ_PATHS = ("/api/v1/zones/", "/api/v1/sites/?bbox=10.3,63.3,10.5,63.5")


@dataclass
class Stack:
    postgres: Postgres
    redis: Redis
    server: Gunicorn
    environment: dict[str, str]
    credentials: dict[str, Any]


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    with throwaway_postgres() as postgres, throwaway_redis() as redis:
        environment = app_environment(postgres.url, redis.url)
        prepare_database(environment)
        credentials = live_credentials(environment, "faults-admin")
        with gunicorn(environment, workers=2) as server:
            yield Stack(postgres, redis, server, environment, credentials)


@dataclass
class Traffic:
    """Reads in a loop from a few threads; records every answer."""

    base_url: str
    answers: list[tuple[float, int, str, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def _run(self, path: str) -> None:
        session = requests.Session()
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                response = session.get(self.base_url + path, timeout=(3, 15))
            except requests.RequestException as error:
                self.failures.append(f"{path}: {type(error).__name__}")
                time.sleep(0.05)
                continue
            elapsed = time.monotonic() - started
            self.answers.append(
                (
                    started,
                    response.status_code,
                    response.headers.get("Content-Type", ""),
                    elapsed,
                )
            )
            if response.status_code == 503:
                assert "Traceback" not in response.text

    def __enter__(self) -> "Traffic":
        self.threads = [
            threading.Thread(target=self._run, args=(path,), daemon=True)
            for path in READ_PATHS * 2
        ]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)


def _first_ok_after(answers: list, moment: float) -> float | None:
    times = [
        started
        for started, status, _, _ in answers
        if started > moment and status == 200
    ]
    return min(times) if times else None


def test_postgres_restart_under_traffic(stack: Stack) -> None:
    with Traffic(stack.server.base_url) as traffic:
        time.sleep(1.5)
        stopped_at = time.monotonic()
        stack.postgres.stop()
        time.sleep(3)
        stack.postgres.start()
        restarted_at = time.monotonic()
        time.sleep(4)

    statuses = [status for _, status, _, _ in traffic.answers]
    outage = [a for a in traffic.answers if stopped_at <= a[0] < restarted_at]
    slowest = max(elapsed for *_, elapsed in traffic.answers)
    recovered_at = _first_ok_after(traffic.answers, restarted_at)
    FIGURES["faults: requests during PostgreSQL restart"] += len(traffic.answers)
    FIGURES["faults: 503 answers in the outage"] += statuses.count(503)

    assert traffic.failures == []  # no connection errors, no client timeouts
    assert set(statuses) <= {200, 503}
    assert any(status == 503 for _, status, _, _ in outage)
    assert all(
        ctype == PROBLEM for _, status, ctype, _ in traffic.answers if status == 503
    )
    assert slowest < SLOWEST_ALLOWED_S
    assert recovered_at is not None
    assert recovered_at - restarted_at < 3
    tail = [
        status
        for started, status, _, _ in traffic.answers
        if started > restarted_at + 2
    ]
    assert tail
    assert set(tail) == {200}


def _readiness(stack: Stack) -> requests.Response:
    return requests.get(stack.server.base_url + "/readyz", timeout=10)


def _create_site(stack: Stack, n: int) -> requests.Response:
    credentials = stack.credentials
    return requests.post(
        stack.server.base_url + "/api/v1/sites/",
        json={
            "name": f"Written while Redis is down {n}",
            "slug": f"redis-down-{n}",
            "kind": "test_arena",
            "host": credentials["organization"],
            "location": {"type": "Point", "coordinates": [10.4025, 63.419]},
        },
        headers=credentials["headers"],
        cookies=credentials["cookies"],
        timeout=15,
    )


def test_redis_outage_keeps_writes_and_readiness_says_so(stack: Stack) -> None:
    assert _readiness(stack).status_code == 200

    stack.redis.stop()
    try:
        started = time.monotonic()
        ready = _readiness(stack)
        readiness_seconds = time.monotonic() - started
        written = [_create_site(stack, n) for n in range(3)]
    finally:
        stack.redis.start()

    assert ready.status_code == 503
    assert ready.headers["Content-Type"] == PROBLEM
    assert ready.json()["checks"]["broker"].startswith("unavailable")
    assert ready.json()["checks"]["database"].startswith("ok")
    assert readiness_seconds < SLOWEST_ALLOWED_S
    assert [response.status_code for response in written] == [201] * 3, [
        response.text[:300] for response in written
    ]
    FIGURES["faults: writes accepted with Redis down"] += len(written)
    assert _readiness(stack).status_code == 200


def _api(stack: Stack, method: str, path: str, **kwargs: Any) -> requests.Response:
    credentials = stack.credentials
    return requests.request(
        method,
        stack.server.base_url + path,
        headers=credentials["headers"],
        cookies=credentials["cookies"],
        timeout=15,
        **kwargs,
    )


def _outbox(stack: Stack) -> list[tuple[str, bool]]:
    """(opportunity slug, processed) of every outbox event, read from the database."""
    with psycopg.connect(stack.postgres.url) as connection:
        rows = connection.execute(
            "SELECT o.slug, e.processed_at IS NOT NULL FROM pilots_outboxevent e "
            "JOIN pilots_opportunity o ON o.id = e.opportunity_id ORDER BY e.id"
        ).fetchall()
    return [(slug, processed) for slug, processed in rows]


@contextmanager
def _celery_worker_with_beat(stack: Stack, directory: Path) -> Iterator[None]:
    """A real worker (with the beat sweeper) on the throwaway database and Redis."""
    environment = {
        **stack.environment,
        "CELERY_QUEUE": "faults",
        "NOTIFICATION_SWEEP_SECONDS": "1",
        "NOTIFICATION_OUTBOX_GRACE_SECONDS": "0",
    }
    command = worker_command("faults", "faults@localhost")
    command += ["-B", "-s", str(directory / "beat-schedule")]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its pool and beat stop with it
    )
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_notifications_flow_once_redis_is_back(stack: Stack, tmp_path: Path) -> None:
    """Publishing while Redis is down succeeds; the outbox row keeps the work and a
    real worker delivers the notification once Redis is back."""
    slug = "published-while-redis-is-down"
    subscribed = _api(
        stack,
        "post",
        "/api/v1/subscriptions/",
        json={"name": "Everything", "channel": "in_app"},
    )
    assert subscribed.status_code == 201, subscribed.text[:300]
    deadline = datetime.now(UTC) + timedelta(days=30)
    drafted = _api(
        stack,
        "post",
        "/api/v1/opportunities/",
        json={
            "slug": slug,
            "title": "Published while Redis is down",
            "publisher": stack.credentials["organization"],
            "call_type": "open_call",
            "deadline": deadline.isoformat(),
            "area": {
                "type": "Polygon",
                "coordinates": [
                    [[10.40, 63.41], [10.41, 63.41], [10.41, 63.42], [10.40, 63.41]]
                ],
            },
        },
    )
    assert drafted.status_code == 201, drafted.text[:300]

    stack.redis.stop()
    try:
        published = _api(
            stack,
            "post",
            "/api/v1/opportunities/published-while-redis-is-down/publish/",
        )
        waiting = _outbox(stack)
    finally:
        stack.redis.start()

    assert published.status_code == 200, published.text[:300]
    assert waiting == [(slug, False)]
    assert _api(stack, "get", "/api/v1/notifications/").json()["results"] == []

    with _celery_worker_with_beat(stack, tmp_path):
        deadline_s = time.monotonic() + 90  # a loaded 2-core machine starts slowly
        notified: list[dict[str, Any]] = []
        while not notified and time.monotonic() < deadline_s:
            time.sleep(0.5)
            notified = _api(stack, "get", "/api/v1/notifications/").json()["results"]

    assert len(notified) == 1, notified
    assert _outbox(stack) == [(slug, True)]
    FIGURES["faults: notifications delivered after Redis returned"] += len(notified)


def _raw_request(stack: Stack, request: bytes) -> bytes:
    import socket

    with socket.create_connection(("127.0.0.1", stack.server.port), timeout=10) as sock:
        sock.sendall(request)
        return sock.recv(4096)


def test_request_line_limit(stack: Stack) -> None:
    long_query = "a=" + "x" * 9000
    answer = _raw_request(
        stack, f"GET /api/v1/zones/?{long_query} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    )
    assert answer.split(b"\r\n", 1)[0].split()[1] in (b"400", b"414")


def test_header_size_and_count_limits(stack: Stack) -> None:
    big = _raw_request(
        stack,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"y" * 9000 + b"\r\n\r\n",
    )
    many = _raw_request(
        stack,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-H%d: 1\r\n" % n for n in range(150))
        + b"\r\n",
    )
    normal = _raw_request(stack, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")

    assert big.split()[1] in (b"400", b"431")
    assert many.split()[1] in (b"400", b"431")
    assert normal.split()[1] == b"200"
