"""The emailed verification link opens a page; one click confirms the address
(issue 15). A GET changes nothing, so mail scanners confirm no one."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    fresh_client,
    outbox_to,
)

from .support import emailed_link, path_of

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
EMAIL = "ada@example.org"


def signed_up_link(**headers: Any) -> str:
    client = fresh_client()
    response = client.post(
        "/api/v1/auth/sign-up/",
        {"email": EMAIL, "password": "correct-horse-battery-staple-42"},
        format="json",
        **headers,
    )
    assert response.status_code == 202
    return emailed_link(outbox_to(EMAIL)[-1].body, "/verify-email")


def is_active() -> bool:
    return get_user_model().objects.get(email=EMAIL).is_active


def test_the_emailed_link_opens_a_page_and_one_click_confirms(client) -> None:
    link = signed_up_link()

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert b'<form method="post">' in page.content
    assert not is_active()  # opening the link confirms nothing

    done = client.post("/verify-email/", dict(page.context["form"].data.items()))

    assert done.status_code == 200
    assert "Email address confirmed; you can sign in." in done.content.decode()
    assert is_active()


def test_links_start_with_the_public_base_url(client, settings) -> None:
    settings.PUBLIC_BASE_URL = "https://registry.techport.example"

    link = signed_up_link()

    assert link.startswith("https://registry.techport.example/verify-email/?uid=")
    assert client.get(path_of(link)).status_code == 200


def test_a_used_or_forged_link_says_so_and_changes_nothing(client) -> None:
    link = signed_up_link()
    data = dict(client.get(path_of(link)).context["form"].data.items())
    client.post("/verify-email/", data)

    again = client.post("/verify-email/", data)
    forged = client.post("/verify-email/", {**data, "token": "abc-0123456789abcdef"})

    assert again.status_code == 400
    assert "invalid or has expired" in again.content.decode()
    assert forged.status_code == 400
    assert b'role="alert"' in forged.content


def test_an_incomplete_link_is_explained(client) -> None:
    page = client.get("/verify-email/?uid=MQ")

    assert page.status_code == 400
    assert "This link is incomplete" in page.content.decode()


def test_the_page_speaks_bokmal(client) -> None:
    link = signed_up_link(HTTP_ACCEPT_LANGUAGE="nb")

    page = client.get(path_of(link), HTTP_ACCEPT_LANGUAGE="nb")

    html = page.content.decode()
    assert '<html lang="nb">' in html
    assert "Bekreft adressen min" in html
