"""Empties the registry's tile cache between requests, for the cold Q4 row.

The registry keeps rendered tiles in Redis under the prefix
`ttp-tiles-<database name>` (config/settings/base.py, api/tiles/cache.py) on
TILE_CACHE_REDIS_URL, else REDIS_URL: the servers get this process's
environment with only DATABASE_URL replaced (bench.data.django_env).
"""

import os
from urllib.parse import urlsplit

import redis

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


class TileCache:
    def __init__(self, database_url: str) -> None:
        url = os.environ.get("TILE_CACHE_REDIS_URL") or os.environ.get(
            "REDIS_URL", DEFAULT_REDIS_URL
        )
        self.client = redis.Redis.from_url(url)
        name = urlsplit(database_url).path.lstrip("/")
        self.pattern = f"ttp-tiles-{name}:*"

    def empty(self) -> int:
        keys = list(self.client.scan_iter(match=self.pattern, count=1000))
        if keys:
            self.client.delete(*keys)
        return len(keys)
