"""Session sign-in pages (admin, browsable API) under the same throttles as the
token sign-in: a POST over the address rate, or for an account with too many
failed sign-ins, answers 429 before any password is checked."""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from ..errors import problem_response
from ..throttling import (
    AccountSignInThrottle,
    AuthRateThrottle,
    account_locked_message,
)

LOGIN_SCOPE = SimpleNamespace(throttle_scope="auth-login")


def throttled(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST":
            throttle = AuthRateThrottle()
            if not throttle.allow_request(request, LOGIN_SCOPE):  # type: ignore[arg-type]
                wait = throttle.wait()
                response = problem_response(
                    429, _("Too many sign-in attempts; try again later.")
                )
                if wait is not None:
                    response["Retry-After"] = str(int(wait) + 1)
                return response
            account = AccountSignInThrottle(str(request.POST.get("username", "")))
            if account.locked():
                response = problem_response(429, account_locked_message())
                response["Retry-After"] = str(account.wait())
                return response
        return view(request, *args, **kwargs)

    return wrapper


browsable_api_login = throttled(
    auth_views.LoginView.as_view(template_name="rest_framework/login.html")
)
