"""Sign up, sign in, sign out and ask for a password reset in the browser:
session cookies with CSRF, the same account services and throttles as the API.
The answers never tell whether an address has an account."""

from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pilots.services.accounts import (
    account_password_reset_request,
    account_sign_up,
)

from ..account_forms import PasswordResetRequestForm, SignInForm, SignUpForm
from ..language import with_language
from ..sign_in_guard import refusal
from .pages import page

TOO_MANY = 429


def _refused(request: HttpRequest, template: str, form: Any, why: str) -> HttpResponse:
    return page(request, template, {"form": form, "refused": why}, status=TOO_MANY)


@require_http_methods(["GET", "POST"])
@with_language
def sign_up_view(request: HttpRequest) -> HttpResponse:
    template = "portal/sign_up.html"
    if request.method == "GET":
        return page(request, template, {"form": SignUpForm()})
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return page(request, template, {"form": form}, status=400)
    why = refusal(request, "auth-signup")
    if why:
        return _refused(request, template, form, why)
    try:
        account_sign_up(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
            language=(get_language() or "en")[:2],
        )
    except ValidationError as error:
        form.add_error("password", error)
        return page(request, template, {"form": form}, status=400)
    return page(request, template, {"done": True})


def _next_page(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("web:my-pilots")


@require_http_methods(["GET", "POST"])
@with_language
def sign_in_view(request: HttpRequest) -> HttpResponse:
    template = "portal/sign_in.html"
    context: dict[str, Any] = {
        "next": _next_page(request),
        "signed_out": "signed-out" in request.GET,
    }
    if request.method == "GET":
        return page(request, template, {**context, "form": SignInForm()})
    form = SignInForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return page(request, template, context, status=400)
    email = form.cleaned_data["email"]
    why = refusal(request, "auth-login", email)
    if why:
        return _refused(request, template, form, why)
    user = authenticate(
        request, username=email.strip().lower(), password=form.cleaned_data["password"]
    )
    if user is None:
        # One answer for an unknown address, a wrong password and an
        # unconfirmed account; the failure is counted by the signal.
        form.add_error(
            None, _("Wrong email or password, or the address is not confirmed yet.")
        )
        return page(request, template, context, status=400)
    login(request, user)
    return HttpResponseRedirect(context["next"])


@require_POST
def sign_out_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponseRedirect(reverse("web:sign-in") + "?signed-out=1")


@require_http_methods(["GET", "POST"])
@with_language
def password_reset_request_view(request: HttpRequest) -> HttpResponse:
    template = "portal/forgot_password.html"
    if request.method == "GET":
        return page(request, template, {"form": PasswordResetRequestForm()})
    form = PasswordResetRequestForm(request.POST)
    if not form.is_valid():
        return page(request, template, {"form": form}, status=400)
    why = refusal(request, "auth-password-reset")
    if why:
        return _refused(request, template, form, why)
    account_password_reset_request(email=form.cleaned_data["email"])
    return page(request, template, {"done": True})
