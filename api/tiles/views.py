"""Vector tiles and TileJSON for each layer of api.tiles.layers.TILE_LAYERS.

The tile bytes come from PostGIS (geo.tiles) once per data version, then from
the tile cache (api.tiles.cache) without a statement. Every response carries the
layer's data version: tile URLs from TileJSON include it as `v`, so a write
changes the URLs clients ask for; the ETag is the version too, so a client
revalidating a tile after an edit gets the new tile, and otherwise a 304.
"""

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils.http import parse_etags
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from geo.tiles import (
    EXTENT,
    MAX_ZOOM,
    MIN_ZOOM,
    WORLD_BOUNDS,
    TileOutOfRange,
    check_tile,
    data_bounds,
    render_tile,
)

from ..filters.query_parameters import reject_unknown_query_parameters
from ..renderers import ProblemJSONRenderer
from ..throttling import TileRateThrottle
from .cache import canonical_filters, keep_tile, tile_key, version_and_tile
from .layers import TileLayer
from .versions import layer_version

MVT_CONTENT_TYPE = "application/vnd.mapbox-vector-tile"
VERSION_PARAMETER = "v"
# A tile URL carrying the current version never changes content: cache it long.
VERSIONED_CACHE_CONTROL = "public, max-age=86400"
# Otherwise clients revalidate each time (a 304 costs one small query).
UNVERSIONED_CACHE_CONTROL = "public, no-cache"


