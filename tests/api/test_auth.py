"""Sign-up, verification, tokens (hashed, expiring, listed, revoked), password
reset, and answers that never tell whether an address has an account."""

import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from knox.models import AuthToken

from pilots.models import AccountProfile
from tests.factories import TEST_PASSWORD, UserFactory

from .owner_support import (
    eager_celery,
    fast_password_hashing,
    fresh_client,
    link_parts,
    outbox_to,
)

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]

PASSWORD = "correct-horse-battery-staple-42"


def sign_up(client, email: str, password: str = PASSWORD, **headers):
    return client.post(
        "/api/v1/auth/sign-up/",
        {"email": email, "password": password},
        format="json",
        **headers,
    )


def verified_account(email: str = "ada@example.org"):
    client = fresh_client()
    assert sign_up(client, email).status_code == 202
    parts = link_parts(outbox_to(email)[-1].body)
    assert client.post("/api/v1/auth/verify-email/", parts).status_code == 200
    return get_user_model().objects.get(email=email)


def login(client, email: str, password: str = PASSWORD):
    return client.post(
        "/api/v1/auth/login/", {"email": email, "password": password}, format="json"
    )


def test_sign_up_creates_an_inactive_account_and_emails_a_link() -> None:
    client = fresh_client()

    response = sign_up(client, "Ada@Example.org")

    assert response.status_code == 202
    user = get_user_model().objects.get(email="ada@example.org")
    assert user.is_active is False
    assert user.check_password(PASSWORD)
    [message] = outbox_to("ada@example.org")
    assert "verify-email" in message.body
    assert login(client, "ada@example.org").status_code == 401


def test_verification_activates_the_account_once() -> None:
    client = fresh_client()
    sign_up(client, "ada@example.org")
    parts = link_parts(outbox_to("ada@example.org")[0].body)

    first = client.post("/api/v1/auth/verify-email/", parts)
    second = client.post("/api/v1/auth/verify-email/", parts)

    assert first.status_code == 200
    assert second.status_code == 400
    assert second["Content-Type"] == "application/problem+json"
    assert get_user_model().objects.get(email="ada@example.org").is_active
    assert AccountProfile.objects.get(user__email="ada@example.org").email_verified_at


def test_a_forged_verification_token_is_refused() -> None:
    client = fresh_client()
    sign_up(client, "ada@example.org")
    parts = link_parts(outbox_to("ada@example.org")[0].body)

    response = client.post(
        "/api/v1/auth/verify-email/", {**parts, "token": "abc-0123456789abcdef"}
    )

    assert response.status_code == 400
    assert not get_user_model().objects.get(email="ada@example.org").is_active


def test_sign_up_with_a_taken_address_answers_the_same_and_creates_nothing() -> None:
    verified_account("ada@example.org")
    client = fresh_client()
    users_before = get_user_model().objects.count()

    taken = sign_up(client, "ADA@example.org", password="another-password-77")
    new = sign_up(client, "grace@example.org")

    assert taken.status_code == new.status_code == 202
    assert taken.json() == new.json()
    assert get_user_model().objects.count() == users_before + 1
    # The owner of the taken address hears about it; the password is unchanged.
    assert "tried to create" in outbox_to("ada@example.org")[-1].body
    assert (
        get_user_model().objects.get(email="ada@example.org").check_password(PASSWORD)
    )


def test_weak_passwords_are_refused_with_the_field_named() -> None:
    response = sign_up(fresh_client(), "ada@example.org", password="123")

    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"password"}
    assert not get_user_model().objects.filter(email="ada@example.org").exists()


def test_login_returns_a_token_that_is_stored_only_as_a_digest() -> None:
    verified_account()
    client = fresh_client()

    response = login(client, "ada@example.org")

    assert response.status_code == 201
    token = response.json()["token"]
    stored = AuthToken.objects.get(token_key=response.json()["token_key"])
    assert stored.digest == hashlib.sha512(token.encode()).hexdigest()
    assert token not in {stored.digest, stored.token_key}
    assert stored.expiry is not None
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/auth/me/").json()["email"] == "ada@example.org"


def test_failed_logins_do_not_reveal_whether_the_account_exists() -> None:
    verified_account()
    client = fresh_client()

    wrong_password = login(client, "ada@example.org", "not-the-password-1")
    unknown = login(client, "nobody@example.org", "not-the-password-1")

    assert wrong_password.status_code == unknown.status_code == 401
    assert wrong_password.json() == unknown.json()


def test_expired_tokens_are_refused() -> None:
    verified_account()
    client = fresh_client()
    body = login(client, "ada@example.org").json()
    AuthToken.objects.filter(token_key=body["token_key"]).update(
        expiry="2000-01-01T00:00:00Z"
    )
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")

    assert client.get("/api/v1/auth/me/").status_code == 401


