"""The message storage is made only when a view uses it (config/messages.py)."""

from typing import Any

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import empty

from config.messages import LazyMessageMiddleware

pytestmark = pytest.mark.django_db


def _through(view: Any) -> tuple[Any, Any]:
    request = RequestFactory().get("/somewhere/")
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    response = LazyMessageMiddleware(view)(request)
    return request, response


def test_an_answer_that_never_uses_messages_makes_no_storage(client) -> None:
    request, response = _through(lambda request: HttpResponse("ok"))

    assert request._messages._wrapped is empty
    assert "messages" not in response.cookies
    assert client.get("/api/v1/zones/").wsgi_request._messages._wrapped is empty


def test_a_message_a_view_adds_is_kept_for_the_next_page() -> None:
    def view(request: Any) -> HttpResponse:
        messages.success(request, "Saved.")
        return HttpResponse(status=302)

    _, response = _through(view)

    next_page = RequestFactory().get("/next/")
    next_page.COOKIES["messages"] = response.cookies["messages"].value
    assert [str(message) for message in CookieStorage(next_page)] == ["Saved."]
