"""The registry's emails, written in the recipient's language (en or nb)."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from .models import AccountProfile, PilotTransition
from .models.accounts import public_name
from .public_links import web_page_url


def recipient_language(user: Any) -> str:
    language = (
        AccountProfile.objects.filter(user=user)
        .values_list("language", flat=True)
        .first()
    )
    return language or settings.LANGUAGE_CODE


def _message(user: Any, subject: str, body: str) -> EmailMessage:
    return EmailMessage(subject=subject, body=body, to=[user.email])


def verification_email(user: Any, *, uid: str, token: str) -> EmailMessage:
    link = web_page_url("verify-email", query={"uid": uid, "token": token})
    with translation.override(recipient_language(user)):
        return _message(
            user,
            _("Confirm your email address for Trondheim Tech Port"),
            _(
                "Welcome to the Trondheim Tech Port registry.\n\n"
                "Confirm your email address by opening this link:\n%(link)s\n\n"
                "Or send uid=%(uid)s and token=%(token)s to "
                "POST /api/v1/auth/verify-email/.\n"
            )
            % {"link": link, "uid": uid, "token": token},
        )


def sign_up_attempt_email(user: Any) -> EmailMessage:
    with translation.override(recipient_language(user)):
        return _message(
            user,
            _("Someone tried to sign up with your email address"),
            _(
                "Somebody tried to create a Trondheim Tech Port account with this "
                "address, which already has one. If it was you, sign in, or reset "
                "your password with POST /api/v1/auth/password-reset/. "
                "Otherwise you can ignore this message.\n"
            ),
        )


def password_reset_email(user: Any, *, uid: str, token: str) -> EmailMessage:
    link = web_page_url("reset-password", query={"uid": uid, "token": token})
    with translation.override(recipient_language(user)):
        return _message(
            user,
            _("Reset your Trondheim Tech Port password"),
            _(
                "Choose a new password by opening this link:\n%(link)s\n\n"
                "Or send uid=%(uid)s, token=%(token)s and new_password to "
                "POST /api/v1/auth/password-reset/confirm/.\n"
                "If you did not ask for this, ignore this message.\n"
            )
            % {"link": link, "uid": uid, "token": token},
        )


def invitation_email(invitation: Any, *, token: str) -> EmailMessage:
    """Sent to the invited address, whether or not it has an account."""
    from .services.accounts import user_by_email

    invitee = user_by_email(invitation.email)
    base = settings.PUBLIC_BASE_URL.rstrip("/")
    link = f"{base}/accept-invitation?token={token}"
    place = (
        invitation.organization.name
        if invitation.organization is not None
        else invitation.pilot.title
    )
    language = (
        recipient_language(invitee) if invitee is not None else settings.LANGUAGE_CODE
    )
    with translation.override(language):
        body = _(
            "%(inviter)s invites you to %(place)s on the Trondheim Tech Port "
            "registry.\n\n"
            "Accept by opening this link while signed in with this address:\n"
            "%(link)s\n\n"
            "Or send token=%(token)s to POST /api/v1/invitations/accept/.\n"
            "No account yet? Sign up with this address first, then open the link.\n"
            "If you do not know the sender, ignore this message.\n"
        ) % {
            "inviter": public_name(invitation.invited_by) or _("A registry member"),
            "place": place,
            "link": link,
            "token": token,
        }
        subject = _("Invitation to %(place)s") % {"place": place}
        return EmailMessage(subject=subject, body=body, to=[invitation.email])


def transition_email(transition: PilotTransition, recipient: Any) -> EmailMessage:
    pilot = transition.pilot
    with translation.override(recipient_language(recipient)):
        status = str(pilot.Status(transition.to_status).label)
        subject = _("Pilot “%(title)s”: %(status)s") % {
            "title": pilot.title,
            "status": status,
        }
        body = _(
            "%(actor)s moved the pilot “%(title)s” from “%(from)s” to “%(to)s”."
        ) % {
            "actor": public_name(transition.actor),
            "title": pilot.title,
            "from": str(pilot.Status(transition.from_status).label),
            "to": status,
        }
        if transition.reason:
            body += "\n\n" + _("Reason: %(reason)s") % {"reason": transition.reason}
        body += "\n\n" + _("Pilot: %(url)s") % {
            "url": web_page_url("pilot", args=[pilot.slug])
        }
        return _message(recipient, subject, body + "\n")
