"""The Redis caches reuse one client per server (Django's builds one per call)."""

import pytest
from django.core.cache import caches


@pytest.mark.parametrize("alias", ["throttle", "versions", "tiles"])
def test_one_client_serves_every_call(alias):
    cache = caches[alias]
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]

    cache.set("redis-cache-test", b"value", 5)

    assert cache.get("redis-cache-test") == b"value"
    assert cache._cache.get_client(write=True) is client  # type: ignore[attr-defined]
    assert cache._cache.get_client() is client  # type: ignore[attr-defined]
    cache.delete("redis-cache-test")
