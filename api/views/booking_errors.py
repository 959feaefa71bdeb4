"""Booking service errors as HTTP: 400 naming the rule or field, 403, and 409
naming the conflicting period (never who holds it)."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError

from pilots.services.booking_rules import BookingRuleBroken, district_zone
from pilots.services.bookings import BookingConflict, BookingInvalid
from pilots.services.transitions import (
    ReasonRequired,
    TransitionForbidden,
    TransitionNotAllowed,
)
from pilots.timestamps import format_timestamp


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT

    def __init__(self, detail: str, **extra: object) -> None:
        super().__init__(detail)
        self.extra = extra


@contextmanager
def booking_errors() -> Iterator[None]:
    try:
        yield
    except BookingRuleBroken as error:
        raise ValidationError({error.rule: [error.message]}) from None
    except BookingInvalid as error:
        raise ValidationError({error.field: [error.message]}) from None
    except ReasonRequired as error:
        raise ValidationError({"reason": [error.message]}) from None
    except TransitionForbidden as error:
        raise PermissionDenied(error.message) from None
    except TransitionNotAllowed as error:
        raise Conflict(
            error.message, status_now=error.status, allowed=error.allowed
        ) from None
    except BookingConflict as error:
        # The sentence for people in district time, the member for programs.
        zone = district_zone()
        raise Conflict(
            _("The resource is taken from %(start)s to %(end)s.")
            % {
                "start": error.start.astimezone(zone).isoformat(),
                "end": error.end.astimezone(zone).isoformat(),
            },
            conflict={
                "start": format_timestamp(error.start),
                "end": format_timestamp(error.end),
            },
        ) from None
