"""The opportunity review workflow (issue 13): an explicit table of transitions.

    draft ─submit→ submitted ─approve→ published ─close→ closed
    changes_requested ─submit→ submitted ─request-changes→ changes_requested
    submitted ─reject→ rejected
    draft / changes_requested ─publish→ published   (verified organisations)

A fresh account can create an organisation and a draft, but only a moderator
makes it public (approve), unless a moderator has verified the publishing
organisation: then its admins publish directly. Publishing (approve or publish)
writes the outbox record that matches and notifies subscribers, after the
organisation's daily notification cap is checked. Every step is stored with
who, when and why; the HTTP answers mirror the pilot workflow's.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Opportunity, OpportunityTransition, OutboxEvent
from ..notifications.cap import notification_cap_check
from ..notifications.outbox import outbox_event_enqueue
from ..selectors.permissions import is_moderator
from .opportunities import _refresh_footprint, may_manage
from .transitions import Rule, TransitionForbidden, Transitions, checked_reason

Status = Opportunity.Status
Action = OpportunityTransition.Action
EDITABLE = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})

TRANSITIONS = Transitions(
    {
        Action.SUBMIT: Rule(EDITABLE, Status.SUBMITTED, False),
        Action.APPROVE: Rule(frozenset({Status.SUBMITTED}), Status.PUBLISHED, True),
        Action.REQUEST_CHANGES: Rule(
            frozenset({Status.SUBMITTED}), Status.CHANGES_REQUESTED, True, True
        ),
        Action.REJECT: Rule(frozenset({Status.SUBMITTED}), Status.REJECTED, True, True),
        Action.PUBLISH: Rule(EDITABLE, Status.PUBLISHED, False),
        Action.CLOSE: Rule(frozenset({Status.PUBLISHED}), Status.CLOSED, False),
    }
)


def opportunity_allowed_actions(status: str) -> list[str]:
    """The actions legal from `status`, in table order."""
    return TRANSITIONS.allowed(status)


def publisher_is_verified(opportunity: Opportunity) -> bool:
    return opportunity.publisher.verified_at is not None


def _refusal(actor: Any, opportunity: Opportunity, action: str) -> str | None:
    """Why `actor` may not take `action` (None: they may)."""
    rule = TRANSITIONS[action]
    if rule.by_moderator:
        if is_moderator(actor):
            return None
        return _("Only moderators may %(action)s an opportunity.") % {"action": action}
    if not may_manage(actor, opportunity.publisher_id):
        return _("Only the publishing organisation's admins or moderators may do this.")
    if (
        action == Action.PUBLISH
        and not is_moderator(actor)
        and not publisher_is_verified(opportunity)
    ):
        return _(
            "The publishing organisation is not verified yet: submit the "
            "opportunity for review and a moderator publishes it."
        )
    return None


def _cannot(status: str, action: str, allowed: list[str]) -> str:
    return _(
        "An opportunity in status “%(status)s” cannot %(action)s; "
        "allowed from here: %(allowed)s."
    ) % {"status": status, "action": action, "allowed": ", ".join(allowed) or _("none")}


def _publish(opportunity: Opportunity, now: Any) -> list[str]:
    """Checks and effects of going public; the extra fields to save."""
    if opportunity.deadline is not None and opportunity.deadline <= now:
        raise ValidationError({"deadline": _("The deadline has already passed.")})
    _refresh_footprint(opportunity)
    recipients = notification_cap_check(opportunity=opportunity)
    opportunity.published_at = now
    event = OutboxEvent.objects.create(
        kind=OutboxEvent.Kind.OPPORTUNITY_PUBLISHED,
        opportunity=opportunity,
        recipients=recipients,
    )
    transaction.on_commit(lambda: outbox_event_enqueue(event.pk))
    return ["published_at"]


@transaction.atomic
def opportunity_transition(
    *, opportunity: Opportunity, actor: Any, action: str, reason: str = ""
) -> OpportunityTransition:
    """Move `opportunity` by `action` and record it."""
    rule = TRANSITIONS.rule(action, opportunity.status)
    # Lock the row: two clicks at once make one transition.
    opportunity = (
        Opportunity.objects.select_for_update(of=("self",))
        .select_related("publisher")
        .get(pk=opportunity.pk)
    )
    refusal = _refusal(actor, opportunity, action)
    if refusal is not None:
        raise TransitionForbidden(refusal)
    TRANSITIONS.check_source(action, opportunity.status, _cannot)
    reason = checked_reason(reason, required=rule.reason_required)
    now = timezone.now()
    update_fields = ["status", "updated_at"]
    if rule.target == Status.PUBLISHED:
        update_fields += _publish(opportunity, now)
    if action == Action.SUBMIT:
        opportunity.submitted_at = now
        update_fields.append("submitted_at")
    if action == Action.CLOSE:
        opportunity.closed_at = now
        update_fields.append("closed_at")
    if rule.by_moderator:
        opportunity.moderation_reason = reason
        update_fields.append("moderation_reason")
    record = OpportunityTransition.objects.create(
        opportunity=opportunity,
        action=action,
        from_status=opportunity.status,
        to_status=rule.target,
        actor=actor if getattr(actor, "pk", None) else None,
        reason=reason,
    )
    opportunity.status = rule.target
    opportunity._history_user = actor  # type: ignore[attr-defined]
    opportunity.save(update_fields=update_fields)
    return record
