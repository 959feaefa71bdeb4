"""Django's PostGIS backend, with a health check that costs no round trip.

With CONN_HEALTH_CHECKS Django sends `SELECT 1` before the first statement of
every request, so that a persistent connection the server closed while it was
idle is replaced instead of failing the request. That round trip was about a
twentieth of a small GeoJSON page. A server that closes a connection (restart,
pg_terminate_backend, idle_session_timeout) sends a FATAL message and closes
the socket, which makes it readable: an idle connection whose socket has
something to read is not used again. A connection we never asked for
notifications on has nothing else to read while idle; if it ever does, the
cost is one reconnection.

Statements bound on the server (geo.statements) are logged with their values
composed in, as Django does for its own server-side binding.
"""

import select
from typing import Any

import psycopg
from django.contrib.gis.db.backends.postgis.base import (
    DatabaseWrapper as PostGISDatabaseWrapper,
)
from django.contrib.gis.db.backends.postgis.operations import PostGISOperations
from psycopg import pq


class DatabaseOperations(PostGISOperations):
    def last_executed_query(self, cursor: Any, sql: str, params: Any) -> Any:
        if isinstance(cursor, psycopg.ClientCursor):
            return super().last_executed_query(cursor, sql, params)
        try:
            return self.compose_sql(sql, params)
        except psycopg.errors.DataError:
            return None


class DatabaseWrapper(PostGISDatabaseWrapper):
    ops_class = DatabaseOperations

    def is_usable(self) -> bool:
        connection: Any = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status == pq.TransactionStatus.INERROR:
            return False  # as SELECT 1 would fail
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
