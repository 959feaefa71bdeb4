"""Rendered vector tiles kept in Redis: one entry per layer, data version,
z/x/y and filters.

A tile's bytes depend on nothing else: the version changes with every write
to the layer's tables (api.tiles.versions), so an entry is never invalidated,
it is just no longer asked for and ages out (TILE_CACHE_TTL) or is evicted
first when the Redis is full (maxmemory with an LRU policy, see the README).
Empty tiles are kept too (b""). When Redis fails, the tile comes from the
database: the failure is logged and the cache is skipped for a few seconds,
so an unreachable server costs one timeout, not one per tile.
"""

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlencode

from django.core.cache import caches

from .layers import TileLayer
from .versions import CACHE as VERSIONS_CACHE
from .versions import layer_version, version_key

CACHE = "tiles"
# The layout of keys and values; a change of it starts from an empty cache.
FORMAT = "t1"
RETRY_AFTER_S = 5.0
logger = logging.getLogger(__name__)
_skip_until = 0.0


def canonical_filters(parameters: Iterable[tuple[str, list[str]]]) -> str:
    """The filters as one query string: names sorted, each name's values in
    their given order (a filter may read the last of repeated values)."""
    return urlencode(sorted(parameters), doseq=True)


def tile_key(layer: str, version: str, *, z: int, x: int, y: int, filters: str) -> str:
    """The entry's name; filters as a digest, as a query string may be long."""
    digest = hashlib.sha256(filters.encode()).hexdigest()[:32] if filters else "-"
    return f"{FORMAT}:{layer}:{version}:{z}/{x}/{y}:{digest}"


def _available() -> bool:
    return time.monotonic() >= _skip_until


def _failed(action: str) -> None:
    global _skip_until
    _skip_until = time.monotonic() + RETRY_AFTER_S
    logger.warning("tile cache unavailable (%s)", action, exc_info=True)


def cached_tile(key: str) -> bytes | None:
    """The kept bytes (b"" for an empty tile), or None on a miss or an outage."""
    if not _available():
        return None
    try:
        body = caches[CACHE].get(key)
    except Exception:  # Redis down or slow: the database still answers
        _failed("read")
        return None
    return body if isinstance(body, bytes) else None


# The version each layer's tiles were last served at: the key a warm tile is
# guessed under, so its version and bytes come back in one round trip.
_last_version: dict[str, str] = {}


def version_and_tile(
    layer: TileLayer, key_of: Callable[[str], str]
) -> tuple[str, bytes | None]:
    """The layer's current version and the tile kept under `key_of(version)`.

    When the versions and the tiles live on one Redis server, both are read in
    one round trip (MGET) under the version seen last; the tile is used
    only if the version read is that one (else the right key is read next).
    Otherwise, or on an outage, as layer_version() then cached_tile().
    """
    guess = _last_version.get(layer.name)
    if guess is not None and _available() and _one_server():
        try:
            version, body = _read_both(version_key(layer), key_of(guess))
        except Exception:  # Redis down or slow: the database still answers
            _failed("read")
        else:
            if version is not None:
                _last_version[layer.name] = version
                if version == guess:
                    return version, body if isinstance(body, bytes) else None
                return version, cached_tile(key_of(version))
    version = layer_version(layer)
    _last_version[layer.name] = version
    return version, cached_tile(key_of(version))


def _one_server() -> bool:
    servers: Any = (caches[CACHE], caches[VERSIONS_CACHE])  # RedisCache._servers
    return bool(servers[0]._servers == servers[1]._servers)


def _read_both(version_name: str, tile_name: str) -> tuple[str | None, Any]:
    """(version, tile) of the versions and tiles caches in one MGET."""
    tiles: Any = caches[CACHE]
    versions: Any = caches[VERSIONS_CACHE]
    raw_version, raw_tile = tiles._cache.get_client().mget(
        [
            versions.make_and_validate_key(version_name),
            tiles.make_and_validate_key(tile_name),
        ]
    )
    version = (
        None
        if raw_version is None
        else str(versions._cache._serializer.loads(raw_version))
    )
    tile = None if raw_tile is None else tiles._cache._serializer.loads(raw_tile)
    return version, tile


def keep_tile(key: str, body: bytes) -> None:
    if not _available():
        return
    try:
        caches[CACHE].set(key, body)
    except Exception:
        _failed("write")


def forget_tiles() -> int:
    """Delete every kept tile of this cache (tests, benchmarks, operators)."""
    cache = caches[CACHE]
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    keys = list(client.scan_iter(match=cache.make_key(f"{FORMAT}:*"), count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return len(keys)
