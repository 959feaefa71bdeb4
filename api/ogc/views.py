"""OGC API - Features endpoints: translate requests to the registry and back.

Features are rendered by PostGIS (geo.rendering); every error is a problem.
"""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from geo.crs import CRS84, SUPPORTED_CRS, is_geographic, is_latitude_first, srid_of
from geo.rendering import feature_collection, render_feature, render_features
from pilots.timestamps import format_timestamp

from ..errors import problem_response
from .collection import (
    Collection,
    spatial_extent,
    temporal_extent,
    temporal_filter,
)
from .collections import COLLECTIONS
from .conformance import CONFORMANCE_CLASSES
from .errors import OGCRequestError
from .feature_schema import feature_properties, feature_xsd
from .links import (
    GEOJSON,
    JSON,
    OPENAPI_JSON,
    QUERYABLES_REL,
    SCHEMA_JSON,
    link,
    link_header,
    url,
)
from .openapi import openapi_document
from .parameters import (
    parse_bbox,
    parse_crs,
    parse_datetime_parameter,
    parse_limit,
    parse_offset,
)

ITEMS_PARAMETERS = frozenset(
    {"f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs"}
    | {"filter", "filter-lang", "filter-crs"}
)
ITEM_PARAMETERS = frozenset({"f", "crs"})
FORMATS = ("json", "geojson")
TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"

View = Callable[..., HttpResponse]


def ogc_endpoint(*, parameters: frozenset[str] = frozenset({"f"})) -> Callable:
    """GET/HEAD only; unknown parameters, unknown formats and bad values are 400."""

    def decorate(view: View) -> View:
        @require_safe
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                unknown = sorted(set(request.GET) - parameters)
                if unknown:
                    raise OGCRequestError(
                        unknown[0],
                        _("Unknown query parameter(s): %(names)s.")
                        % {"names": ", ".join(unknown)},
                    )
                if request.GET.get("f", "json") not in FORMATS:
                    raise OGCRequestError("f", _("f must be json (the only format)."))
                return view(request, *args, **kwargs)
            except OGCRequestError as error:
                return problem_response(
                    error.status,
                    error.message,
                    errors=[{"field": error.parameter, "message": error.message}],
                )

        return wrapper

    return decorate


def _json(data: Any, media_type: str = JSON) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False).encode(), content_type=media_type
    )


def _collection(collection_id: str) -> Collection:
    try:
        return COLLECTIONS[collection_id]
    except KeyError:
        raise OGCRequestError(
            "collectionId",
            _("There is no collection %(id)r.") % {"id": collection_id},
            status=404,
        ) from None


def _user(request: HttpRequest) -> Any:
    return getattr(request, "user", None)


@ogc_endpoint()
def landing_page(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "title": "Trondheim Tech Port registry",
            "description": "Test sites, pilot projects and zones of the district "
            "as OGC API - Features.",
            "links": [
                link(url(request, "landing"), "self", JSON, "This document"),
                link(url(request, "api"), "service-desc", OPENAPI_JSON, "The API"),
                link(url(request, "conformance"), "conformance", JSON, "Conformance"),
                link(url(request, "collections"), "data", JSON, "The collections"),
            ],
        }
    )


@ogc_endpoint()
def api_document(request: HttpRequest) -> HttpResponse:
    server = url(request, "landing").rstrip("/")
    return _json(openapi_document(server), OPENAPI_JSON)


@ogc_endpoint()
def conformance(request: HttpRequest) -> HttpResponse:
    return _json({"conformsTo": list(CONFORMANCE_CLASSES)})


def _collection_document(request: HttpRequest, collection: Collection) -> Any:
    queryset = collection.queryset(user=_user(request))
    extent: dict[str, Any] = {
        "temporal": {
            "interval": [temporal_extent(queryset, collection)],
            "trs": TRS,
        }
    }
    bbox = spatial_extent(queryset, collection)
    if bbox is not None:
        extent["spatial"] = {"bbox": [bbox], "crs": CRS84}
    return {
        "id": collection.id,
        "title": collection.title,
        "description": collection.description,
        "itemType": "feature",
        "extent": extent,
        "crs": list(SUPPORTED_CRS),
        "storageCrs": CRS84,
        "links": [
            link(url(request, "collection", collection.id), "self", JSON, "This"),
            link(url(request, "items", collection.id), "items", GEOJSON, "Features"),
            link(
                url(request, "queryables", collection.id),
                QUERYABLES_REL,
                SCHEMA_JSON,
                "Queryables",
            ),
            link(
                url(request, "schema", collection.id),
                "describedby",
                SCHEMA_JSON,
                "Schema of the features",
            ),
            link(
                url(request, "schema-xsd", collection.id),
                "describedBy",  # GDAL < 3.8 matches this spelling
                XSD,
                "Schema of the features (XML Schema)",
            ),
            link(
                url(request, "schema", collection.id),
                "http://www.opengis.net/def/rel/ogc/1.0/schema",
                SCHEMA_JSON,
                "Schema of the features",
            ),
        ],
    }


@ogc_endpoint()
def collections(request: HttpRequest) -> HttpResponse:
    return _json(
        {
            "links": [link(url(request, "collections"), "self", JSON, "This")],
            "collections": [
                _collection_document(request, collection)
                for collection in COLLECTIONS.values()
            ],
        }
    )


@ogc_endpoint()
def collection(request: HttpRequest, collection_id: str) -> HttpResponse:
    return _json(_collection_document(request, _collection(collection_id)))


@ogc_endpoint()
def queryables(request: HttpRequest, collection_id: str) -> HttpResponse:
    found = _collection(collection_id)
    return _json(
        {
            "$schema": "https://json-schema.org/draft/2019-09/schema",
            "$id": url(request, "queryables", found.id),
            "type": "object",
            "title": found.title,
            "properties": {
                name: dict(queryable.schema)
                for name, queryable in found.queryables.items()
            },
            "additionalProperties": False,
        },
        SCHEMA_JSON,
    )


