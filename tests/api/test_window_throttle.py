"""The API's throttles count requests per window (api/throttling.py): two
integers per client, a sliding estimate, and a Retry-After that holds."""

from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIRequestFactory

from api.throttling import AnonymousRateThrottle


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def throttle(monkeypatch: pytest.MonkeyPatch) -> Any:
    cache.clear()
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    clock = Clock(6_000_000.0)  # the start of a window
    monkeypatch.setattr(AnonymousRateThrottle, "timer", clock)
    request = APIRequestFactory().get("/api/v1/zones/", REMOTE_ADDR="203.0.113.9")
    request.user = None  # type: ignore[assignment]

    def allowed(at: float) -> tuple[bool, float | None]:
        clock.now = 6_000_000.0 + at
        one = AnonymousRateThrottle()
        allowed = one.allow_request(request, None)
        return allowed, None if allowed else one.wait()

    yield allowed
    cache.clear()


def test_the_rate_holds_within_a_window_and_the_wait_is_exact(throttle) -> None:
    assert [throttle(at)[0] for at in (0, 1, 2)] == [True, True, True]

    refused, wait = throttle(3)
    assert not refused
    assert wait == 58  # the next window, at 60 s, still weighs the three fully
    assert not throttle(60)[0]
    assert throttle(3 + wait)[0]  # 61 s: 3 x 59/60 < 3


def test_the_previous_window_weighs_by_what_is_left_of_it(throttle) -> None:
    for at in (50, 51, 52):
        assert throttle(at)[0]

    assert throttle(70)[0]  # 3 x 50/60 = 2.5 before it
    refused, wait = throttle(71)  # 3 x 49/60 + 1 = 3.45
    assert not refused
    assert wait == 10
    assert not throttle(80)[0]  # 3 x 40/60 + 1 = 3.0
    assert throttle(71 + wait)[0]  # 3 x 39/60 + 1 = 2.95


def test_a_clients_state_is_two_counts(throttle) -> None:
    for at in range(3):
        throttle(at)
    throttle(3)  # refused: not counted

    stored: Any = cache
    keys = [key for key in stored._cache if "throttle_anon_203.0.113.9" in key]
    assert len(keys) == 1
    assert cache.get("throttle_anon_203.0.113.9:100000") == 3


def test_a_rate_of_nothing_refuses_with_a_wait(throttle, monkeypatch) -> None:
    monkeypatch.setattr(AnonymousRateThrottle, "THROTTLE_RATES", {"anon": "0/minute"})

    assert throttle(0) == (False, 60)
