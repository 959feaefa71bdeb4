"""Requests sent at the same moment from threads, each with its own database
connection (tests using it need transactional_db: the rows must be committed
for the other connections to see them)."""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from django.db import connection
from rest_framework.test import APIClient


def client_as(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run the calls in parallel threads released together; their results."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        try:
            start.wait(timeout=30)
            return call()
        finally:
            connection.close()  # this thread's connection

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
