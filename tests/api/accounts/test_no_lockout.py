"""Someone who signs up with another person's address cannot keep them out: a
later sign-up or a password reset by the address's owner wins, and a fresh
verification link can be asked for (issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from ..owner_support import (
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

ADDRESS = "owner@example.org"
SQUATTER_PASSWORD = "squatters-password-111"
OWNER_PASSWORD = "owners-own-password-222"


def post(path: str, body: dict):
    return fresh_client().post(path, body, format="json")


def sign_up(password: str, email: str = ADDRESS):
    return post("/api/v1/auth/sign-up/", {"email": email, "password": password})


def login(password: str):
    return post("/api/v1/auth/login/", {"email": ADDRESS, "password": password})


def newest_link() -> dict[str, str]:
    return link_parts(outbox_to(ADDRESS)[-1].body)


def test_a_later_sign_up_by_the_owner_wins() -> None:
    sign_up(SQUATTER_PASSWORD)
    squatters_link = newest_link()

    answer = sign_up(OWNER_PASSWORD)
    verified = post("/api/v1/auth/verify-email/", newest_link())

    assert answer.status_code == 202
    assert verified.status_code == 200
    assert get_user_model().objects.filter(email=ADDRESS).count() == 1
    assert login(OWNER_PASSWORD).status_code == 201
    assert login(SQUATTER_PASSWORD).status_code == 401
    # The link made for the squatter's password no longer works.
    assert post("/api/v1/auth/verify-email/", squatters_link).status_code == 400


def test_a_password_reset_by_the_owner_verifies_and_activates() -> None:
    sign_up(SQUATTER_PASSWORD)

    asked = post("/api/v1/auth/password-reset/", {"email": ADDRESS})
    confirmed = post(
        "/api/v1/auth/password-reset/confirm/",
        {**newest_link(), "new_password": OWNER_PASSWORD},
    )

    assert (asked.status_code, confirmed.status_code) == (202, 200)
    user = get_user_model().objects.get(email=ADDRESS)
    assert user.is_active
    assert user.profile.email_verified_at is not None
    assert login(OWNER_PASSWORD).status_code == 201
    assert login(SQUATTER_PASSWORD).status_code == 401


def test_a_verified_account_is_not_changed_by_a_later_sign_up() -> None:
    sign_up(OWNER_PASSWORD)
    post("/api/v1/auth/verify-email/", newest_link())

    answer = sign_up(SQUATTER_PASSWORD)

    assert answer.status_code == 202
    assert login(OWNER_PASSWORD).status_code == 201
    assert login(SQUATTER_PASSWORD).status_code == 401
    assert "tried to create" in outbox_to(ADDRESS)[-1].body


def resend(email: str):
    return post("/api/v1/auth/verify-email/resend/", {"email": email})


def test_a_fresh_verification_link_can_be_asked_for() -> None:
    sign_up(OWNER_PASSWORD)
    mail.outbox.clear()

    answer = resend(ADDRESS)
    verified = post("/api/v1/auth/verify-email/", newest_link())

    assert answer.status_code == 202
    assert verified.status_code == 200
    assert login(OWNER_PASSWORD).status_code == 201


def test_resending_answers_the_same_for_any_address() -> None:
    sign_up(OWNER_PASSWORD, email="waiting@example.org")
    sign_up(OWNER_PASSWORD, email="done@example.org")
    post(
        "/api/v1/auth/verify-email/",
        link_parts(outbox_to("done@example.org")[-1].body),
    )
    mail.outbox.clear()

    answers = [
        resend(email)
        for email in ("waiting@example.org", "done@example.org", "none@example.org")
    ]

    assert {answer.status_code for answer in answers} == {202}
    assert len({answer.content for answer in answers}) == 1
    assert [message.to for message in mail.outbox] == [["waiting@example.org"]]


def test_resending_is_throttled_per_client_and_per_account(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-verify-resend": "2/minute",
    }
    sign_up(OWNER_PASSWORD)
    mail.outbox.clear()
    client = fresh_client()

    answers = [
        client.post(
            "/api/v1/auth/verify-email/resend/", {"email": ADDRESS}, format="json"
        ).status_code
        for _ in range(3)
    ]
    from_elsewhere = resend(ADDRESS)

    assert answers == [202, 202, 429]
    assert from_elsewhere.status_code == 202
    # One email a minute per account, however many clients ask.
    assert len(outbox_to(ADDRESS)) == 1


def test_an_account_switched_off_by_staff_is_not_reopened_by_a_sign_up() -> None:
    sign_up(OWNER_PASSWORD)
    post("/api/v1/auth/verify-email/", newest_link())
    get_user_model().objects.filter(email=ADDRESS).update(is_active=False)

    answer = sign_up(SQUATTER_PASSWORD)

    assert answer.status_code == 202
    user = get_user_model().objects.get(email=ADDRESS)
    assert user.check_password(OWNER_PASSWORD)
    assert not user.is_active
