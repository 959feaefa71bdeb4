"""Keyset pages for lists served by plain APIViews (history, members, ...).

A view sets `pagination_class = KeysetCursorPagination` (so the OpenAPI document
shows the `cursor` and `limit` parameters and the page envelope) and answers with
`paginated(...)`; the queryset's ordering is the page order.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from rest_framework.request import Request
from rest_framework.response import Response

from ..pagination import KeysetCursorPagination


def paginated(
    request: Request,
    view: Any,
    queryset: QuerySet,
    serialize: Callable[[Sequence[Any]], Any],
) -> Response:
    paginator = KeysetCursorPagination()
    rows = paginator.paginate_queryset(queryset, request, view)
    return paginator.get_paginated_response(serialize(rows))
