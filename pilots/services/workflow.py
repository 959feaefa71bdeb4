"""The pilot registration workflow: an explicit table of transitions.

    draft ─submit→ submitted ─approve→ published ─start→ active ─complete→ completed
    changes_requested ─submit→ submitted ─request-changes→ changes_requested
    submitted ─reject→ rejected
    published/active/completed ─unpublish→ changes_requested

Editors (the owner and collaborators) submit, start and complete; moderators
approve, request changes, reject and unpublish. Every transition is stored
(who, when, why) and emails the owner through Celery.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enqueue import PILOT_TRANSITION_EMAIL, enqueue_on_commit
from ..models import PilotProject, PilotTransition
from ..selectors.permissions import is_moderator, is_pilot_editor
from .transitions import Rule, TransitionForbidden, Transitions, checked_reason

Status = PilotProject.Status
Action = PilotTransition.Action

TRANSITIONS = Transitions(
    {
        Action.SUBMIT: Rule(
            frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.SUBMITTED, False
        ),
        Action.APPROVE: Rule(frozenset({Status.SUBMITTED}), Status.PUBLISHED, True),
        Action.REQUEST_CHANGES: Rule(
            frozenset({Status.SUBMITTED}), Status.CHANGES_REQUESTED, True, True
        ),
        Action.REJECT: Rule(frozenset({Status.SUBMITTED}), Status.REJECTED, True, True),
        Action.START: Rule(frozenset({Status.PUBLISHED}), Status.ACTIVE, False),
        Action.COMPLETE: Rule(frozenset({Status.ACTIVE}), Status.COMPLETED, False),
        Action.UNPUBLISH: Rule(
            frozenset(PilotProject.PUBLIC_STATUSES),
            Status.CHANGES_REQUESTED,
            True,
            True,
        ),
    }
)


def allowed_actions(status: str) -> list[str]:
    """The actions legal from `status`, in table order."""
    return TRANSITIONS.allowed(status)


def _may_act(actor: Any, pilot: PilotProject, rule: Rule) -> bool:
    if rule.by_moderator:
        return is_moderator(actor)
    return is_pilot_editor(actor, pilot)


@transaction.atomic
def pilot_transition(
    *, pilot: PilotProject, actor: Any, action: str, reason: str = ""
) -> PilotTransition:
    """Move `pilot` by `action`, record it and queue the owner's email."""
    rule = TRANSITIONS.rule(action, pilot.status)
    # Lock the row: two moderators clicking at once make one transition.
    pilot = PilotProject.objects.select_for_update().get(pk=pilot.pk)
    if not _may_act(actor, pilot, rule):
        message = (
            _("Only moderators may %(action)s a pilot.")
            if rule.by_moderator
            else _("Only the owner or a collaborator may %(action)s a pilot.")
        )
        raise TransitionForbidden(message % {"action": _action_name(action)})
    TRANSITIONS.check_source(action, pilot.status, _cannot)
    reason = checked_reason(reason, required=rule.reason_required)
    record = PilotTransition.objects.create(
        pilot=pilot,
        action=action,
        from_status=pilot.status,
        to_status=rule.target,
        actor=actor,
        reason=reason,
    )
    pilot.status = rule.target
    now = timezone.now()
    update_fields = ["status", "updated_at"]
    if action == Action.SUBMIT:
        pilot.submitted_at = now
        update_fields.append("submitted_at")
    if action == Action.APPROVE:
        pilot.published_at = now
        update_fields.append("published_at")
    if rule.by_moderator:
        pilot.moderation_reason = reason
        update_fields.append("moderation_reason")
    pilot._history_user = actor  # type: ignore[attr-defined]
    pilot.save(update_fields=update_fields)
    _queue_transition_email(record.pk)
    return record


def _cannot(status: str, action: str, allowed: list[str]) -> str:
    return _(
        "A pilot in status “%(status)s” cannot %(action)s; "
        "allowed from here: %(allowed)s."
    ) % {
        "status": Status(status).label,
        "action": _action_name(action),
        "allowed": ", ".join(_action_name(name) for name in allowed) or _("none"),
    }


def _action_name(action: str) -> str:
    """The action as people read it, in the active language ("request changes")."""
    return str(Action(action).label).lower()


def _queue_transition_email(transition_id: int) -> None:
    enqueue_on_commit(PILOT_TRANSITION_EMAIL, transition_id)
