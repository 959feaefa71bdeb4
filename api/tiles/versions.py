"""The tile layers' data versions, kept in the shared cache.

A layer's version (geo.tiles.data_version: count and latest change of its
tables) is one statement; computed on every tile it was about 40 % of a small
tile's time and a scan of the tables. Here it is read from Redis, so a tile is
the one ST_AsMVT statement. Every save or delete of a model a layer depends on
drops the cached versions (at once and again on commit, so a request that read
the old rows just before the commit cannot keep them cached); writes that send
no signals (QuerySet.update, bulk loads, COPY) are seen within the cache's
TIMEOUT (settings: TILE_VERSION_TTL, 60 s). TileJSON always reads the version
from the database and stores it, so the tile URLs it hands out are current.
"""

import logging
from typing import Any

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .layers import TILE_LAYERS, TileLayer

CACHE = "versions"
logger = logging.getLogger(__name__)


def version_key(layer: TileLayer) -> str:
    return f"tile-layer:{layer.name}"


def layer_version(layer: TileLayer, *, fresh: bool = False) -> str:
    """The layer's version: cached, or from the database (`fresh`, or a miss)."""
    cache = caches[CACHE]
    if not fresh:
        try:
            cached = cache.get(version_key(layer))
        except Exception:  # Redis down: the database still answers
            logger.warning("tile version cache unavailable", exc_info=True)
            return layer.version()
        if cached is not None:
            return str(cached)
    version = layer.version()
    try:
        cache.set(version_key(layer), version)
    except Exception:
        logger.warning("tile version cache unavailable", exc_info=True)
    return version


def forget_layer_versions() -> None:
    try:
        caches[CACHE].delete_many(
            [version_key(layer) for layer in TILE_LAYERS.values()]
        )
    except Exception:
        logger.warning("tile version cache unavailable", exc_info=True)


def _changed(**kwargs: Any) -> None:
    forget_layer_versions()
    transaction.on_commit(forget_layer_versions, robust=True)


def connect_signals() -> None:
    """Drop the versions when a row of any layer's tables is saved or deleted."""
    models = {
        source.model
        for layer in TILE_LAYERS.values()
        for source in layer.changes_with()
    }
    for model in models:
        uid = f"tile-versions-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + "-delete")
