"""Accounts: sign-up with email verification, password reset, API tokens.

A new account is inactive until its email address is verified, so it cannot
sign in before. Nothing here tells a caller whether an address has an account:
sign-up and reset requests for a known address send an email to that address
instead of answering differently.
"""

from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from knox.models import AuthToken
from knox.settings import knox_settings

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
    from ..tasks import send_account_email_task

    transaction.on_commit(lambda: send_account_email_task.delay(kind, user_id))


@transaction.atomic
def account_sign_up(*, email: str, password: str, language: str = "en") -> Any | None:
    """Create an inactive account and email a verification link.

    For an address that already has an account, create nothing and email its
    owner instead; the caller sees the same answer either way. Returns the new
    user, or None when the address was taken.
    """
    email = normalize_email(email)
    User = get_user_model()
    existing = user_by_email(email)
    if existing is not None:
        _queue_email("sign-up-attempt", existing.pk)
        return None
    candidate = User(username=email, email=email)
    password_validation.validate_password(password, user=candidate)
    candidate.set_password(password)
    candidate.is_active = False
    candidate.save()
    language = language if language in AccountProfile.Language.values else "en"
    AccountProfile.objects.create(user=candidate, language=language)
    _queue_email("verify-email", candidate.pk)
    return candidate


@transaction.atomic
def account_verify_email(*, uid: str, token: str) -> Any:
    user = user_from_uid(uid)
    if user is None or not email_verification_tokens.check_token(user, token):
        raise ValidationError(_("The verification link is invalid or has expired."))
    user.is_active = True
    user.save(update_fields=["is_active"])
    profile, _created = AccountProfile.objects.get_or_create(user=user)
    profile.email_verified_at = timezone.now()
    profile.save(update_fields=["email_verified_at", "updated_at"])
    return user


@transaction.atomic
def account_password_reset_request(*, email: str) -> None:
    """Email a reset link if the address has an account; silent otherwise."""
    user = user_by_email(email)
    if user is not None:
        _queue_email("password-reset", user.pk)


@transaction.atomic
def account_password_reset_confirm(*, uid: str, token: str, password: str) -> Any:
    """Set a new password and sign the account out everywhere (all tokens)."""
    user = user_from_uid(uid)
    if user is None or not password_reset_tokens.check_token(user, token):
        raise ValidationError(_("The reset link is invalid or has expired."))
    password_validation.validate_password(password, user=user)
    user.set_password(password)
    user.save()
    AuthToken.objects.filter(user=user).delete()
    return user


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
