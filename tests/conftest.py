from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from api.tile_versions import forget_layer_versions
from pilots.services.district import zones_load
from tests.support.celery_worker import running_worker


@pytest.fixture(autouse=True)
def _fresh_tile_versions() -> None:
    """Tile versions cached in Redis by an earlier test describe rows that the
    rollback removed: every test starts without them."""
    forget_layer_versions()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def shared_data() -> Path:
    return Path(settings.SHARED_DATA_DIR)


@pytest.fixture
def zones(db: None, shared_data: Path) -> int:
    return zones_load(path=shared_data / "trondheim_district.geojson")


@pytest.fixture
def celery_worker(transactional_db: None) -> Iterator[str]:
    """A real worker; tests that use it commit their data (transactional_db)."""
    with running_worker() as queue:
        yield queue
