"""The API's own OpenAPI document, read once, and helpers to walk it."""

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.test import Client

HTTP_METHODS = ("get", "put", "post", "patch", "delete")


@functools.cache
def document() -> dict[str, Any]:
    response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


def resolve(node: Any) -> Any:
    """Follow local $refs (one document, no cycles in geometry schemas)."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def query_parameters(self) -> dict[str, dict[str, Any]]:
        return {
            parameter["name"]: parameter
            for parameter in map(resolve, self.spec.get("parameters", []))
            if parameter.get("in") == "query"
        }

    def json_body_schema(self) -> dict[str, Any] | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        body = content.get("application/json")
        return resolve(body["schema"]) if body else None


def operations() -> Iterator[Operation]:
    for path, item in document()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield Operation(method, path, item[method])


def is_geometry_schema(node: Any) -> bool:
    node = resolve(node)
    if not isinstance(node, dict):
        return False
    for key in ("oneOf", "anyOf", "allOf"):
        if any(is_geometry_schema(part) for part in node.get(key, [])):
            return True
    return "coordinates" in node.get("properties", {})


def geometry_body_fields(operation: Operation) -> list[str]:
    body = operation.json_body_schema()
    if not body:
        return []
    return [
        name
        for name, node in body.get("properties", {}).items()
        if is_geometry_schema(node) and not resolve(node).get("readOnly")
    ]


def geometry_query_parameters(operation: Operation) -> list[str]:
    """Query parameters that take a GeoJSON geometry (e.g. `intersects`)."""
    return [
        name
        for name, parameter in operation.query_parameters().items()
        if name == "intersects"
        or "geojson geometry" in (parameter.get("description") or "").lower()
    ]
