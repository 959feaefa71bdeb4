"""GET /api/schema/: the OpenAPI document in one language.

Generated in the request's language, it mixed English with whatever labels had
a Bokmål translation (`this bookbar ressurs`) and changed with Accept-Language
while saying no language. It is English unless `?lang=` (drf-spectacular's own
parameter) asks for another, and then says so in `Content-Language`.
"""

from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SCHEMA_KWARGS, SpectacularAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from ..content_language import translated


class SchemaView(SpectacularAPIView):
    @extend_schema(**SCHEMA_KWARGS)  # as the parent's get (left out of the schema)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        language = request.GET.get("lang")
        with translation.override(language or settings.LANGUAGE_CODE):
            response = super().get(request, *args, **kwargs)
        if not language:
            return response
        response["Content-Language"] = language  # not the reader's: the asked one
        return translated(response)
