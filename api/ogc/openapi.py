"""The OpenAPI 3.0 document of /ogc (the landing page's `service-desc`)."""

from typing import Any

from geo.crs import CRS84, SUPPORTED_CRS

from .collections import COLLECTIONS
from .parameters import DEFAULT_LIMIT, FILTER_LANGUAGES, MAX_LIMIT, MAX_OFFSET

_CRS_SCHEMA = {"type": "string", "format": "uri", "enum": list(SUPPORTED_CRS)}


def _query(name: str, description: str, schema: dict[str, Any], **extra: Any) -> Any:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


PARAMETERS: dict[str, Any] = {
    "f": _query("f", "The response format.", {"type": "string", "enum": ["json"]}),
    "limit": _query(
        "limit",
        f"The page size; larger values are capped at {MAX_LIMIT}.",
        {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_LIMIT,
            "default": DEFAULT_LIMIT,
        },
        style="form",
        explode=False,
    ),
    "offset": _query(
        "offset",
        "Rows to skip (follow `next` links).",
        {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
    ),
    "bbox": _query(
        "bbox",
        "Features meeting the box: minx,miny,maxx,maxy (in bbox-crs axis order).",
        {
            "type": "array",
            "minItems": 4,
            "maxItems": 6,
            "items": {"type": "number"},
        },
        style="form",
        explode=False,
    ),
    "bbox-crs": _query("bbox-crs", f"The CRS of bbox (default {CRS84}).", _CRS_SCHEMA),
    "crs": _query("crs", f"The CRS of the response (default {CRS84}).", _CRS_SCHEMA),
    "datetime": _query(
        "datetime",
        "An RFC 3339 instant or an interval start/end; '..' is an open end.",
        {"type": "string"},
        style="form",
        explode=False,
    ),
    "filter": _query(
        "filter", "A CQL2 filter over the queryables.", {"type": "string"}
    ),
    "filter-lang": _query(
        "filter-lang",
        "The language of filter.",
        {"type": "string", "enum": list(FILTER_LANGUAGES), "default": "cql2-text"},
    ),
    "filter-crs": _query(
        "filter-crs",
        "The CRS of filter geometries.",
        {"type": "string", "enum": [CRS84]},
    ),
    "collectionId": {
        "name": "collectionId",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": list(COLLECTIONS)},
    },
    "featureId": {
        "name": "featureId",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
    },
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/parameters/{name}"}


HEADERS: dict[str, Any] = {
    "Content-Crs": {
        "description": "The CRS of the geometries in the body (OGC API - Features "
        "Part 2), as a URI in angle brackets.",
        "schema": {
            "type": "string",
            "example": "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>",
        },
    },
    "Link": {
        "description": "RFC 8288 links with their media types, the same as "
        "the body's (`self`, `collection`, queryables, `next`, `prev`).",
        "schema": {"type": "string"},
    },
}
# The headers each feature answer carries.
FEATURE_HEADERS = {"items": ["Content-Crs", "Link"], "item": ["Content-Crs"]}


def _answer(description: str, media_type: str, headers: list[str]) -> dict[str, Any]:
    ok: dict[str, Any] = {
        "description": description,
        "content": {media_type: {"schema": {"type": "object"}}},
    }
    if headers:
        ok["headers"] = {
            name: {"$ref": f"#/components/headers/{name}"} for name in headers
        }
    return {
        "200": ok,
        "400": {"$ref": "#/components/responses/Problem"},
        "404": {"$ref": "#/components/responses/Problem"},
    }


def _get(
    operation_id: str,
    summary: str,
    media_type: str,
    parameters: list[str],
    description: str,
) -> dict[str, Any]:
    headers = FEATURE_HEADERS.get(operation_id, [])
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "description": description,
            "tags": ["OGC API - Features"],
            "parameters": [_ref(name) for name in parameters],
            "responses": _answer(summary, media_type, headers),
        }
    }


ITEMS_PARAMETERS = [
    "collectionId",
    "f",
    "limit",
    "offset",
    "bbox",
    "bbox-crs",
    "datetime",
    "crs",
    "filter",
    "filter-lang",
    "filter-crs",
]


def openapi_document(server_url: str) -> dict[str, Any]:
    json_type, geojson_type = "application/json", "application/geo+json"
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Trondheim Tech Port registry - OGC API - Features",
            "version": "1.0.0",
            "description": "Test sites, pilot projects and zones of the district.",
            "contact": {"name": "Trondheim Tech Port"},
        },
        "servers": [{"url": server_url}],
        # Open data: every operation is public, no credentials are read.
        "security": [],
        "tags": [
            {
                "name": "OGC API - Features",
                "description": "The catalogue as OGC API - Features collections.",
            }
        ],
        "paths": {
            "/": _get(
                "landingPage",
                "The landing page",
                json_type,
                ["f"],
                "Links to this document, the conformance classes and the data.",
            ),
            "/api": _get(
                "apiDocument",
                "This OpenAPI document",
                "application/vnd.oai.openapi+json;version=3.0",
                ["f"],
                "The service description (OpenAPI 3.0).",
            ),
            "/conformance": _get(
                "conformance",
                "The conformance classes",
                json_type,
                ["f"],
                "The OGC API - Features conformance classes this server meets.",
            ),
            "/collections": _get(
                "collections",
                "The collections",
                json_type,
                ["f"],
                "Sites, pilots, opportunities and zones, with extents and links.",
            ),
            "/collections/{collectionId}": _get(
                "collection",
                "One collection",
                json_type,
                ["collectionId", "f"],
                "A collection's extent, CRSs and links.",
            ),
            "/collections/{collectionId}/queryables": _get(
                "queryables",
                "The properties a filter may use",
                "application/schema+json",
                ["collectionId", "f"],
                "A JSON Schema of the properties CQL2 filters may name.",
            ),
            "/collections/{collectionId}/items": _get(
                "items",
                "The features",
                geojson_type,
                ITEMS_PARAMETERS,
                "A page of features (GeoJSON), filtered by bbox, datetime and "
                "CQL2; `next`/`prev` links page on.",
            ),
            "/collections/{collectionId}/items/{featureId}": _get(
                "item",
                "One feature",
                geojson_type,
                ["collectionId", "featureId", "f", "crs"],
                "One feature (GeoJSON) by its id.",
            ),
        },
        "components": {
            "parameters": PARAMETERS,
            "headers": HEADERS,
            "responses": {
                "Problem": {
                    "description": "RFC 9457 problem details",
                    "content": {
                        "application/problem+json": {"schema": {"type": "object"}}
                    },
                }
            },
        },
    }
