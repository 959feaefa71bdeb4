"""Lists answer 400 to a query parameter they do not know, as /ogc does.

A typo (`?sectors=mobility` for `sector`) would otherwise be ignored and the
client would read every row as if filtered. A list knows `format`, its
FilterSet's filters, its paginator's `cursor` and `limit`, and any
`extra_query_parameters` its view declares.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

ALWAYS_KNOWN = frozenset({"format"})


def known_query_parameters(view: Any, paging: Iterable[str] = ()) -> set[str]:
    known = set(ALWAYS_KNOWN) | set(paging)
    known |= set(getattr(view, "extra_query_parameters", ()))
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        known |= set(filterset_class.base_filters)
    return known


def reject_unknown_query_parameters(
    request: Request, view: Any, paging: Iterable[str] = ()
) -> None:
    """A 400 problem naming each unknown parameter and listing the known ones."""
    known = known_query_parameters(view, paging)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        message = gettext("Unknown query parameter. Known parameters: %(known)s.") % {
            "known": ", ".join(sorted(known))
        }
        raise ValidationError({name: [message] for name in unknown})


class KnownQueryParameters(BaseFilterBackend):
    """For lists without pagination (plain arrays): the same check."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> Any:
        if getattr(view, "action", "list") == "list":
            reject_unknown_query_parameters(request, view)
        return queryset
