"""Throttles for sign-in, sign-up and password reset, counted in Redis.

The client address is DRF's `get_ident`: REMOTE_ADDR, or the address the
trusted proxies appended to X-Forwarded-For when settings.NUM_PROXIES says
there are some (config/settings/api.py). Failed sign-ins are also counted per
account (pilots.sign_in_throttle.AccountSignInThrottle), whatever address they
come from.
"""

from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import ScopedRateThrottle, UserRateThrottle

from pilots.sign_in_throttle import (
    ACCOUNT_SCOPE,
    AccountSignInThrottle,
    account_locked_message,
    parse_rate,
    record_failed_sign_in,
)

__all__ = [
    "ACCOUNT_SCOPE",
    "AccountSignInThrottle",
    "AuthRateThrottle",
    "SignedInRateThrottle",
    "account_locked_message",
    "parse_rate",
    "record_failed_sign_in",
]


class AuthRateThrottle(ScopedRateThrottle):
    """Per client address and view scope (`throttle_scope`), shared by every
    worker through the "throttle" cache; rates from settings.AUTH_THROTTLE_RATES,
    read on each request so they can be changed without a restart of the class."""

    cache = caches["throttle"]

    def get_rate(self) -> str | None:
        if self.scope is None:
            return None
        return settings.AUTH_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        # By address even when signed in: these views are the way to an account.
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }


class SignedInRateThrottle(UserRateThrottle):
    """DRF's per-user rate for signed-in users only: an anonymous client is
    counted by AnonRateThrottle at a lower rate, so counting it again by
    address under this scope could never refuse it and cost a cache read and
    write per request."""

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
