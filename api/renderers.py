from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer


class GeoJSONRenderer(BaseRenderer):
    """RFC 7946 output. Bodies arrive as bytes rendered by PostGIS."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if isinstance(data, bytes):
            return data
        # Errors raised before the body was built are plain JSON data.
        return JSONRenderer().render(data)


class ProblemJSONRenderer(JSONRenderer):
    media_type = "application/problem+json"
    format = "problem"
