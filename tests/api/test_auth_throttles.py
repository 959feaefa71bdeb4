"""Sign-in throttles that no header switches off: the client address comes from
the trusted proxies (NUM_PROXIES), and failed sign-ins are also counted per
account, so guesses spread over many addresses are slowed too."""

import time
import uuid
from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.factories import TEST_PASSWORD, UserFactory

from .owner_support import fast_password_hashing, fresh_client

__all__ = ["fast_password_hashing"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_password_hashing")]

LOGIN = "/api/v1/auth/login/"


def an_account() -> str:
    """A fresh active account (its own address, so counts never carry over)."""
    email = f"owner-{uuid.uuid4().hex[:10]}@example.org"
    UserFactory.create(username=email, email=email)
    return email


def fresh_address() -> str:
    return "10.{}.{}.{}".format(*uuid.uuid4().bytes[:3])


def login(client: APIClient, email: str, password: str, **headers: Any) -> Any:
    return client.post(
        LOGIN, {"email": email, "password": password}, format="json", **headers
    )


def rates(settings: Any, **changed: str) -> None:
    settings.AUTH_THROTTLE_RATES = {**settings.AUTH_THROTTLE_RATES, **changed}


def test_a_new_forwarded_for_value_per_request_does_not_lift_the_throttle(
    settings,
) -> None:
    # Only the address throttle is under test: the account limit is out of reach.
    rates(settings, **{"auth-login": "10/minute", "auth-login-account": "1000/m"})
    email = an_account()
    client = fresh_client()

    answers = [
        login(
            client, email, "wrong-password", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}"
        ).status_code
        for i in range(15)
    ]
    right_password = login(
        client, email, TEST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99"
    )

    assert answers == [401] * 10 + [429] * 5
    assert right_password.status_code == 429
    assert "token" not in right_password.json()


def test_behind_one_proxy_the_address_it_appended_is_counted(settings) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    rates(settings, **{"auth-login": "3/minute", "auth-login-account": "1000/m"})
    email = an_account()
    proxy = APIClient(REMOTE_ADDR="127.0.0.1")
    client_address, another_address = fresh_address(), fresh_address()

    spoofed = [
        login(
            proxy,
            email,
            "wrong-password",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, {client_address}",
        ).status_code
        for i in range(4)
    ]
    another_client = login(
        proxy, email, TEST_PASSWORD, HTTP_X_FORWARDED_FOR=another_address
    )

    assert spoofed == [401, 401, 401, 429]
    assert another_client.status_code == 201


def test_failed_sign_ins_are_limited_per_account_across_addresses(settings) -> None:
    rates(settings, **{"auth-login-account": "10/15m"})
    email = an_account()
    other = an_account()

    failures = [
        login(fresh_client(), email, "wrong-password").status_code for _ in range(10)
    ]
    right_password = login(fresh_client(), email, TEST_PASSWORD)
    other_account = login(fresh_client(), other, TEST_PASSWORD)

    assert failures == [401] * 10
    assert right_password.status_code == 429
    assert right_password["Content-Type"] == "application/problem+json"
    assert "account" in right_password.json()["detail"]
    assert 0 < int(right_password["Retry-After"]) <= 15 * 60
    assert other_account.status_code == 201


def test_an_unknown_address_is_limited_the_same_way(settings) -> None:
    rates(settings, **{"auth-login-account": "2/15m"})
    known, unknown = an_account(), f"nobody-{uuid.uuid4().hex[:8]}@example.org"

    answers = {
        email: [
            login(fresh_client(), email, "wrong-password").status_code for _ in range(3)
        ]
        for email in (known, unknown)
    }

    assert answers[known] == answers[unknown] == [401, 401, 429]


def test_the_account_limit_lifts_after_its_short_window(settings) -> None:
    rates(settings, **{"auth-login-account": "2/1s"})
    email = an_account()
    for _ in range(2):
        login(fresh_client(), email, "wrong-password")
    assert login(fresh_client(), email, TEST_PASSWORD).status_code == 429

    time.sleep(1.1)

    assert login(fresh_client(), email, TEST_PASSWORD).status_code == 201


def test_a_new_password_lifts_the_account_limit_at_once(settings) -> None:
    rates(settings, **{"auth-login-account": "2/15m"})
    email = an_account()
    for _ in range(2):
        login(fresh_client(), email, "wrong-password")
    assert login(fresh_client(), email, TEST_PASSWORD).status_code == 429

    user = UserFactory._meta.model.objects.get(username=email)
    user.set_password("the-owner-reset-it-42")
    user.save()

    assert login(fresh_client(), email, "the-owner-reset-it-42").status_code == 201


@pytest.mark.parametrize("path", ["/admin/login/", "/api-auth/login/"])
def test_session_sign_in_pages_count_failures_per_account(settings, path) -> None:
    rates(settings, **{"auth-login-account": "2/15m"})
    email = an_account()

    answers = [
        fresh_client()
        .post(path, {"username": email, "password": "wrong-password"})
        .status_code
        for _ in range(3)
    ]

    assert answers == [200, 200, 429]