@ogc_endpoint()
def schema(request: HttpRequest, collection_id: str) -> HttpResponse:
    found = _collection(collection_id)
    return _json(
        {
            "$schema": "https://json-schema.org/draft/2019-09/schema",
            "$id": url(request, "schema", found.id),
            "type": "object",
            "title": found.title,
            "properties": feature_properties(found),
        },
        SCHEMA_JSON,
    )


@ogc_endpoint()
def schema_xsd(request: HttpRequest, collection_id: str) -> HttpResponse:
    found = _collection(collection_id)
    namespace = url(request, "landing")
    return HttpResponse(feature_xsd(found, namespace), content_type=XSD)


XSD = "application/xml"


def _render_options(crs: str) -> dict[str, Any]:
    return {
        "srid": None if srid_of(crs) == 4326 else srid_of(crs),
        "flip_axes": is_latitude_first(crs),
        "decimals": 6 if is_geographic(crs) else 3,
    }


def _geojson(body: bytes, crs: str) -> HttpResponse:
    response = HttpResponse(body, content_type=GEOJSON)
    response["Content-Crs"] = f"<{crs}>"
    return response


def _filtered(request: HttpRequest, found: Collection) -> Any:
    queryset = found.queryset(user=_user(request))
    bbox_crs = parse_crs(request.GET.get("bbox-crs"), parameter="bbox-crs")
    box = parse_bbox(request.GET.get("bbox"), crs=bbox_crs)
    if box is not None:
        queryset = queryset.filter(ogc_geometry__intersects=box)
    interval = parse_datetime_parameter(request.GET.get("datetime"))
    if interval is not None:
        queryset = temporal_filter(queryset, found, interval)
    text = request.GET.get("filter")
    if text is not None:
        # CQL2 (pygeofilter, lark, dateparser: about 25 MB) loads with the
        # first filter a worker reads, not in every worker at start.
        from .filtering import apply_filter, filter_condition

        condition = filter_condition(
            text,
            language=request.GET.get("filter-lang", "cql2-text"),
            crs=parse_crs(request.GET.get("filter-crs"), parameter="filter-crs"),
            field_lookups=found.field_lookups(),
            timestamp_lookups=found.timestamp_lookups(),
        )
        queryset = apply_filter(queryset, condition)
    return queryset


def _page_links(
    request: HttpRequest, found: Collection, *, offset: int, limit: int, matched: int
) -> list[dict[str, str]]:
    query = {key: value for key, value in request.GET.items() if key != "offset"}
    here = url(request, "items", found.id, **request.GET.dict())
    links = [
        link(here, "self", GEOJSON, "This page"),
        link(url(request, "collection", found.id), "collection", JSON, "Collection"),
        link(
            url(request, "queryables", found.id),
            QUERYABLES_REL,
            SCHEMA_JSON,
            "Queryables",
        ),
    ]
    if offset + limit < matched:
        following = url(request, "items", found.id, **query, offset=offset + limit)
        links.append(link(following, "next", GEOJSON, "Next page"))
    if offset > 0:
        previous = url(
            request, "items", found.id, **query, offset=max(0, offset - limit)
        )
        links.append(link(previous, "prev", GEOJSON, "Previous page"))
    return links


@ogc_endpoint(parameters=ITEMS_PARAMETERS)
def items(request: HttpRequest, collection_id: str) -> HttpResponse:
    found = _collection(collection_id)
    crs = parse_crs(request.GET.get("crs"), parameter="crs")
    limit = parse_limit(request.GET.get("limit"))
    offset = parse_offset(request.GET.get("offset"))
    queryset = _filtered(request, found)
    owns_transaction = not connection.in_atomic_block
    with transaction.atomic():
        if owns_transaction:  # one snapshot for the count and the page
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        matched = queryset.count()
        features = render_features(
            queryset[offset : offset + limit], found.feature, **_render_options(crs)
        )
    returned = max(0, min(limit, matched - offset))
    links = _page_links(request, found, offset=offset, limit=limit, matched=matched)
    stamp = json.dumps(_now()).encode()
    body = feature_collection(
        features,
        numberMatched=str(matched).encode(),
        numberReturned=str(returned).encode(),
        timeStamp=stamp,
        links=json.dumps(links).encode(),
    )
    response = _geojson(body, crs)
    # The weak ETag (api/conditional.py) leaves out the time of the answer.
    response.etag_content = body.replace(stamp, b"", 1)  # type: ignore[attr-defined]
    # The body's links in a header too: clients that only HEAD (Part 3's test
    # of the queryables link) or page by headers find them there.
    response["Link"] = link_header(links)
    return response


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


@ogc_endpoint(parameters=ITEM_PARAMETERS)
def item(request: HttpRequest, collection_id: str, feature_id: str) -> HttpResponse:
    found = _collection(collection_id)
    crs = parse_crs(request.GET.get("crs"), parameter="crs")
    queryset = found.queryset(user=_user(request)).filter(
        **{found.item_lookup: feature_id}
    )
    feature = render_feature(queryset, found.feature, **_render_options(crs))
    if feature is None:
        raise OGCRequestError(
            "featureId",
            _("There is no feature %(feature)r in %(collection)s.")
            % {"feature": feature_id, "collection": found.id},
            status=404,
        )
    links = [
        link(url(request, "item", found.id, feature_id), "self", GEOJSON, "This"),
        link(url(request, "collection", found.id), "collection", JSON, "Collection"),
    ]
    body = feature[:-1] + b',"links":' + json.dumps(links).encode() + b"}"
    return _geojson(body, crs)
