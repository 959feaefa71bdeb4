"""A real Celery worker process on its own queue, reading the test database."""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from config.celery_app import app

ROOT = Path(__file__).resolve().parents[2]


def test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def worker_command(queue: str, hostname: str) -> list[str]:
    """`celery worker` consuming only `queue`, two processes, no gossip."""
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "-Q",
        queue,
        "-n",
        hostname,
        "--concurrency",
        "2",
        "--loglevel",
        "WARNING",
        "--without-gossip",
        "--without-mingle",
    ]


@contextmanager
def running_worker(**environment: str) -> Iterator[str]:
    """Start a worker, wait until it answers a ping, yield its queue, stop it."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    hostname = f"{queue}@localhost"
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "CELERY_QUEUE": queue,
        **environment,
    }
    process = subprocess.Popen(
        worker_command(queue, hostname),
        cwd=ROOT,
        env=env,
    )
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        deadline = time.monotonic() + 90  # a loaded 2-core machine starts slowly
        while not app.control.ping(destination=[hostname], timeout=0.5):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the Celery worker did not start")
        yield queue
    finally:
        app.conf.task_default_queue = previous_queue
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
