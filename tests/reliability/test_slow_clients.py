"""Slow clients cannot take the service down, and the proxy's address is the
one the throttles count (issue 13).

The registry is served as `make run` serves it (tests/reliability/servers.py:
served_like_make_run): gunicorn behind the buffering nginx from the Procfile,
with its own throwaway Redis (clean throttle counts). On loopback, 50
connections trickle one header byte a second and a few POSTs trickle their
bodies, for about ten seconds; meanwhile `/readyz` and a list request must keep
answering, each within a second. Sync gunicorn workers alone (the set-up
before) stop answering as soon as two slow connections hold them.
"""

import contextlib
import json
import socket
import statistics
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml
from django.db import connection

from .conftest import FIGURES
from .servers import (
    ROOT,
    Proxy,
    app_environment,
    served_like_make_run,
    throwaway_redis,
)

TRICKLING_HEADERS = 50
TRICKLING_BODIES = 3
ATTACK_SECONDS = 10.0
ANSWER_WITHIN_S = 1.0
PROBED_PATHS = ("/readyz", "/api/v1/sites/")


@dataclass
class Probe:
    """Each path asked in turn, one at a time, for the attack's duration."""

    base_url: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def run(self, until: float) -> None:
        while time.monotonic() < until:
            for path in PROBED_PATHS:
                self.ask(path)
            time.sleep(0.2)

    def ask(self, path: str) -> None:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(  # noqa: S310 (loopback test server)
                self.base_url + path, timeout=ANSWER_WITHIN_S
            ) as answer:
                answer.read()
                status = answer.status
        except OSError as error:
            self.failures.append(f"{path}: {type(error).__name__}: {error}")
            return
        took = time.monotonic() - started
        self.latencies.setdefault(path, []).append(took)
        if status != 200 or took > ANSWER_WITHIN_S:
            self.failures.append(f"{path}: {status} in {took:.2f} s")


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.setblocking(False)
    return sock


@contextmanager
def trickling_clients(port: int, until: float) -> Iterator[None]:
    """Slow headers (from the first byte) and slow bodies, one byte a second
    per connection, from one thread; every socket is closed at the end."""
    header = b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100
    body_start = (
        b"POST /api/v1/sites/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: 65536\r\n\r\n{"
    )
    slow: list[tuple[socket.socket, bytes]] = []
    for _ in range(TRICKLING_HEADERS):
        slow.append((_connect(port), header))
    for _ in range(TRICKLING_BODIES):
        sock = _connect(port)
        sock.send(body_start)
        slow.append((sock, b" " * 1000))
    stop = threading.Event()

    def trickle() -> None:
        sent = 0
        while not stop.is_set() and time.monotonic() < until:
            for sock, data in slow:
                # A server that drops a slow client is fine.
                with contextlib.suppress(OSError):
                    sock.send(data[sent : sent + 1])
            sent += 1
            stop.wait(1.0)

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
        for sock, _data in slow:
            sock.close()


def _database_url() -> str:
    db: dict[str, Any] = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _figures(name: str, latencies: list[float]) -> None:
    FIGURES[f"{name} answers"] = len(latencies)
    FIGURES[f"{name} median (ms)"] = int(statistics.median(latencies) * 1000)
    FIGURES[f"{name} slowest (ms)"] = int(max(latencies) * 1000)


@pytest.fixture(scope="module")
def server(django_db_setup: None) -> Iterator[Proxy]:
    """On the test database (nothing written to it here), a Redis of its own."""
    with throwaway_redis() as redis:
        environment = app_environment(_database_url(), redis.url)
        with served_like_make_run(environment) as proxy:
            yield proxy


def test_trickling_clients_do_not_stop_readiness_or_lists(server: Proxy) -> None:
    with ExitStack() as stack:
        quiet = Probe(server.base_url)
        quiet.run(time.monotonic() + 3.0)  # warms both workers up
        probe = Probe(server.base_url)

        until = time.monotonic() + ATTACK_SECONDS
        stack.enter_context(trickling_clients(server.port, until + 2))
        time.sleep(1.0)  # every slow connection is open and started
        probe.run(until)

    for path in PROBED_PATHS:
        for name, latencies in (("quiet", quiet), ("attacked", probe)):
            if latencies.latencies.get(path):
                _figures(f"slow clients, {name}: {path}", latencies.latencies[path])
    FIGURES["slow clients: failed or late answers"] = len(probe.failures)
    assert probe.failures == []
    assert all(len(probe.latencies.get(path, [])) >= 10 for path in PROBED_PATHS)


def test_make_run_and_compose_serve_through_the_proxy() -> None:
    """served_like_make_run above is what the Procfile runs under `make run`."""
    procfile = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines()
    )
    run_recipe = (ROOT / "Makefile").read_text().split("\nrun:", 1)[1]
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())

    assert procfile["proxy"] == "python scripts/run_nginx.py"
    assert "GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:8001}" in run_recipe
    assert "NUM_PROXIES=$${NUM_PROXIES:-1}" in run_recipe
    assert compose["services"]["web"].get("ports") is None
    assert compose["services"]["proxy"]["ports"] == ["8000:8000"]
    assert compose["services"]["web"]["environment"]["NUM_PROXIES"] == "1"


def test_behind_the_proxy_a_spoofed_forwarded_for_lifts_no_throttle(
    server: Proxy,
) -> None:
    """Wrong passwords for different unknown addresses (so only the per-address
    throttle, 10/minute, applies), each with a new X-Forwarded-For."""

    def sign_in(attempt: int) -> int:
        request = urllib.request.Request(  # noqa: S310 (loopback test server)
            server.base_url + "/api/v1/auth/login/",
            data=json.dumps(
                {"email": f"spoof-{attempt}@example.org", "password": "wrong-pw-1"}
            ).encode(),
            headers={
                "Content-Type": "application/json",
                "X-Forwarded-For": f"198.51.100.{attempt}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                return int(answer.status)
        except urllib.error.HTTPError as error:
            return error.code

    answers = [sign_in(attempt) for attempt in range(12)]

    assert answers == [401] * 10 + [429] * 2
