"""Reset and verification links stop working once used, after a password
change and after a sign-in (API sign-in updates last_login), issue 13."""

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

ADDRESS = "ada@example.org"
PASSWORD = "correct-horse-battery-staple-42"


def post(path: str, body: dict):
    return fresh_client().post(path, body, format="json")


def newest_link() -> dict[str, str]:
    return link_parts(outbox_to(ADDRESS)[-1].body)


def login(password: str = PASSWORD):
    return post("/api/v1/auth/login/", {"email": ADDRESS, "password": password})


@pytest.fixture
def account():
    post("/api/v1/auth/sign-up/", {"email": ADDRESS, "password": PASSWORD})
    assert post("/api/v1/auth/verify-email/", newest_link()).status_code == 200
    mail.outbox.clear()
    return get_user_model().objects.get(email=ADDRESS)


def reset_link() -> dict[str, str]:
    assert post("/api/v1/auth/password-reset/", {"email": ADDRESS}).status_code == 202
    return newest_link()


def confirm(link: dict[str, str], password: str):
    return post(
        "/api/v1/auth/password-reset/confirm/", {**link, "new_password": password}
    )


def test_a_reset_link_works_once(account) -> None:
    link = reset_link()

    assert confirm(link, "first-new-password-1").status_code == 200
    assert confirm(link, "second-new-password-2").status_code == 400
    assert login("first-new-password-1").status_code == 201


def test_a_reset_link_stops_working_after_a_password_change(account) -> None:
    older = reset_link()
    confirm(reset_link(), "changed-password-3")

    answer = confirm(older, "attackers-password-4")

    assert answer.status_code == 400
    assert login("changed-password-3").status_code == 201


def test_a_reset_link_stops_working_after_a_sign_in(account) -> None:
    link = reset_link()

    assert login().status_code == 201
    answer = confirm(link, "attackers-password-5")

    assert answer.status_code == 400
    assert [e["field"] for e in answer.json()["errors"]] == ["token"]
    assert login().status_code == 201
    assert get_user_model().objects.get(email=ADDRESS).last_login is not None


def test_a_verification_link_works_once() -> None:
    post("/api/v1/auth/sign-up/", {"email": ADDRESS, "password": PASSWORD})
    link = newest_link()

    assert post("/api/v1/auth/verify-email/", link).status_code == 200
    assert post("/api/v1/auth/verify-email/", link).status_code == 400


def test_a_verification_link_stops_working_after_a_password_change() -> None:
    post("/api/v1/auth/sign-up/", {"email": ADDRESS, "password": PASSWORD})
    link = newest_link()
    confirm(reset_link(), "changed-password-6")

    assert post("/api/v1/auth/verify-email/", link).status_code == 400


def test_a_verification_link_stops_working_after_a_sign_in() -> None:
    post("/api/v1/auth/sign-up/", {"email": ADDRESS, "password": PASSWORD})
    link = newest_link()
    get_user_model().objects.filter(email=ADDRESS).update(is_active=True)

    assert login().status_code == 201
    assert post("/api/v1/auth/verify-email/", link).status_code == 400
