"""Optimistic concurrency for detail resources: ETag and If-Match.

A detail response carries `ETag: "<hash of model, id, updated_at>-<format>-
<language>"`: the version, then the representation (JSON, GeoJSON, CSV; en,
nb), so a cache never serves one representation for another. A PUT, PATCH or
DELETE whose `If-Match` names another version (in any representation) answers
412, so two editors cannot silently overwrite each other; `If-None-Match` on
GET answers 304 when nothing changed. A write locks the row and compares the
tag in the same transaction as the write, so of several writers holding one
tag exactly one gets through.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.http import Http404
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


def lock_current(instance: Model, *, deleting: bool = False) -> None:
    """Lock the row until the transaction ends; reload it if it changed since
    it was read, so the tag is compared (and the write applied) to its latest
    version. An update takes FOR NO KEY UPDATE, which still lets other rows
    reference this one meanwhile; a delete takes FOR UPDATE."""
    model = type(instance)
    read_stamp = getattr(instance, "updated_at", None)
    stamp_field = "updated_at" if hasattr(instance, "updated_at") else "pk"
    row = (
        model._default_manager.select_for_update(no_key=not deleting)
        .filter(pk=instance.pk)
        .values_list("pk", stamp_field)
        .first()
    )
    if row is None:  # deleted meanwhile
        raise Http404
    if stamp_field == "updated_at" and row[1] != read_stamp:
        instance.refresh_from_db()


def check_if_match(request: Request, instance: Model) -> None:
    header = request.headers.get("If-Match")
    if not header:
        return
    versions = {_version_of(tag) for tag in _listed(header)}
    if "*" not in versions and etag_for(instance) not in versions:
        raise PreconditionFailed()


class ETagMixin:
    """For ModelViewSets: ETag on retrieve/update, If-Match on writes (checked
    under the row lock, in the write's transaction)."""

    def get_object(self) -> Any:
        instance = super().get_object()  # type: ignore[misc]
        request = self.request  # type: ignore[attr-defined]
        if request.method in ("PUT", "PATCH", "DELETE"):
            lock_current(instance, deleting=request.method == "DELETE")
            check_if_match(request, instance)
        return instance

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)  # type: ignore[misc]

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        tag = representation_etag(etag_for(instance), request)
        if tag in _listed(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        response = super().retrieve(request, *args, **kwargs)  # type: ignore[misc]
        response["ETag"] = tag
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
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
