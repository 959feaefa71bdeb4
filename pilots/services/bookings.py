"""Booking a resource: request, confirm, decline, cancel.

    (new) ─request→ requested ─confirm→ confirmed ─cancel→ cancelled
                    requested ─decline→ declined
                    requested ─cancel→ cancelled

A resource without approval confirms a request that fits at once. Every write
locks the resource row first, so the capacity count of a shared resource is
exact; for an exclusive one PostgreSQL's exclusion constraint is the guarantee.
"""

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.backends.postgresql.psycopg_any import DateTimeTZRange
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    BookableResource,
    Booking,
    BookingTransition,
    Organization,
    PilotProject,
)
from ..notifications.booking_events import booking_event_record
from ..selectors.bookings import confirmed_spans
from ..selectors.permissions import (
    is_pilot_editor,
    organization_admin_ids,
    organization_member_ids,
)
from .booking_rules import booking_rules_check
from .transitions import (
    Rule,
    TransitionForbidden,
    Transitions,
    checked_reason,
)

State = Booking.State
Action = BookingTransition.Action


class BookingConflict(Exception):
    """The period is taken: `start`/`end` is the conflicting period."""

    def __init__(self, start: datetime, end: datetime) -> None:
        super().__init__(f"taken from {start} to {end}")
        self.start = start
        self.end = end


class BookingInvalid(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


TRANSITIONS = Transitions(
    {
        Action.CONFIRM: Rule(frozenset({State.REQUESTED}), State.CONFIRMED),
        Action.DECLINE: Rule(frozenset({State.REQUESTED}), State.DECLINED),
        Action.CANCEL: Rule(
            frozenset({State.REQUESTED, State.CONFIRMED}), State.CANCELLED
        ),
    }
)


def allowed_booking_actions(state: str) -> list[str]:
    return TRANSITIONS.allowed(state)


def is_resource_host(user: Any, resource: BookableResource) -> bool:
    return resource.site.host_id in organization_admin_ids(user)


def _locked(resource: BookableResource) -> BookableResource:
    return (
        BookableResource.objects.select_for_update()
        .select_related("site")
        .get(pk=resource.pk)
    )


def _taken_period(
    resource: BookableResource, start: datetime, end: datetime, *, exclude: int = 0
) -> tuple[datetime, datetime] | None:
    """The first stretch of [start, end) where confirmed bookings already fill
    the resource's capacity; None when the period is free."""
    periods = confirmed_spans(resource.pk, start, end, exclude=exclude)
    events = sorted(
        [(max(lower, start), 1) for lower, _upper in periods]
        + [(min(upper, end), -1) for _lower, upper in periods],
        key=lambda event: (event[0], event[1]),
    )
    in_use = 0
    full_since: datetime | None = None
    for moment, change in events:
        in_use += change
        if in_use >= resource.capacity and full_since is None:
            full_since = moment
        elif in_use < resource.capacity and full_since is not None:
            return (full_since, moment)
    return None


def _record(
    booking: Booking, action: str, from_state: str, actor: Any, reason: str = ""
) -> BookingTransition:
    record = BookingTransition.objects.create(
        booking=booking,
        action=action,
        from_state=from_state,
        to_state=booking.state,
        actor=actor,
        reason=reason,
    )
    booking_event_record(booking=booking, transition=record)
    return record


def _confirm(booking: Booking, resource: BookableResource) -> None:
    start, end = booking.period.lower, booking.period.upper
    taken = _taken_period(resource, start, end, exclude=booking.pk or 0)
    if taken is not None:
        raise BookingConflict(*taken)
    booking.state = State.CONFIRMED
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # the exclusion constraint: never overlap
        raise BookingConflict(start, end) from error


@transaction.atomic
def booking_request(
    *,
    resource: BookableResource,
    organization: Organization,
    actor: Any,
    start: datetime,
    end: datetime,
    purpose: str,
    pilot: PilotProject | None = None,
) -> Booking:
    """Ask for [start, end) on behalf of `organization`; confirmed at once when
    the resource needs no approval."""
    if organization.pk not in organization_member_ids(actor):
        raise BookingInvalid(
            "organization", _("You can only book for an organisation you belong to.")
        )
    if pilot is not None and not is_pilot_editor(actor, pilot):
        raise BookingInvalid("pilot", _("You can only link a pilot you work on."))
    resource = _locked(resource)
    booking_rules_check(resource=resource, start=start, end=end, now=timezone.now())
    taken = _taken_period(resource, start, end)
    if taken is not None:
        raise BookingConflict(*taken)
    booking = Booking(
        resource=resource,
        exclusive=resource.exclusive,
        period=DateTimeTZRange(start, end),
        organization=organization,
        booker=actor,
        purpose=purpose,
        pilot=pilot,
        state=State.REQUESTED,
    )
    if resource.approval_required:
        booking.save()
    else:
        _confirm(booking, resource)
    _record(booking, Action.REQUEST, "", actor)
    return booking


@transaction.atomic
def booking_transition(
    *, booking: Booking, actor: Any, action: str, reason: str = ""
) -> BookingTransition:
    """Confirm or decline (the host's admins) or cancel (the booker or a host)."""
    resource = _locked(booking.resource)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    rule = TRANSITIONS.rule(action, booking.state)
    host = is_resource_host(actor, resource)
    may = host or (action == Action.CANCEL and booking.booker_id == actor.pk)
    if not may:
        raise TransitionForbidden(
            _("Only the admins of the resource's host may do this.")
        )
    TRANSITIONS.check_source(action, booking.state, _cannot)
    needs_reason = action == Action.DECLINE or (
        action == Action.CANCEL and booking.booker_id != actor.pk
    )
    reason = checked_reason(reason, required=needs_reason)
    from_state = booking.state
    if action == Action.CONFIRM:
        _confirm(booking, resource)
    else:
        booking.state = rule.target
    booking.decision_reason = reason or booking.decision_reason
    booking.save()
    return _record(booking, action, from_state, actor, reason)


def _cannot(state: str, action: str, allowed: list[str]) -> str:
    return _(
        "A booking in state “%(state)s” cannot %(action)s; "
        "allowed from here: %(allowed)s."
    ) % {
        "state": str(State(state).label),
        "action": str(Action(action).label).lower(),
        "allowed": ", ".join(allowed) or _("none"),
    }
