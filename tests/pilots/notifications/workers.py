"""Celery workers (optionally with embedded beat) and a throwaway Redis for tests.

Unlike tests/support/celery_worker.py these start in their own process group,
so a test can kill a worker and all its children at once, and they can use a
broker of their own (a redis-server this module starts on a free port).
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.celery_worker import ROOT, test_database_url, worker_command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def kill_now(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the worker and its pool children: no clean-up, no acks."""
    _stop(process, signal.SIGKILL)


@contextmanager
def worker(
    *, queue: str, tmp_path: Path, env: dict[str, str], beat: bool = False
) -> Iterator[subprocess.Popen[bytes]]:
    environment = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "CELERY_QUEUE": queue,
        **env,
    }
    args = worker_command(queue, f"{queue}-{uuid.uuid4().hex[:6]}@localhost")
    if beat:
        args += ["-B", "-s", str(tmp_path / f"beat-{uuid.uuid4().hex[:6]}")]
    process = subprocess.Popen(args, cwd=ROOT, env=environment, start_new_session=True)
    try:
        yield process
    finally:
        _stop(process)


@contextmanager
def redis_server(port: int, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A throwaway redis-server on `port` (never the shared one on 6379)."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed for the broker-outage test"
    assert port != 6379
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                _stop(process)
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.05)
    try:
        yield process
    finally:
        _stop(process)


def wait_until(predicate: object, *, timeout: float = 60.0, what: str = "") -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        time.sleep(0.1)
