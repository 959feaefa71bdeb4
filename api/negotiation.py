"""Content negotiation where `?format=` wins over the Accept header.

GDAL asks for `…/sites/?format=geojson` with `Accept: application/json`,
and many HTTP libraries send that header on every request: DRF's default
answers 406 when the two disagree. The order here: the `format` query
parameter (or a format suffix) if given, then Accept, then the first renderer.
"""

from collections.abc import Iterable

from django.http import Http404
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request


class FormatParameterFirst(DefaultContentNegotiation):
    def select_renderer(
        self,
        request: Request,
        renderers: Iterable[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, str]:
        wanted = format_suffix or request.query_params.get(
            self.settings.URL_FORMAT_OVERRIDE
        )
        if wanted is None:
            return super().select_renderer(request, renderers, format_suffix)
        # `?format=` with no value names no format: a 404 like an unknown one.
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, renderer.media_type
        raise Http404
