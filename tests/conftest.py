import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from kombu import Queue
from rest_framework.test import APIClient

from api.tiles.cache import forget_tiles
from api.tiles.versions import forget_layer_versions
from config.celery_app import app
from pilots.services.district import zones_load
from tests.support.celery_worker import running_worker


@pytest.fixture(autouse=True, scope="session")
def _tasks_on_a_queue_of_this_run() -> Iterator[str]:
    """Tasks queued by tests (on commit, with no worker) go to a queue of this
    run, purged at the end, so a later `make run` never executes them against
    the demo database."""
    previous = app.conf.task_default_queue
    queue = app.conf.task_default_queue = f"test-run-{uuid.uuid4().hex[:12]}"
    yield queue
    app.conf.task_default_queue = previous
    with app.connection_for_write() as connection:
        Queue(queue)(connection.default_channel).purge()


@pytest.fixture(autouse=True)
def _fresh_tile_versions() -> None:
    """Tile versions cached in Redis by an earlier test describe rows that the
    rollback removed: every test starts without them, and without kept tiles."""
    forget_layer_versions()
    forget_tiles()


@pytest.fixture(autouse=True)
def _no_throttle_counts_from_earlier_tests() -> None:
    """Throttle counts stay in the shared Redis: failed sign-ins per account for
    15 minutes, sign-ins per address for a minute. Tests that reuse an address
    (nobody@example.org) or sign in from 127.0.0.1 through a browser (the admin
    in tests/e2e) would otherwise be refused for what earlier tests did."""
    throttle = caches["throttle"]
    pattern = throttle.make_key("throttle_*")
    client = throttle._cache.get_client(write=True)  # type: ignore[attr-defined]
    stale = list(client.scan_iter(match=pattern))
    if stale:
        client.delete(*stale)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def district_data() -> Path:
    return Path(settings.DISTRICT_DATA_DIR)


@pytest.fixture
def zones(db: None, district_data: Path) -> int:
    return zones_load(path=district_data / "trondheim_district.geojson")


@pytest.fixture
def celery_worker(transactional_db: None) -> Iterator[str]:
    """A real worker; tests that use it commit their data (transactional_db)."""
    with running_worker() as queue:
        yield queue
