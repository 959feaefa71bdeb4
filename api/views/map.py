"""/map/: a MapLibre GL JS page over the vector tiles (all assets served here)."""

from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import TemplateView

from pilots.models import Site
from pilots.selectors import sector_list

from ..tile_layers import TILE_LAYERS

SLUG_PLACEHOLDER = "__slug__"


def map_config() -> dict[str, Any]:
    """What map.js needs: TileJSON URLs, the basemap, the view, the vocabularies."""
    return {
        "maplibre": static("maplibre-gl/maplibre-gl.mjs"),
        "tilejson": {name: reverse(f"tiles:{name}") for name in TILE_LAYERS},
        # The public pages popups link to (web/), with a slug placeholder.
        "pages": {
            layer: reverse(f"web:{page}", args=[SLUG_PLACEHOLDER])
            for layer, page in (("sites", "site"), ("pilots", "pilot"))
        },
        "basemap": {
            "tiles": settings.MAP_BASEMAP_TILES_URL,
            "attribution": settings.MAP_BASEMAP_ATTRIBUTION,
        },
        "center": list(settings.MAP_CENTER),
        "zoom": settings.MAP_ZOOM,
        "kinds": [
            {"slug": value, "name": str(label)} for value, label in Site.Kind.choices
        ],
        "sectors": [
            {"slug": sector.slug, "name": sector.name_en} for sector in sector_list()
        ],
    }


class MapView(TemplateView):
    template_name = "map/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "map_config": map_config()}
