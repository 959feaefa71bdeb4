"""Sign-in throttles that know nothing of HTTP, shared by the API and the pages.

Failed sign-ins are counted per account (AccountSignInThrottle), whatever
address they come from, through django.contrib.auth's `user_login_failed`
signal; `address_throttle_allows` is the sliding window per client address
with the same Redis keys as REST framework's throttles, so a page and the API
share one count per address and scope.
"""

import hashlib
import math
import re
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.utils.translation import gettext as _

ACCOUNT_SCOPE = "auth-login-account"
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])[a-z]*\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class AccountSignInThrottle:
    """Failed sign-ins per account in a sliding window (settings.AUTH_THROTTLE_RATES
    ["auth-login-account"], e.g. "10/15m"), whatever address they come from.

    Only failures count, so the owner signing in now and then is never limited.
    An unknown address is counted the same way (nothing tells whether it has an
    account). The count belongs to the account's current password: a password
    reset by the owner lifts the limit at once.
    """

    cache = caches["throttle"]

    def __init__(self, identifier: str) -> None:
        rate = settings.AUTH_THROTTLE_RATES.get(ACCOUNT_SCOPE)
        self.limit, self.window = parse_rate(rate) if rate else (0, 0)
        self.key = f"throttle_{ACCOUNT_SCOPE}_{_account_ident(identifier)}"
        self.now = time.time()
        self.history: list[float] = []
        if self.limit:
            self.history = sorted(
                (
                    moment
                    for moment in self.cache.get(self.key, [])
                    if moment > self.now - self.window
                ),
                reverse=True,
            )

    def locked(self) -> bool:
        return bool(self.limit) and len(self.history) >= self.limit

    def wait(self) -> int | None:
        """Seconds until the oldest failure that counts leaves the window."""
        if not self.locked():
            return None
        oldest = self.history[self.limit - 1]
        return max(math.ceil(self.window - (self.now - oldest)), 1)

    def record_failure(self) -> None:
        if self.limit:
            self.history.insert(0, self.now)
            self.cache.set(self.key, self.history[: self.limit], self.window)


def parse_rate(rate: str) -> tuple[int, int]:
    """(count, seconds): "10/15m" is 10 per 15 minutes; "10/minute", "2/1s" too."""
    match = _RATE.match(rate)
    if match is None:
        raise ValueError(f"not a throttle rate: {rate!r}")
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * _SECONDS[unit]


def account_locked_message() -> str:
    return _("Too many failed sign-ins for this account; try again later.")


def _account_ident(identifier: str) -> str:
    """A digest of the address as typed (case-folded) and the account's password
    hash, if an account has that address: one query either way."""
    normalized = identifier.strip().lower()
    user_model = get_user_model()
    lookup = {f"{user_model.USERNAME_FIELD}__iexact": normalized}
    password = (
        user_model._default_manager.filter(**lookup)
        .values_list("password", flat=True)
        .first()
    )
    material = f"{normalized}\0{password or ''}".encode()
    return hashlib.sha256(material).hexdigest()


def record_failed_sign_in(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    """Receiver of django.contrib.auth's `user_login_failed` (every sign-in form
    and the token sign-in go through `authenticate`)."""
    identifier = credentials.get(get_user_model().USERNAME_FIELD)
    if request is not None and isinstance(identifier, str) and identifier:
        AccountSignInThrottle(identifier).record_failure()


def address_throttle_wait(scope: str, ident: str) -> float | None:
    """Count one attempt from `ident` in `scope` (settings.AUTH_THROTTLE_RATES);
    None if allowed, else the seconds to wait. The key and the history are
    REST framework's (SimpleRateThrottle), so API and pages share the count."""
    rate = settings.AUTH_THROTTLE_RATES.get(scope)
    if not rate:
        return None
    limit, window = parse_rate(rate)
    cache = caches["throttle"]
    key = f"throttle_{scope}_{ident}"
    now = time.time()
    history = [moment for moment in cache.get(key, []) if moment > now - window]
    if len(history) >= limit:
        return max(window - (now - history[-1]), 1)
    history.insert(0, now)
    cache.set(key, history, window)
    return None
