"""Invitations to an organisation or to a pilot's editors, sent by email.

Inviting answers the same whether or not the address has an account: nothing is
looked up. The emailed token is signed (no secret is stored or queued) and
works once, for the account with the invited address, within INVITATION_MAX_AGE.
"""

from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enqueue import INVITATION_EMAIL, enqueue_on_commit
from ..models import Invitation, Organization, OrganizationMembership, PilotProject
from .accounts import normalize_email
from .memberships import organization_membership_set, pilot_collaborator_add

INVITATION_MAX_AGE = timedelta(days=14)
_SALT = "pilots.services.invitations"


class InvitationError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=_SALT)


def _invitation_id(token: str) -> int | None:
    try:
        payload = signing.loads(token, salt=_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    pk = payload.get("invitation") if isinstance(payload, dict) else None
    return pk if isinstance(pk, int) else None


def invitation_pending(token: str) -> Invitation | None:
    """The open invitation a link's token names, or None (bad, used, expired)."""
    pk = _invitation_id(token)
    if pk is None:
        return None
    return (
        Invitation.objects.filter(pk=pk, accepted_at__isnull=True)
        .select_related("organization", "pilot")
        .first()
    )


@transaction.atomic
def invitation_create(
    *,
    email: str,
    actor: Any,
    organization: Organization | None = None,
    role: str = "",
    pilot: PilotProject | None = None,
) -> Invitation:
    """Invite `email` (pending invitations to the same place are renewed)."""
    email = normalize_email(email)
    invitation = (
        Invitation.objects.select_for_update()
        .filter(
            email=email,
            organization=organization,
            pilot=pilot,
            accepted_at__isnull=True,
        )
        .first()
    ) or Invitation(email=email, organization=organization, pilot=pilot)
    invitation.role = role if organization is not None else ""
    invitation.invited_by = actor
    invitation.save()
    invitation_id = invitation.pk
    enqueue_on_commit(INVITATION_EMAIL, invitation_id)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user: Any) -> Invitation:
    """Join what the invitation is for; the signed-in address must be the
    invited one. Raises InvitationError."""
    invalid = _("The invitation link is invalid, used or expired.")
    pk = _invitation_id(token)
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .filter(pk=pk, accepted_at__isnull=True)
        .select_related("organization", "pilot")
        .first()
        if pk is not None
        else None
    )
    if invitation is None:
        raise InvitationError(invalid)
    if normalize_email(user.email or "") != invitation.email:
        raise InvitationError(
            _("This invitation is for another address; sign in with that one.")
        )
    if invitation.organization is not None:
        already = OrganizationMembership.objects.filter(
            organization=invitation.organization, user=user
        ).exists()
        if not already:
            organization_membership_set(
                organization=invitation.organization,
                user=user,
                role=invitation.role,
                actor=invitation.invited_by,
            )
    elif invitation.pilot is not None:
        pilot_collaborator_add(
            pilot=invitation.pilot, user=user, actor=invitation.invited_by
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: Any) -> None:
    """Withdraw a pending invitation: its emailed link stops working (the token
    names an invitation that no longer exists). An accepted one stays, as the
    record of who joined."""
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()
