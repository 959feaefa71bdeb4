"""What the pilot workflow, the opportunity review and bookings share: an
explicit table of transitions, the checks of an action against the current
state, and the errors the HTTP layers turn into 403, 409 (with the allowed
actions) and 400.

Each workflow still locks its row, decides who may act, words its own
"cannot ... from here" message and records its own transition row.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str
    by_moderator: bool = False  # False: by the owner, a collaborator or an admin
    reason_required: bool = False


class TransitionError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionForbidden(TransitionError):
    """The actor may not perform this action."""


class TransitionNotAllowed(TransitionError):
    """The action is unknown or not legal from the current state (a 409)."""

    def __init__(self, message: str, *, status: str, allowed: list[str]) -> None:
        super().__init__(message)
        self.status = status
        self.allowed = allowed


class ReasonRequired(TransitionError):
    """The action needs a reason and none was given (a 400 on `reason`)."""


# (state, action, the actions allowed from that state) -> the message.
Refusal = Callable[[str, str, list[str]], str]


class Transitions(dict[str, Rule]):
    """action -> Rule, in the order the actions are offered."""

    def allowed(self, state: str) -> list[str]:
        """The actions legal from `state`, in table order."""
        return [action for action, rule in self.items() if state in rule.sources]

    def rule(self, action: str, state: str) -> Rule:
        """The action's rule; an unknown action is not allowed from `state`."""
        rule = self.get(action)
        if rule is None:
            raise TransitionNotAllowed(
                _("Unknown action “%(action)s”.") % {"action": action},
                status=state,
                allowed=self.allowed(state),
            )
        return rule

    def check_source(self, action: str, state: str, refusal: Refusal) -> None:
        """Raise TransitionNotAllowed unless `action` is legal from `state`;
        `refusal(state, action, allowed)` words the message for people."""
        if state in self[action].sources:
            return
        allowed = self.allowed(state)
        raise TransitionNotAllowed(
            refusal(state, action, allowed), status=state, allowed=allowed
        )


def checked_reason(reason: str, *, required: bool) -> str:
    """The reason without surrounding blanks; ReasonRequired if it is needed
    and empty."""
    reason = reason.strip()
    if required and not reason:
        raise ReasonRequired(_("This action needs a reason."))
    return reason