def test_tokens_are_listed_and_revoked_only_by_their_owner() -> None:
    verified_account("ada@example.org")
    verified_account("grace@example.org")
    ada, grace = fresh_client(), fresh_client()
    first = login(ada, "ada@example.org").json()
    second = login(ada, "ada@example.org").json()
    grace_token = login(grace, "grace@example.org").json()
    ada.credentials(HTTP_AUTHORIZATION=f"Token {first['token']}")
    grace.credentials(HTTP_AUTHORIZATION=f"Token {grace_token['token']}")

    listed = ada.get("/api/v1/auth/tokens/").json()
    foreign = grace.delete(f"/api/v1/auth/tokens/{second['token_key']}/")
    revoked = ada.delete(f"/api/v1/auth/tokens/{second['token_key']}/")

    assert {row["token_key"] for row in listed} == {
        first["token_key"],
        second["token_key"],
    }
    assert [
        row["current"] for row in listed if row["token_key"] == first["token_key"]
    ] == [True]
    assert all("token" not in row for row in listed)
    assert foreign.status_code == 404
    assert revoked.status_code == 204
    assert not AuthToken.objects.filter(token_key=second["token_key"]).exists()


def test_logout_revokes_the_current_token() -> None:
    verified_account()
    client = fresh_client()
    body = login(client, "ada@example.org").json()
    client.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")

    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert client.get("/api/v1/auth/me/").status_code == 401


def test_password_reset_sets_a_new_password_and_revokes_tokens() -> None:
    verified_account()
    client = fresh_client()
    old = login(client, "ada@example.org").json()
    mail.outbox.clear()

    asked = client.post("/api/v1/auth/password-reset/", {"email": "ada@example.org"})
    parts = link_parts(outbox_to("ada@example.org")[0].body)
    confirmed = client.post(
        "/api/v1/auth/password-reset/confirm/",
        {**parts, "new_password": "a-brand-new-password-9"},
    )
    reused = client.post(
        "/api/v1/auth/password-reset/confirm/",
        {**parts, "new_password": "yet-another-password-8"},
    )

    assert asked.status_code == 202
    assert confirmed.status_code == 200
    assert reused.status_code == 400
    assert not AuthToken.objects.filter(token_key=old["token_key"]).exists()
    assert login(client, "ada@example.org", "a-brand-new-password-9").status_code == 201


def test_password_reset_for_an_unknown_address_answers_the_same_and_sends_nothing() -> (
    None
):
    verified_account()
    client = fresh_client()
    mail.outbox.clear()

    known = client.post("/api/v1/auth/password-reset/", {"email": "ada@example.org"})
    unknown = client.post("/api/v1/auth/password-reset/", {"email": "no@example.org"})

    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]


def test_emails_follow_the_language_chosen_at_sign_up() -> None:
    client = fresh_client()

    sign_up(client, "kari@example.org", HTTP_ACCEPT_LANGUAGE="nb")
    sign_up(client, "ada@example.org", HTTP_ACCEPT_LANGUAGE="en")

    assert AccountProfile.objects.get(user__email="kari@example.org").language == "nb"
    assert "Bekreft" in outbox_to("kari@example.org")[0].subject
    assert "Confirm" in outbox_to("ada@example.org")[0].subject


def test_session_login_for_the_browsable_api_enforces_csrf() -> None:
    user = UserFactory.create(email="ada@example.org")
    client = fresh_client()
    client.handler.enforce_csrf_checks = True
    assert client.login(username=user.username, password=TEST_PASSWORD)

    without_token = client.post(
        "/api/v1/pilots/", {"title": "X", "slug": "x"}, format="json"
    )

    assert without_token.status_code == 403
    assert "CSRF" in without_token.json()["detail"]


def test_login_is_rate_limited_per_client_address(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-login": "3/minute",
    }
    verified_account()
    client, other = fresh_client(), fresh_client()

    answers = [
        login(client, "ada@example.org", "wrong-password-1").status_code
        for _ in range(4)
    ]
    blocked_even_with_the_right_password = login(client, "ada@example.org")
    elsewhere = login(other, "ada@example.org")

    assert answers == [401, 401, 401, 429]
    assert blocked_even_with_the_right_password.status_code == 429
    assert (
        blocked_even_with_the_right_password["Content-Type"]
        == "application/problem+json"
    )
    assert elsewhere.status_code == 201


def test_sign_up_and_password_reset_are_rate_limited(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-signup": "2/minute",
        "auth-password-reset": "2/minute",
    }
    client = fresh_client()

    signups = [sign_up(client, f"u{i}@example.org").status_code for i in range(3)]
    resets = [
        client.post(
            "/api/v1/auth/password-reset/", {"email": "u0@example.org"}
        ).status_code
        for _ in range(3)
    ]

    assert signups == [202, 202, 429]
    assert resets == [202, 202, 429]
    assert get_user_model().objects.filter(email__startswith="u").count() == 2


@pytest.mark.parametrize("path", ["/admin/login/", "/api-auth/login/"])
def test_session_sign_in_pages_share_the_login_throttle(settings, path) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-login": "2/minute",
    }
    client = fresh_client()
    form = {"username": "nobody@example.org", "password": "wrong-password-1"}

    answers = [client.post(path, form).status_code for _ in range(3)]

    assert answers == [200, 200, 429]
