"""Domain errors from services, as DRF errors (so they become problem details)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.exceptions import ValidationError

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
