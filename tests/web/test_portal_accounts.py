"""Sign up, sign in, sign out and ask for a password reset in the browser
(issue 16): the account services and the API's throttles, the same answer
whether or not an address has an account, CSRF on every form."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests.api.owner_support import eager_celery, fast_password_hashing, outbox_to
from tests.factories import UserFactory

from .portal_support import PASSWORD, page_client
from .support import emailed_link, path_of

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
EMAIL = "owner@example.org"
WRONG = "Wrong email or password, or the address is not confirmed yet."


def member(email: str = EMAIL, **fields: Any) -> Any:
    user = UserFactory.create(username=email, email=email, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client: Any, email: str = EMAIL, password: str = PASSWORD) -> Any:
    return client.post("/sign-in/", {"email": email, "password": password})


def test_sign_up_emails_the_link_to_the_verification_page_then_sign_in() -> None:
    client = page_client()
    form = client.get("/sign-up/")
    assert form.status_code == 200
    assert b'autocomplete="new-password"' in form.content

    done = client.post("/sign-up/", {"email": EMAIL, "password": PASSWORD})

    assert done.status_code == 200
    assert "Check your inbox" in done.content.decode()
    user = get_user_model().objects.get(email=EMAIL)
    assert not user.is_active
    link = emailed_link(outbox_to(EMAIL)[-1].body, "/verify-email/")
    confirm = client.get(path_of(link))
    client.post("/verify-email/", dict(confirm.context["form"].data.items()))
    signed = sign_in(client)
    assert signed.status_code == 302
    assert signed["Location"] == "/my/pilots/"
    assert client.get("/my/pilots/").status_code == 200


def test_sign_up_answers_the_same_for_a_taken_address() -> None:
    member()
    client = page_client()

    # A good password: the rules answer alike for every address (issue 13).
    done = client.post(
        "/sign-up/",
        {"email": EMAIL.upper(), "password": "correct-horse-battery-staple-42"},
    )

    assert done.status_code == 200
    assert "Check your inbox" in done.content.decode()
    assert get_user_model().objects.filter(email__iexact=EMAIL).count() == 1
    assert len(outbox_to(EMAIL)) == 1  # the owner is told someone tried


def test_sign_up_shows_the_password_rules_on_the_field() -> None:
    response = page_client().post("/sign-up/", {"email": EMAIL, "password": "12345"})

    assert response.status_code == 400
    assert (
        "This password is too short." in response.context["form"].errors["password"][0]
    )
    assert b'aria-invalid="true"' in response.content
    assert not get_user_model().objects.filter(email=EMAIL).exists()


@pytest.mark.parametrize("case", ["unknown", "wrong-password", "unconfirmed"])
def test_sign_in_gives_one_answer_for_every_failure(case: str) -> None:
    member(is_active=case != "unconfirmed")
    email = "nobody@example.org" if case == "unknown" else EMAIL
    password = "not-the-password" if case == "wrong-password" else PASSWORD

    response = sign_in(page_client(), email, password)

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [WRONG]


def test_sign_in_goes_back_to_the_page_asked_for_but_never_off_site() -> None:
    member()
    client = page_client()
    asked = client.get("/my/pilots/new/")
    assert asked["Location"] == "/sign-in/?next=%2Fmy%2Fpilots%2Fnew%2F"

    signed = client.post(
        "/sign-in/", {"email": EMAIL, "password": PASSWORD, "next": "/my/pilots/new/"}
    )
    assert signed["Location"] == "/my/pilots/new/"
    client.logout()
    away = client.post(
        "/sign-in/",
        {"email": EMAIL, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert away["Location"] == "/my/pilots/"


def test_failed_sign_ins_lock_the_account_for_pages_and_api_alike(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-login-account": "2/15m",
    }
    member()
    sign_in(page_client(), password="guess-1")
    sign_in(page_client(), password="guess-2")

    page = sign_in(page_client())  # the right password, from a new address
    api = page_client().post(
        "/api/v1/auth/login/",
        {"email": EMAIL, "password": PASSWORD},
        content_type="application/json",
    )

    assert page.status_code == 429
    assert "Too many failed sign-ins for this account" in page.content.decode()
    assert "_auth_user_id" not in page.client.session
    assert api.status_code == 429


def test_sign_in_is_throttled_per_address(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-login": "2/minute",
    }
    member()
    client = page_client()
    sign_in(client, "a@example.org")
    sign_in(client, "b@example.org")

    third = sign_in(client)

    assert third.status_code == 429
    assert "Too many attempts" in third.content.decode()


def test_pages_and_api_share_the_count_per_address(settings) -> None:
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-login": "2/minute",
    }
    member()
    client = page_client()
    sign_in(client, "a@example.org")
    sign_in(client, "b@example.org")

    api = client.post(
        "/api/v1/auth/login/",
        {"email": EMAIL, "password": PASSWORD},
        content_type="application/json",
    )

    assert api.status_code == 429


def test_sign_out_is_a_post_and_ends_the_session() -> None:
    user = member()
    client = page_client()
    client.force_login(user)
    assert client.get("/sign-out/").status_code == 405

    out = client.post("/sign-out/")

    assert out["Location"] == "/sign-in/?signed-out=1"
    assert client.get("/my/pilots/").status_code == 302
    assert "You are signed out." in client.get(out["Location"]).content.decode()


def test_forgot_password_answers_the_same_and_emails_only_an_account() -> None:
    member()
    known = page_client().post("/forgot-password/", {"email": EMAIL})
    unknown = page_client().post("/forgot-password/", {"email": "no@example.org"})

    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    link = emailed_link(outbox_to(EMAIL)[-1].body, "/reset-password/")
    assert "uid=" in link
    assert outbox_to("no@example.org") == []


@pytest.mark.parametrize("path", ["/sign-up/", "/sign-in/", "/forgot-password/"])
def test_the_forms_refuse_a_post_without_the_csrf_token(path: str) -> None:
    member()
    client = page_client(enforce_csrf_checks=True)

    response = client.post(path, {"email": EMAIL, "password": PASSWORD})

    assert response.status_code == 403
    assert len(outbox_to(EMAIL)) == 0


def test_the_pages_speak_bokmal() -> None:
    page = page_client().get("/sign-in/?lang=nb")

    assert page.status_code == 200
    assert '<html lang="nb">' in page.content.decode()
    assert "Logg inn" in page.content.decode()
