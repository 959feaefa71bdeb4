"""The database backend's health check (config/postgis/base.py) finds a
connection the server closed while it was idle, with no round trip."""

import time

import psycopg
import pytest
from django.db import DataError, connection

pytestmark = pytest.mark.django_db(transaction=True)


def _terminate(pid: int) -> None:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_the_server_closed_is_replaced_before_it_is_used() -> None:
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    assert connection.is_usable()

    _terminate(pid)
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.01)

    assert not connection.is_usable()
    connection.health_check_done = False  # type: ignore[attr-defined]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_failed_transaction_is_not_usable() -> None:
    connection.set_autocommit(False)
    try:
        with pytest.raises(DataError), connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
        assert not connection.is_usable()
    finally:
        connection.rollback()
        connection.set_autocommit(True)
    assert connection.is_usable()
