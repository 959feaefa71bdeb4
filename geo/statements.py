"""The read statements a page repeats, run as prepared statements.

Django binds parameters in the client: PostgreSQL parses and analyses the
whole text of every statement again. A GeoJSON page's statement is a couple
of kilobytes over PostGIS's overloaded functions, and doing that each time
cost more than running it (0.4 of 1.3 ms for a `near` page). Here the same
text is sent once as a prepared statement per connection, with its values
as parameters ($1, $2 ...); the result comes back in binary (the page's
bytea as bytes, not hex text).

The connection's `plan_cache_mode` (settings: force_custom_plan) keeps a
plan made for each call's own values: a bbox or radius changes which plan
is best. Behind a pooler that cannot keep prepared statements, turn them
off with PREPARED_READS=false.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.backends.postgresql.base import ServerBindingCursor

_ServerBindingCursor: Any = ServerBindingCursor  # psycopg's Cursor, with callproc


class PreparedBinaryCursor(_ServerBindingCursor):
    """Binds on the server, prepares every statement, reads binary results."""

    def execute(self, query: Any, params: Any = None, **_: Any) -> Any:
        return super().execute(query, params, prepare=True, binary=True)


@contextmanager
def read_cursor(alias: str) -> Iterator[Any]:
    """A cursor of `alias` for a read statement (Django's wrapper around it:
    errors, query logging and counts as for any other)."""
    connection = connections[alias]
    if not getattr(settings, "PREPARED_READS", True):
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw: Any = PreparedBinaryCursor(connection.connection)
    wrap = (
        connection.make_debug_cursor
        if connection.queries_logged
        else connection.make_cursor
    )
    with wrap(raw) as cursor:
        yield cursor


def fetch_row(alias: str, sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
    """The first row of one read statement."""
    with read_cursor(alias) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()
