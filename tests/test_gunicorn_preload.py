"""gunicorn preloads the app in the master: nothing it opened is shared by a fork."""

import pytest
from django.db import connection

from config import gunicorn as gunicorn_config
from config.celery_app import app


def test_the_app_is_preloaded():
    assert gunicorn_config.preload_app is True


@pytest.mark.django_db(transaction=True)
def test_pre_fork_closes_the_masters_database_connection():
    # Given a master whose import opened a connection
    connection.ensure_connection()
    assert connection.connection is not None

    # When a worker is about to fork
    gunicorn_config.pre_fork(server=None, worker=None)

    # Then the worker cannot inherit it
    assert connection.connection is None


def test_pre_fork_closes_the_broker_pool():
    app.pool  # noqa: B018 (creating the pool, as a publish would)

    gunicorn_config.pre_fork(server=None, worker=None)

    assert app._pool is None  # type: ignore[attr-defined]
