"""The emailed reset link opens a page to choose a new password, with the
same rules as the API and errors next to the field (issue 15)."""

import pytest
from django.contrib.auth import get_user_model
from knox.models import AuthToken

from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    fresh_client,
    outbox_to,
)
from tests.factories import TEST_PASSWORD, UserFactory

from .support import emailed_link, path_of

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
EMAIL = "grace@example.org"
NEW_PASSWORD = "a-brand-new-long-passphrase-7"


@pytest.fixture
def reset_link() -> str:
    UserFactory.create(username=EMAIL, email=EMAIL)
    response = fresh_client().post(
        "/api/v1/auth/password-reset/", {"email": EMAIL}, format="json"
    )
    assert response.status_code == 202
    return emailed_link(outbox_to(EMAIL)[-1].body, "/reset-password")


def choose(client, page, first: str, second: str | None = None, **headers: str):
    data = {
        "uid": page.context["form"]["uid"].value(),
        "token": page.context["form"]["token"].value(),
        "new_password": first,
        "new_password_again": first if second is None else second,
    }
    return client.post("/reset-password/", data, **headers)


def login(password: str) -> int:
    return (
        fresh_client()
        .post(
            "/api/v1/auth/login/",
            {"email": EMAIL, "password": password},
            format="json",
        )
        .status_code
    )


def test_a_weak_password_is_refused_with_the_rules_then_a_good_one_works(
    client, reset_link: str
) -> None:
    user = get_user_model().objects.get(email=EMAIL)
    AuthToken.objects.create(user=user)
    page = client.get(path_of(reset_link))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<label for="id_new_password">New password</label>' in html
    assert "at least 8 characters" in html  # the rules, before any error

    weak = choose(client, page, "12345")
    differ = choose(client, page, NEW_PASSWORD, NEW_PASSWORD + "x")
    done = choose(client, page, NEW_PASSWORD)

    weak_html = weak.content.decode()
    assert weak.status_code == 400
    assert 'aria-invalid="true"' in weak_html
    assert "This password is too short." in weak_html
    assert "This password is entirely numeric." in weak_html
    assert differ.status_code == 400
    assert "The two passwords differ." in differ.content.decode()
    assert done.status_code == 200
    assert "Password changed; sign in again." in done.content.decode()
    assert login(NEW_PASSWORD) == 201
    assert login(TEST_PASSWORD) == 401
    assert AuthToken.objects.filter(user=user).count() == 1  # only the new sign-in


def test_a_used_link_is_refused_above_the_form(client, reset_link: str) -> None:
    page = client.get(path_of(reset_link))
    choose(client, page, NEW_PASSWORD)

    again = choose(client, page, "another-long-passphrase-8")

    assert again.status_code == 400
    html = again.content.decode()
    assert "The reset link is invalid or has expired." in html
    assert "Ask for a new link" in html
    assert login(NEW_PASSWORD) == 201


def test_the_rules_and_errors_speak_bokmal(client, reset_link: str) -> None:
    page = client.get(path_of(reset_link), HTTP_ACCEPT_LANGUAGE="nb")

    weak = choose(client, page, "12345", HTTP_ACCEPT_LANGUAGE="nb")

    assert "Velg et nytt passord" in page.content.decode()
    html = weak.content.decode()
    assert '<html lang="nb">' in html
    assert "Nytt passord" in html
    assert "Dette passordet inneholder bare tall." in html
