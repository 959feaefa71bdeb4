"""Shared helpers for the tile tests: URLs and decoded MVT features."""

import mapbox_vector_tile

from geo.tiles import tile_containing
from tests.factories import GLOSHAUGEN

MVT = "application/vnd.mapbox-vector-tile"
Z = 12
X, Y = tile_containing(*GLOSHAUGEN, Z)


def tile_url(layer: str, z: int = Z, x: int = X, y: int = Y, query: str = "") -> str:
    return f"/tiles/{layer}/{z}/{x}/{y}.mvt" + (f"?{query}" if query else "")


def decoded(response) -> dict:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == MVT
    return mapbox_vector_tile.decode(response.content)


def features(response, layer: str) -> dict[str, dict]:
    """The tile's features of `layer` by name, with `mvt_id` added."""
    layers = decoded(response)
    return {
        feature["properties"]["name"]: {
            **feature["properties"],
            "mvt_id": feature["id"],
        }
        for feature in layers.get(layer, {"features": []})["features"]
    }
