"""/map/: a MapLibre GL JS page over the vector tiles (all assets served here)."""

from typing import Any, cast

from django.conf import settings
from django.contrib.gis.db.models.functions import PointOnSurface
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from geo.selectors import zone_list
from pilots.models import Opportunity, PilotProject, Site
from pilots.selectors.catalogue import sdg_list, sector_list, trl_level_list

from ..tiles.layers import TILE_LAYERS

SLUG_PLACEHOLDER = "__slug__"
# The public page (web/) of each layer's rows; zones have none.
PAGES = {"sites": "site", "pilots": "pilot", "opportunities": "opportunity"}
# The statuses tiles carry (public rows only); labels are translated below.
PUBLIC_STATUSES = (
    *Site.Status.choices,
    *(
        (s.value, s.label)
        for s in (
            PilotProject.Status.PUBLISHED,
            PilotProject.Status.ACTIVE,
            PilotProject.Status.COMPLETED,
        )
    ),
    (Opportunity.Status.CLOSED.value, gettext_noop("Closed")),
)


def _norwegian() -> bool:
    return (get_language() or "")[:2] == "nb"


def _zones() -> list[dict[str, Any]]:
    """Zone names with a point inside each zone, where its label goes."""
    rows = zone_list().annotate(label_point=PointOnSurface("area"))
    return [
        {"slug": z.slug, "name": z.name, "label": [z.label_point.x, z.label_point.y]}
        for z in rows
    ]


def _strings() -> dict[str, str]:
    """What map.js writes itself, in the page's language."""
    return {
        "pilot": _("Pilot project"),
        "opportunity": _("Opportunity"),
        "zone": _("Zone"),
        "host": _("Host"),
        "lead": _("Lead"),
        "publisher": _("Publisher"),
        "sectors": _("Sectors"),
        "open_page": _("Open the page"),
        "api_detail": _("Details in the API"),
        "nothing_in_view": _("Nothing in view matches."),
        "map_unavailable": _("The basemap could not be loaded; showing the plain map."),
    }


def map_config() -> dict[str, Any]:
    """What map.js needs: TileJSON URLs, the basemap, the view, the vocabularies."""
    nb = _norwegian()
    return {
        "maplibre": static("maplibre-gl/maplibre-gl.mjs"),
        "tilejson": {name: reverse(f"tiles:{name}") for name in TILE_LAYERS},
        "pages": {
            layer: reverse(f"web:{page}", args=[SLUG_PLACEHOLDER])
            for layer, page in PAGES.items()
        },
        "style_url": settings.MAP_STYLE_URL,
        "basemap": {
            "tiles": settings.MAP_BASEMAP_TILES_URL,
            "attribution": settings.MAP_BASEMAP_ATTRIBUTION,
        },
        "center": list(settings.MAP_CENTER),
        "zoom": settings.MAP_ZOOM,
        "kinds": [
            {"slug": value, "name": _(str(label))} for value, label in Site.Kind.choices
        ],
        "call_types": {
            value: _(str(label)) for value, label in Opportunity.CallType.choices
        },
        "statuses": {value: _(str(label)) for value, label in PUBLIC_STATUSES},
        "sectors": [
            {"slug": s.slug, "name": s.name_no if nb else s.name_en}
            for s in sector_list()
        ],
        "sdgs": [
            {"number": s.number, "name": s.name_no if nb else s.name_en}
            for s in sdg_list()
        ],
        "trls": [
            {"level": t.level, "name": t.name_no if nb else t.name_en}
            for t in trl_level_list()
        ],
        "zones": _zones(),
        "strings": _strings(),
    }


class MapView(TemplateView):
    template_name = "map/index.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """`?lang=nb|en` picks the language, as on the public pages."""
        picked = request.GET.get("lang")
        if picked not in dict(settings.LANGUAGES):
            return super().get(request, *args, **kwargs)
        with translation.override(picked):
            response = cast(TemplateResponse, super().get(request, *args, **kwargs))
            response.render()  # inside the override: the strings in `picked`
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "map_config": map_config(),
            "languages": settings.LANGUAGES,
        }
