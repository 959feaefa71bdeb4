"""Keyset (cursor) pagination that stays correct while rows come and go.

The cursor holds the values of the ordering keys of the last row seen (always
ending in `id`), so the next page is "rows after these values": inserts and
deletes elsewhere never shift a page, unlike offsets. The ordering comes from
the queryset itself (name, -rank for search, distance_m for `near`, ...).
"""

import base64
import binascii
import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Field, IntegerField, Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from geo.rendering import FeatureSpec, render_page
from pilots.selectors.catalogue import nearest_bound

from .filters.query_parameters import reject_unknown_query_parameters

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_BULK_LIMIT = 10_000  # GeoJSON and CSV: map clients and exports
BULK_FORMATS = ("geojson", "csv")

Key = tuple[str, bool]  # (field or annotation name, descending)


@dataclass(frozen=True)
class Cursor:
    values: list[Any]
    reverse: bool
    inclusive: bool = False  # the row at `values` itself belongs to the page


def ordering_keys(queryset: QuerySet) -> list[Key]:
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    keys: list[Key] = []
    for item in order:
        if not isinstance(item, str):
            raise TypeError("keyset pagination needs orderings by name")
        name = item.lstrip("-")
        keys.append(("id" if name == "pk" else name, item.startswith("-")))
    if not any(name == "id" for name, _ in keys):
        keys.append(("id", False))
    return keys


def _order_by(keys: Sequence[Key], *, reverse: bool) -> list[str]:
    return [("-" if descending != reverse else "") + name for name, descending in keys]


def _after(keys: Sequence[Key], cursor: Cursor) -> Q:
    """Rows after the cursor's values in the keys' order (before, if reverse)."""
    condition = Q()
    equal = Q()
    for (name, descending), value in zip(keys, cursor.values, strict=True):
        lookup = "gt" if descending == cursor.reverse else "lt"
        condition |= equal & Q(**{f"{name}__{lookup}": value})
        equal &= Q(**{name: value})
    return condition | equal if cursor.inclusive else condition


class _CursorEncoder(DjangoJSONEncoder):
    """Full-precision date-times: Django's encoder cuts microseconds to ms,
    which would make a keyset on updated_at skip or repeat rows."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps(
        [cursor.values, cursor.reverse, cursor.inclusive], cls=_CursorEncoder
    )
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(text: str, keys: Sequence[Key]) -> Cursor:
    try:
        padded = text + "=" * (-len(text) % 4)
        values, reverse, inclusive = json.loads(
            base64.urlsafe_b64decode(padded.encode())
        )
    except (ValueError, TypeError, RecursionError, binascii.Error):
        raise ValidationError({"cursor": ["Invalid cursor."]}) from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise ValidationError({"cursor": ["The cursor belongs to another ordering."]})
    if not isinstance(reverse, bool) or not isinstance(inclusive, bool):
        raise ValidationError({"cursor": [_("The cursor holds the wrong types.")]})
    return Cursor(values=values, reverse=reverse, inclusive=inclusive)


def _key_field(queryset: QuerySet, name: str) -> Field | None:
    annotation = queryset.query.annotations.get(name)
    if annotation is not None:
        return annotation.output_field
    try:
        field = queryset.model._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # a related lookup: PostgreSQL compares it as given
    return field if isinstance(field, Field) else None


def _typed_value(field: Field | None, value: Any) -> Any:
    """The cursor value as its key's type; ValueError if it is not one."""
    if value is None or isinstance(value, list | dict):
        raise ValueError(value)
    if field is None:
        return value
    if isinstance(field, IntegerField) and type(value) is not int:
        raise ValueError(value)
    typed = field.to_python(value)
    field.run_validators(typed)  # integer range of the column, ...
    if typed is None:
        raise ValueError(value)
    return typed


def typed_cursor(queryset: QuerySet, keys: Sequence[Key], cursor: Cursor) -> Cursor:
    """A decoded cursor whose values fit the ordering keys' types, else a 400
    (a hand-made cursor must not reach the database as text for a number)."""
    try:
        values = [
            _typed_value(_key_field(queryset, name), value)
            for (name, _descending), value in zip(keys, cursor.values, strict=True)
        ]
    except (DjangoValidationError, ValueError, TypeError, OverflowError):
        raise ValidationError(
            {"cursor": [_("The cursor holds the wrong types.")]}
        ) from None
    return Cursor(values=values, reverse=cursor.reverse, inclusive=cursor.inclusive)


