"""Domain errors from services, as DRF errors (so they become problem details)."""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import Model
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError

T = TypeVar("T")


@contextmanager
def domain_errors_as_400() -> Iterator[None]:
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(error.message_dict) from None
        raise ValidationError(error.messages) from None


def call_service(service: Callable[..., T], **kwargs: object) -> T:
    with domain_errors_as_400():
        return service(**kwargs)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the data."
    default_code = "conflict"


class FieldConflict(ValidationError):
    """A value another request stored first: 409, naming the field."""

    status_code = status.HTTP_409_CONFLICT


_DUPLICATE_KEY = re.compile(r"Key \(([^)]+)\)=")


def _taken_field(error: IntegrityError, model: type[Model]) -> str | None:
    """The model field whose unique value is taken, from the driver's report."""
    diag = getattr(error.__cause__, "diag", None)
    match = _DUPLICATE_KEY.search(getattr(diag, "message_detail", None) or "")
    if match is None:
        return None
    columns = {field.column: field.name for field in model._meta.concrete_fields}
    return columns.get(match.group(1).strip())


def integrity_conflict(error: IntegrityError, model: type[Model]) -> APIException:
    """A 409 for a write the database refused, without the database's text
    (two requests creating one slug at once: the second meets the unique index,
    having passed the serializer's check before the first committed)."""
    field = _taken_field(error, model)
    if field is not None:
        return FieldConflict({field: [_("This value is already taken.")]})
    return Conflict(
        _(
            "The data conflicts with a stored row (a unique value is taken or a "
            "rule is broken)."
        )
    )
