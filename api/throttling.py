"""Throttles: per client address or account for every API read and write
(counted in each process's memory), and for sign-in, sign-up and password
reset (counted in Redis).

The client address is DRF's `get_ident`: REMOTE_ADDR, or the address the
trusted proxies appended to X-Forwarded-For when settings.NUM_PROXIES says
there are some (config/settings/api.py). Failed sign-ins are also counted per
account (pilots.sign_in_throttle.AccountSignInThrottle), whatever address they
come from.
"""

import math
from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import (
    AnonRateThrottle,
    ScopedRateThrottle,
    SimpleRateThrottle,
    UserRateThrottle,
)

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
    "AnonymousRateThrottle",
    "AuthRateThrottle",
    "SignedInRateThrottle",
    "TileRateThrottle",
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


class WindowCounter(SimpleRateThrottle):
    """A rate counted in windows of the rate's duration: the current window's
    count plus the previous window's, weighted by the share of it still
    inside the last `duration` seconds (a sliding window counter).

    DRF's own throttles keep each request's time in a list per client that
    the cache reads and writes whole (pickled) on every request: with the
    thousands of tiles a minute one map asks for, that list cost more than
    serving a cached tile. Here a client's state is two integers.
    """

    num_requests: int
    duration: int

    def allow_request(self, request: Any, view: Any) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window, self.elapsed = divmod(self.now / self.duration, 1)
        current, previous = f"{self.key}:{int(window)}", f"{self.key}:{int(window) - 1}"
        counts = self.cache.get_many([current, previous])
        self.current = counts.get(current, 0)
        self.previous = counts.get(previous, 0)
        if self.previous * (1 - self.elapsed) + self.current >= self.num_requests:
            return False
        if not self.cache.add(current, 1, 2 * self.duration):
            try:
                self.cache.incr(current)
            except ValueError:  # expired in between
                self.cache.add(current, 1, 2 * self.duration)
        return True

    def wait(self) -> float:
        """Seconds until the weighted count falls below the rate."""
        limit = self.num_requests
        if limit <= 0:  # a rate of 0: never
            return float(self.duration)
        if self.current < limit:  # the previous window's weight must shrink
            share = 1 - (limit - self.current) / self.previous
            seconds = (share - self.elapsed) * self.duration
        else:  # and the next window's, once this one is the previous
            seconds = (1 - self.elapsed + 1 - limit / self.current) * self.duration
        return float(max(1, math.floor(round(seconds, 6)) + 1))  # strictly after


class AnonymousRateThrottle(WindowCounter, AnonRateThrottle):
    """Anonymous clients, by address (rate `anon`)."""


class SignedInRateThrottle(WindowCounter, UserRateThrottle):
    """Signed-in users, by account (rate `user`). An anonymous client is
    counted by AnonymousRateThrottle at a lower rate, so counting it again by
    address under this scope could never refuse it."""

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


class TileRateThrottle(WindowCounter, ScopedRateThrottle):
    """Tiles, by address and the view's scope (rate `tiles`)."""

    def allow_request(self, request: Any, view: Any) -> bool:
        # As ScopedRateThrottle does: the rate is that of the view's scope.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)  # type: ignore[assignment]
        return super().allow_request(request, view)
