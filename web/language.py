"""The page language: `?lang=nb|en` (the switch link) wins and is remembered in
Django's language cookie; otherwise LocaleMiddleware's choice (the cookie, then
Accept-Language) stands."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

ONE_YEAR = 365 * 24 * 3600


def chosen_language(request: HttpRequest) -> str | None:
    """The language the visitor picked (link or cookie), if any."""
    languages = dict(settings.LANGUAGES)
    for value in (
        request.GET.get("lang"),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
    ):
        if value in languages:
            return value
    return None


def use_language(request: HttpRequest, language: str) -> None:
    translation.activate(language)
    request.LANGUAGE_CODE = language


def with_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Honour and remember `?lang=`; every response varies by the choice."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        picked = request.GET.get("lang")
        if picked not in dict(settings.LANGUAGES):
            picked = None
        if picked:
            use_language(request, picked)
        response = view(request, *args, **kwargs)
        if picked:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                picked,
                max_age=ONE_YEAR,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    return wrapper
