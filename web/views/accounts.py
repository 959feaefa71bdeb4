"""The links in account emails: confirm an address, choose a new password.

A GET only shows a form: mail scanners that open links change nothing. The
POST calls the same services as the API (pilots.services.accounts).
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from pilots.services.accounts import (
    account_password_reset_confirm,
    account_verify_email,
)

from ..forms import EmailLinkForm, NewPasswordForm
from ..language import with_language
from .pages import page


@require_http_methods(["GET", "POST"])
@with_language
def verify_email_view(request: HttpRequest) -> HttpResponse:
    form = EmailLinkForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        return page(request, "verify_email.html", {"broken": True}, status=400)
    if request.method == "GET":
        return page(request, "verify_email.html", {"form": form})
    try:
        account_verify_email(**form.cleaned_data)
    except ValidationError as error:
        context = {"errors": error.messages}
        return page(request, "verify_email.html", context, status=400)
    return page(request, "verify_email.html", {"done": True})


@require_http_methods(["GET", "POST"])
@with_language
def reset_password_view(request: HttpRequest) -> HttpResponse:
    link = EmailLinkForm(request.POST if request.method == "POST" else request.GET)
    if not link.is_valid():
        return page(request, "reset_password.html", {"broken": True}, status=400)
    if request.method == "GET":
        form = NewPasswordForm(initial=link.cleaned_data)
        return page(request, "reset_password.html", {"form": form})
    form = NewPasswordForm(request.POST)
    if form.is_valid():
        try:
            account_password_reset_confirm(
                uid=form.cleaned_data["uid"],
                token=form.cleaned_data["token"],
                password=form.cleaned_data["new_password"],
            )
        except ValidationError as error:
            _attach(form, error)
        else:
            return page(request, "reset_password.html", {"done": True})
    return page(request, "reset_password.html", {"form": form}, status=400)


def _attach(form: NewPasswordForm, error: ValidationError) -> None:
    """Password rules (they carry a code) to the field; the link's fault above."""
    for item in error.error_list:
        form.add_error("new_password" if item.code else None, item)
