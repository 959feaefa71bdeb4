"""The sign-in pages' throttles: the API's counts (pilots.sign_in_throttle), per
client address and per account, so a browser gets no more guesses than a
script. Failed sign-ins are counted by the `user_login_failed` signal that
`authenticate` sends."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from pilots.sign_in_throttle import (
    AccountSignInThrottle,
    account_locked_message,
    address_throttle_wait,
)


def client_ident(request: HttpRequest) -> str:
    """REST framework's `get_ident`: REMOTE_ADDR, or with NUM_PROXIES trusted
    proxies the address the outermost appended to X-Forwarded-For."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    proxies = settings.NUM_PROXIES
    if not proxies or not forwarded:
        return remote
    addresses = forwarded.split(",")
    return addresses[-min(proxies, len(addresses))].strip()


def refusal(request: HttpRequest, scope: str, email: str = "") -> str | None:
    """Why this attempt is refused before any password is checked, or None."""
    if address_throttle_wait(scope, client_ident(request)) is not None:
        return _("Too many attempts from your network; wait a minute and try again.")
    if email and AccountSignInThrottle(email).locked():
        return account_locked_message()
    return None
