"""Optimistic concurrency for detail resources: ETag and If-Match.

A detail response carries `ETag: "<hash of model, id, updated_at>-<format>-
<language>"`: the version, then the representation (JSON, GeoJSON, CSV; en,
nb), so a cache never serves one representation for another. A PUT, PATCH or
DELETE whose `If-Match` names another version (in any representation) answers
412, so two editors cannot silently overwrite each other; `If-None-Match` on
GET answers 304 when nothing changed.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _(
        "The resource changed since you read it (If-Match does not match its "
        "ETag); fetch it again and reapply your change."
    )
    default_code = "precondition_failed"


def etag_for(instance: Model) -> str:
    version = getattr(instance, "updated_at", None)
    stamp = version.isoformat() if version is not None else ""
    raw = f"{instance._meta.label}:{instance.pk}:{stamp}".encode()
    return '"' + hashlib.sha256(raw).hexdigest()[:32] + '"'


def representation_etag(version: str, request: Request) -> str:
    """The version's tag for the representation this request gets."""
    renderer = getattr(request, "accepted_renderer", None)
    media = getattr(renderer, "format", None) or "json"
    language = translation.get_language() or settings.LANGUAGE_CODE
    return f'{version[:-1]}-{media}-{language}"'


def _listed(header: str) -> list[str]:
    tags = [tag.strip() for tag in header.split(",") if tag.strip()]
    return [tag.removeprefix("W/") for tag in tags]


def _version_of(tag: str) -> str:
    """The version part of a representation's tag (`"<hash>-json-en"`)."""
    return tag if tag == "*" else tag.split("-", 1)[0].rstrip('"') + '"'


def check_if_match(request: Request, instance: Model) -> None:
    header = request.headers.get("If-Match")
    if not header:
        return
    versions = {_version_of(tag) for tag in _listed(header)}
    if "*" not in versions and etag_for(instance) not in versions:
        raise PreconditionFailed()


class ETagMixin:
    """For ModelViewSets: ETag on retrieve/update, If-Match on writes."""

    def get_object(self) -> Any:
        instance = super().get_object()  # type: ignore[misc]
        request = self.request  # type: ignore[attr-defined]
        if request.method in ("PUT", "PATCH", "DELETE"):
            check_if_match(request, instance)
        return instance

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        tag = representation_etag(etag_for(instance), request)
        if tag in _listed(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        response = super().retrieve(request, *args, **kwargs)  # type: ignore[misc]
        response["ETag"] = tag
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().update(request, *args, **kwargs)  # type: ignore[misc]
        instance = getattr(response, "instance", None) or self._updated_instance()
        if instance is not None:
            response["ETag"] = representation_etag(etag_for(instance), request)
        return response

    def _updated_instance(self) -> Model | None:
        lookup = self.lookup_url_kwarg or self.lookup_field  # type: ignore[attr-defined]
        value = self.kwargs.get(lookup)  # type: ignore[attr-defined]
        return (
            self.get_queryset()  # type: ignore[attr-defined]
            .filter(**{self.lookup_field: value})  # type: ignore[attr-defined]
            .first()
        )