class KeysetCursorPagination(BasePagination):
    """`?limit=` (capped: 100 for JSON, 10 000 for GeoJSON and CSV), `?cursor=`."""

    limit_query_param = "limit"
    cursor_query_param = "cursor"

    def __init__(self) -> None:
        self.next_url: str | None = None
        self.previous_url: str | None = None

    # -- the page -------------------------------------------------------------
    def limit(self, request: Request) -> int:
        bulk = getattr(request.accepted_renderer, "format", None) in BULK_FORMATS
        cap = MAX_BULK_LIMIT if bulk else MAX_LIMIT
        text = request.query_params.get(self.limit_query_param)
        if text is None:
            return min(DEFAULT_LIMIT if not bulk else cap, cap)
        try:
            limit = int(text)
        except ValueError:
            raise ValidationError(
                {"limit": ["limit must be a whole number."]}
            ) from None
        if limit < 1:
            raise ValidationError({"limit": ["limit must be at least 1."]})
        return min(limit, cap)

    def _start(
        self, queryset: QuerySet, request: Request
    ) -> tuple[QuerySet, list[Key], Cursor | None, int]:
        """The queryset from the cursor on, in page order; keys; cursor; limit."""
        self.request = request
        view = (request.parser_context or {}).get("view")
        reject_unknown_query_parameters(
            request, view, paging=(self.limit_query_param, self.cursor_query_param)
        )
        keys = ordering_keys(queryset)
        limit = self.limit(request)
        text = request.query_params.get(self.cursor_query_param)
        cursor = (
            typed_cursor(queryset, keys, decode_cursor(text, keys)) if text else None
        )
        reverse = bool(cursor and cursor.reverse)
        if cursor is not None:
            queryset = queryset.filter(_after(keys, cursor))
        return queryset.order_by(*_order_by(keys, reverse=reverse)), keys, cursor, limit

    def _page(self, queryset: QuerySet, request: Request, *, fetch: Any) -> list[Any]:
        """Rows of the page via `fetch(queryset, count)`, in forward order."""
        queryset, keys, cursor, limit = self._start(queryset, request)
        if cursor is None or not cursor.reverse:
            queryset = nearest_bound(queryset, count=limit + 1)
        rows = fetch(queryset, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        if cursor is not None and cursor.reverse:
            rows.reverse()
        self._links(rows, keys, cursor=cursor, more=more)
        return rows

    def _links(
        self, rows: list[Any], keys: list[Key], *, cursor: Cursor | None, more: bool
    ) -> None:
        self.next_url = self.previous_url = None
        if not rows:
            return
        first, last = self._values(rows[0], keys), self._values(rows[-1], keys)
        backwards = cursor is not None and cursor.reverse
        if more or backwards:
            self.next_url = self._url(Cursor(values=last, reverse=False))
        if (more and backwards) or (cursor is not None and not backwards):
            self.previous_url = self._url(Cursor(values=first, reverse=True))

    @staticmethod
    def _values(row: Any, keys: list[Key]) -> list[Any]:
        if isinstance(row, tuple):
            return list(row[: len(keys)])
        return [getattr(row, name) for name, _ in keys]

    def _url(self, cursor: Cursor) -> str:
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, encode_cursor(cursor))

    # -- JSON (DRF's list) ----------------------------------------------------
    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any]:
        return self._page(queryset, request, fetch=lambda qs, n: list(qs[:n]))

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {"next": self.next_url, "previous": self.previous_url, "results": data},
            headers=self.link_headers(),
        )

    def link_headers(self) -> dict[str, str]:
        """The page's `next` and `prev` as an RFC 8288 Link header (if any)."""
        header = link_header(
            [
                (url, rel)
                for url, rel in ((self.next_url, "next"), (self.previous_url, "prev"))
                if url is not None
            ]
        )
        return {"Link": header} if header else {}

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque cursor from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Rows per page: default {DEFAULT_LIMIT}, at most {MAX_LIMIT} "
                    f"for JSON and {MAX_BULK_LIMIT} for GeoJSON and CSV."
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]

    # -- GeoJSON --------------------------------------------------------------
    def paginate_features(
        self, queryset: QuerySet, request: Request, spec: FeatureSpec
    ) -> tuple[bytes, list[dict[str, str]]]:
        """The page's features (built by PostGIS) and its links.

        One statement whatever the page size: the page is chosen on the
        model's table alone (LIMIT limit + 1, with its ordering keys and the
        columns the render reads), only its rows are joined and rendered,
        and the keys of its first and last rows come back with it for the
        links. A `near` page first finds the disc that holds
        it (selectors.nearest_bound: one KNN statement).
        """
        page, keys, cursor, limit = self._start(queryset, request)
        backwards = cursor is not None and cursor.reverse
        if not backwards:  # the bound is around the centre: forward pages only
            page = nearest_bound(page, count=limit + 1)
        rendered = render_page(
            page,
            spec,
            keys=[name for name, _ in keys],
            limit=limit,
            backwards=backwards,
        )
        edges = [row for row in (rendered.first, rendered.last) if row is not None]
        if backwards:
            edges.reverse()
        self._links(edges, keys, cursor=cursor, more=rendered.fetched > limit)
        links = [
            {"rel": rel, "href": url, "type": "application/geo+json"}
            for rel, url in (("next", self.next_url), ("prev", self.previous_url))
            if url is not None
        ]
        return rendered.features, links


def link_header(links: Sequence[tuple[str, str]]) -> str:
    """`<url>; rel="next", <url>; rel="prev"` (RFC 8288) of (url, rel) pairs."""
    return ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links)


def without_cursor(url: str) -> str:
    return remove_query_param(url, KeysetCursorPagination.cursor_query_param)
