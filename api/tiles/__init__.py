"""Vector tiles: layers, versions, URLs, the cache."""
