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


def _answer(description: str, media_type: str) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {media_type: {"schema": {"type": "object"}}},
        },
        "400": {"$ref": "#/components/responses/Problem"},
        "404": {"$ref": "#/components/responses/Problem"},
    }


def _get(
    operation_id: str, summary: str, media_type: str, parameters: list[str]
) -> dict[str, Any]:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["OGC API - Features"],
            "parameters": [_ref(name) for name in parameters],
            "responses": _answer(summary, media_type),
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
        },
        "servers": [{"url": server_url}],
        "tags": [{"name": "OGC API - Features"}],
        "paths": {
            "/": _get("landingPage", "The landing page", json_type, ["f"]),
            "/api": _get(
                "apiDocument",
                "This OpenAPI document",
                "application/vnd.oai.openapi+json;version=3.0",
                ["f"],
            ),
            "/conformance": _get(
                "conformance", "The conformance classes", json_type, ["f"]
            ),
            "/collections": _get("collections", "The collections", json_type, ["f"]),
            "/collections/{collectionId}": _get(
                "collection", "One collection", json_type, ["collectionId", "f"]
            ),
            "/collections/{collectionId}/queryables": _get(
                "queryables",
                "The properties a filter may use",
                "application/schema+json",
                ["collectionId", "f"],
            ),
            "/collections/{collectionId}/items": _get(
                "items", "The features", geojson_type, ITEMS_PARAMETERS
            ),
            "/collections/{collectionId}/items/{featureId}": _get(
                "item",
                "One feature",
                geojson_type,
                ["collectionId", "featureId", "f", "crs"],
            ),
        },
        "components": {
            "parameters": PARAMETERS,
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
