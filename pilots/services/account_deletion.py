"""A person deletes their account (GDPR art. 17).

The user row stays, emptied of everything personal (no address, no name, no
usable password), so the pilots, transitions and change history that point to
it keep their rows and show "Former member". Their memberships, collaborations,
subscriptions (with deliveries and notifications), pending invitations to
their address and API tokens are deleted.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from ..models import (
    AccountProfile,
    Invitation,
    Notification,
    OrganizationMembership,
    Subscription,
)


@transaction.atomic
def account_delete(*, user: Any) -> None:
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    Notification.objects.filter(user=user).delete()
    Subscription.objects.filter(user=user).delete()
    for membership in OrganizationMembership.objects.filter(user=user):
        membership._history_user = user  # type: ignore[attr-defined]
        membership.delete()
    user.collaborating_pilots.clear()
    if user.email:
        Invitation.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True
        ).delete()
    AuthToken.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"former-member-{user.pk}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    AccountProfile.objects.update_or_create(
        user=user,
        defaults={
            "display_name": "",
            "language": AccountProfile.Language.ENGLISH,
            "email_verified_at": None,
            "deleted_at": timezone.now(),
        },
    )