class SingleRepresentation(BaseContentNegotiation):
    """Tiles and TileJSON have one representation whatever the Accept header."""

    def select_renderer(
        self,
        request: Request,
        renderers: Iterable[BaseRenderer],
        format_suffix: str | None = None,
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type

    def select_parser(
        self, request: Request, parsers: Iterable[BaseParser]
    ) -> BaseParser | None:
        return next(iter(parsers), None)


class LayerSchema(AutoSchema):
    """A layer's filters in the schema exactly as on its list endpoint: the same
    FilterSet, read by drf-spectacular's django-filter extension (typed arrays,
    enums, ranges), although a tile is not a list."""

    def get_filter_backends(self) -> list[Any]:
        return (
            [DjangoFilterBackend] if getattr(self.view, "filterset_class", None) else []
        )


class LayerView(APIView):
    """Shared by tiles and TileJSON: the layer, its filters, its version."""

    layer: ClassVar[TileLayer]
    # Set per layer by layer_views(), for the schema (the view filters itself).
    filterset_class: ClassVar[type[Any] | None] = None
    queryset: ClassVar[Any] = None
    schema = LayerSchema()
    authentication_classes: Sequence[type[BaseAuthentication]] = ()  # public only
    permission_classes = [AllowAny]
    throttle_classes = [TileRateThrottle]
    throttle_scope = "tiles"
    content_negotiation_class = SingleRepresentation
    renderer_classes = [ProblemJSONRenderer]  # errors; bodies are HttpResponses

    def filtered_rows(self, request: Request) -> Any:
        rows = self.layer.rows()
        reject_unknown_query_parameters(request, self, paging=(VERSION_PARAMETER,))
        if self.layer.filterset_class is None:
            return rows
        data = request.query_params.copy()
        data.pop(VERSION_PARAMETER, None)
        if not data:  # no filters: the FilterSet would change nothing
            return rows
        filterset = self.layer.filterset_class(data=data, queryset=rows)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filterset.qs


def _not_modified(request: Request, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or etag.removeprefix("W/") in {
        tag.removeprefix("W/") for tag in tags
    }


def _conditional(
    request: Request, etag: str, cache_control: str, build: Any
) -> HttpResponse:
    not_modified = _not_modified(request, etag)
    response = HttpResponse(status=304) if not_modified else build()
    if not_modified:
        del response["Content-Type"]
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response


class VectorTileView(LayerView):
    def get(self, request: Request, z: int, x: int, y: int) -> HttpResponse:
        coordinates = _tile_coordinates(z, x, y)
        reject_unknown_query_parameters(request, self, paging=(VERSION_PARAMETER,))
        filters = canonical_filters(
            item
            for item in request.query_params.lists()
            if item[0] != VERSION_PARAMETER
        )
        version, body = version_and_tile(  # kept only after its filters passed
            self.layer,
            lambda v: tile_key(self.layer.name, v, **coordinates, filters=filters),
        )
        key = tile_key(self.layer.name, version, **coordinates, filters=filters)
        current = request.query_params.get(VERSION_PARAMETER) == version
        cache_control = (
            VERSIONED_CACHE_CONTROL if current else UNVERSIONED_CACHE_CONTROL
        )
        if body is None:
            rows = self.filtered_rows(request)  # a 400 for a bad filter

        def build() -> HttpResponse:
            nonlocal body
            if body is None:
                body = render_tile(
                    rows, self.layer.spec, layer=self.layer.name, **coordinates
                )
                keep_tile(key, body)
            if not body:
                empty = HttpResponse(status=204)
                del empty["Content-Type"]
                return empty
            return HttpResponse(body, content_type=MVT_CONTENT_TYPE)

        return _conditional(request, _tile_etag(request, version), cache_control, build)


def _tile_etag(request: Request, version: str) -> str:
    """The data version, plus a digest of the filters when there are any.

    Tiles of one z/x/y with other filters are other content: clients such as
    MapLibre keep a tile whose refetch answers with the ETag they already have.
    """
    filters = sorted(
        (key, value)
        for key, values in request.query_params.lists()
        if key != VERSION_PARAMETER
        for value in values
    )
    if not filters:
        return f'"{version}"'
    digest = hashlib.sha256(json.dumps(filters).encode()).hexdigest()[:12]
    return f'"{version}-{digest}"'


def _tile_coordinates(z: int, x: int, y: int) -> dict[str, int]:
    coordinates = {"z": z, "x": x, "y": y}
    try:
        check_tile(**coordinates)
    except TileOutOfRange as error:
        raise ValidationError({error.field: [error.message]}) from None
    return coordinates


class TileJSONView(LayerView):
    def get(self, request: Request) -> HttpResponse:
        rows = self.filtered_rows(request)
        version = layer_version(self.layer, fresh=True)
        query = request.query_params.copy()
        query[VERSION_PARAMETER] = version
        document = tilejson(
            self.layer,
            tiles_url=_tiles_url(request, self.layer, query),
            bounds=data_bounds(rows, self.layer.geometry) or WORLD_BOUNDS,
        )
        body = json.dumps(document, ensure_ascii=False).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        return _conditional(
            request,
            etag,
            UNVERSIONED_CACHE_CONTROL,
            lambda: HttpResponse(body, content_type="application/json"),
        )


def _tiles_url(request: Request, layer: TileLayer, query: QueryDict) -> str:
    sample = reverse(f"tiles:{layer.name}-tile", kwargs={"z": 0, "x": 0, "y": 0})
    prefix = request.build_absolute_uri(sample.removesuffix("0/0/0.mvt"))
    return prefix + "{z}/{x}/{y}.mvt?" + query.urlencode(safe=",")


def tilejson(
    layer: TileLayer, *, tiles_url: str, bounds: tuple[float, float, float, float]
) -> dict[str, Any]:
    """A TileJSON 3.0.0 document for one layer."""
    rounded = [round(value, 6) for value in bounds]
    return {
        "tilejson": "3.0.0",
        "name": layer.name,
        "description": layer.description,
        "scheme": "xyz",
        "tiles": [tiles_url],
        "minzoom": layer.minzoom,
        "maxzoom": layer.maxzoom,
        "bounds": rounded,
        "center": [
            round((rounded[0] + rounded[2]) / 2, 6),
            round((rounded[1] + rounded[3]) / 2, 6),
            max(layer.minzoom, min(layer.maxzoom, 12)),
        ],
        "vector_layers": [
            {
                "id": layer.name,
                "description": layer.description,
                "minzoom": layer.minzoom,
                "maxzoom": layer.maxzoom,
                "fields": layer.fields,
            }
        ],
    }


# OpenAPI: one operation per layer, with that layer's filters.


VERSION = OpenApiParameter(
    VERSION_PARAMETER,
    str,
    description="The layer's data version (from TileJSON). When it is current "
    "the response may be cached for a day; any value is accepted.",
)
# Order does not matter in a tile: the FilterSet's `ordering` is left out.
NO_ORDERING = OpenApiParameter("ordering", exclude=True)
LAST_TILE = 2**MAX_ZOOM - 1


def _tile_schema(layer: TileLayer) -> Any:
    coordinates = [
        OpenApiParameter(
            name,
            {"type": "integer", "minimum": minimum, "maximum": maximum},
            OpenApiParameter.PATH,
            description=description,
        )
        for name, minimum, maximum, description in (
            ("z", MIN_ZOOM, MAX_ZOOM, f"Zoom level, {MIN_ZOOM}..{MAX_ZOOM}."),
            ("x", 0, LAST_TILE, "Column, 0..2^z-1 (from the west); 400 beyond."),
            ("y", 0, LAST_TILE, "Row, 0..2^z-1 (from the north, XYZ); 400 beyond."),
        )
    ]
    return extend_schema(
        operation_id=f"tiles_{layer.name}_tile",
        tags=["tiles"],
        summary=f"Vector tile of {layer.name}",
        description=(
            f"{layer.description} Mapbox Vector Tile 2.1 in Web Mercator "
            f"(extent {EXTENT}), built by PostGIS; one layer named "
            f"`{layer.name}` with the attributes listed in TileJSON. "
            "Same filters as the list endpoint; public rows only. "
            "ETag and If-None-Match are supported."
        ),
        parameters=[*coordinates, VERSION, NO_ORDERING],
        responses={
            (200, MVT_CONTENT_TYPE): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="The tile."
            ),
            204: OpenApiResponse(description="No feature in this tile."),
            304: OpenApiResponse(description="Not modified (If-None-Match)."),
            400: OpenApiResponse(description="z/x/y out of range or a bad filter."),
        },
    )


def _tilejson_schema(layer: TileLayer) -> Any:
    return extend_schema(
        operation_id=f"tiles_{layer.name}_tilejson",
        tags=["tiles"],
        summary=f"TileJSON of {layer.name}",
        description=(
            "TileJSON 3.0.0: the tiles URL (with the data version and the "
            "filters given here), bounds of the matching rows, zoom range and "
            "`vector_layers` with a description of every attribute."
        ),
        parameters=[NO_ORDERING],
        responses={
            (200, "application/json"): OpenApiResponse(
                response=OpenApiTypes.OBJECT, description="TileJSON 3.0.0."
            ),
            304: OpenApiResponse(description="Not modified (If-None-Match)."),
            400: OpenApiResponse(description="A bad filter."),
        },
    )


def layer_views(layer: TileLayer) -> tuple[type[VectorTileView], type[TileJSONView]]:
    """A tile view and a TileJSON view bound to one layer (one schema each)."""

    class LayerTileView(VectorTileView):
        @_tile_schema(layer)
        def get(self, request: Request, z: int, x: int, y: int) -> HttpResponse:
            return super().get(request, z, x, y)

    class LayerTileJSONView(TileJSONView):
        @_tilejson_schema(layer)
        def get(self, request: Request) -> HttpResponse:
            return super().get(request)

    title = layer.name.title().replace("_", "")
    filterset_class = layer.filterset_class
    for view, suffix in (
        (LayerTileView, "TileView"),
        (LayerTileJSONView, "TileJSONView"),
    ):
        view.layer = layer
        view.filterset_class = filterset_class
        if filterset_class is not None:
            view.queryset = filterset_class._meta.model._default_manager.none()
        view.__name__ = view.__qualname__ = f"{title}{suffix}"
    return LayerTileView, LayerTileJSONView
