"""Accounts: sign-up with email verification, password reset, API tokens.

A new account is inactive until its email address is verified, so it cannot
sign in before. Nothing here tells a caller whether an address has an account:
sign-up and reset requests for a known address send an email to that address
instead of answering differently, after the same password checks and the same
hashing work. An address that was signed up but never verified is not lost to
its owner: a later sign-up sets its password (the earlier one does not survive)
and a password reset verifies it.
"""

from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from knox.models import AuthToken
from knox.settings import knox_settings

from ..enqueue import ACCOUNT_EMAIL, enqueue_on_commit
from ..models import AccountProfile


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    """Like the password-reset tokens, but spent once the account is active."""

    key_salt = "pilots.services.accounts.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


email_verification_tokens = EmailVerificationTokenGenerator()
password_reset_tokens = PasswordResetTokenGenerator()


def normalize_email(email: str) -> str:
    return email.strip().lower()


def user_by_email(email: str) -> Any | None:
    User = get_user_model()
    return User.objects.filter(email__iexact=normalize_email(email)).first()


def uid_for(user: Any) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_from_uid(uid: str) -> Any | None:
    User = get_user_model()
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk).first()


def _queue_email(kind: str, user_id: int) -> None:
    enqueue_on_commit(ACCOUNT_EMAIL, kind, user_id)


def _never_verified(user: Any) -> bool:
    """Inactive because the address was never confirmed (not deleted, not
    switched off by staff after verification)."""
    profile = AccountProfile.objects.filter(user=user).first()
    if profile is None:
        return not user.is_active
    return (
        not user.is_active
        and profile.email_verified_at is None
        and profile.deleted_at is None
    )


def _mark_verified(user: Any) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
    profile, _created = AccountProfile.objects.get_or_create(user=user)
    profile.email_verified_at = timezone.now()
    profile.save(update_fields=["email_verified_at", "updated_at"])


@transaction.atomic
def account_sign_up(*, email: str, password: str, language: str = "en") -> Any | None:
    """Create an inactive account and email a verification link.

    The password rules and the hashing run first, the same for every address,
    so neither the answer nor its time tells whether the address is taken.
    For a verified account, change nothing and email its owner instead. For
    one never verified, the new password replaces the old (a squatter's does
    not survive) and a fresh link goes to the address. Returns the new user,
    or None when the address had an account.
    """
    email = normalize_email(email)
    User = get_user_model()
    candidate = User(username=email, email=email)
    password_validation.validate_password(password, user=candidate)
    password_hash = make_password(password)
    language = language if language in AccountProfile.Language.values else "en"
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is None:
        candidate.password = password_hash
        candidate.is_active = False
        candidate.save()
        AccountProfile.objects.create(user=candidate, language=language)
        _queue_email("verify-email", candidate.pk)
        return candidate
    if _never_verified(existing):
        existing.password = password_hash
        existing.save(update_fields=["password"])
        AccountProfile.objects.update_or_create(
            user=existing, defaults={"language": language}
        )
        _queue_email("verify-email", existing.pk)
        return None
    _queue_email("sign-up-attempt", existing.pk)
    return None


RESEND_COOLDOWN_SECONDS = 60


@transaction.atomic
def account_verification_resend(*, email: str) -> None:
    """A fresh verification link for an account never verified; silent
    otherwise. At most one per account per RESEND_COOLDOWN_SECONDS."""
    user = user_by_email(email)
    if user is None or not _never_verified(user):
        return
    key = f"verify-resend:{user.pk}:{user.date_joined.timestamp()}"
    if caches["throttle"].add(key, 1, RESEND_COOLDOWN_SECONDS):
        _queue_email("verify-email", user.pk)


@transaction.atomic
def account_verify_email(*, uid: str, token: str) -> Any:
    user = user_from_uid(uid)
    if user is None or not email_verification_tokens.check_token(user, token):
        raise ValidationError(_("The verification link is invalid or has expired."))
    _mark_verified(user)
    return user


@transaction.atomic
def account_password_reset_request(*, email: str) -> None:
    """Email a reset link if the address has an account; silent otherwise."""
    user = user_by_email(email)
    if user is not None:
        _queue_email("password-reset", user.pk)


@transaction.atomic
def account_password_reset_confirm(*, uid: str, token: str, password: str) -> Any:
    """Set a new password and sign the account out everywhere (all tokens).

    The link came to the address, so an account never verified is verified
    and activated with this password."""
    user = user_from_uid(uid)
    if user is None or not password_reset_tokens.check_token(user, token):
        raise ValidationError(_("The reset link is invalid or has expired."))
    password_validation.validate_password(password, user=user)
    user.set_password(password)
    user.save()
    if _never_verified(user):
        _mark_verified(user)
    AuthToken.objects.filter(user=user).delete()
    return user


@transaction.atomic
def account_profile_update(
    *, user: Any, display_name: str | None = None, language: str | None = None
) -> AccountProfile:
    """Change how the person appears to others and their emails' language."""
    profile, _created = AccountProfile.objects.get_or_create(user=user)
    if display_name is not None:
        profile.display_name = display_name
    if language is not None:
        profile.language = language
    profile.save()
    return profile


class TooManyTokens(Exception):
    pass


@transaction.atomic
def api_token_create(*, user: Any) -> tuple[Any, str]:
    """A new API token; the clear text is returned once, only its digest is kept.

    Expired tokens are deleted first; at most REST_KNOX TOKEN_LIMIT_PER_USER live.
    """
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    if limit is not None and AuthToken.objects.filter(user=user).count() >= limit:
        raise TooManyTokens(
            _("This account has %(limit)d API tokens; revoke one first.")
            % {"limit": limit}
        )
    return AuthToken.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user: Any, token_key: str) -> bool:
    deleted, _rows = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return deleted > 0
