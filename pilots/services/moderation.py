"""Moderators take sites, organisations and opportunities out of public view,
and put them back (issue 5). Pilots have their own workflow (services/workflow).

Unpublishing records who, when and why on the item (and so in its change
history); while unpublished, only moderators and the item's organisation admins
see it. Doing either twice is a conflict, not a silent success.
"""

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Opportunity
from ..models.moderation import Unpublishable
from ..selectors.permissions import is_moderator

Item = TypeVar("Item", bound=Unpublishable)

MODERATION_FIELDS = ["unpublished_at", "unpublished_by", "unpublished_reason"]


class ModerationConflict(Exception):
    """The item is not in a state this action applies to (HTTP 409)."""

    def __init__(self, message: str, *, unpublished: bool) -> None:
        super().__init__(message)
        self.message = message
        self.unpublished = unpublished


def _require_moderator(actor: Any) -> None:
    if not is_moderator(actor):
        raise PermissionDenied(_("Only district moderators may do this."))


def _locked(item: Item) -> Item:
    return type(item)._default_manager.select_for_update().get(pk=item.pk)


def _save(item: Item, actor: Any) -> Item:
    item._history_user = actor  # type: ignore[attr-defined]
    item.save(update_fields=[*MODERATION_FIELDS, "updated_at"])
    return item


@transaction.atomic
def item_unpublish(*, item: Item, actor: Any, reason: str) -> Item:
    """Hide `item` from everyone but moderators and its organisation's admins."""
    _require_moderator(actor)
    item = _locked(item)
    if item.unpublished_at is not None:
        raise ModerationConflict(
            _("This item is already unpublished; republish it first."),
            unpublished=True,
        )
    if isinstance(item, Opportunity) and item.status not in (
        Opportunity.Status.PUBLISHED,
        Opportunity.Status.CLOSED,
    ):
        raise ModerationConflict(
            _("A draft is not public; there is nothing to unpublish."),
            unpublished=False,
        )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": [_("This action needs a reason.")]})
    item.unpublished_at = timezone.now()
    item.unpublished_by = actor
    item.unpublished_reason = reason
    return _save(item, actor)


@transaction.atomic
def item_republish(*, item: Item, actor: Any) -> Item:
    """Make an unpublished item public again (its status decides the rest)."""
    _require_moderator(actor)
    item = _locked(item)
    if item.unpublished_at is None:
        raise ModerationConflict(_("This item is not unpublished."), unpublished=False)
    item.unpublished_at = None
    item.unpublished_by = None
    item.unpublished_reason = ""
    return _save(item, actor)
