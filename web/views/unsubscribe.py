"""Unsubscribe from an email link without signing in, and undo it.

GET names the subscription and offers one button (mail scanners that open
links unsubscribe no one); POST unsubscribes: the button, or a mail client's
RFC 8058 `List-Unsubscribe=One-Click` request. The signed token is the
authority, so there is no CSRF token to check. The page speaks the
subscriber's language unless the visitor chose one.
"""

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from pilots.emails import recipient_language
from pilots.models import Subscription
from pilots.selectors.pages import subscription_by_token
from pilots.services.subscriptions import (
    subscription_resubscribe_by_token,
    subscription_unsubscribe_by_token,
)

from ..language import chosen_language, use_language, with_language
from ..localized import sector_names
from .pages import not_found, page


@csrf_exempt
@require_http_methods(["GET", "POST"])
@with_language
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_by_token(token=token)
        if request.method == "POST":
            subscription = subscription_unsubscribe_by_token(token=token)
    except signing.BadSignature:
        return _invalid(request)
    return _render(request, token, subscription)


@csrf_exempt
@require_POST
@with_language
def resubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscription = subscription_resubscribe_by_token(token=token)
    except signing.BadSignature:
        return _invalid(request)
    return _render(request, token, subscription, resubscribed=True)


def _invalid(request: HttpRequest) -> HttpResponse:
    return not_found(request, _("This unsubscribe link is not valid."))


def _render(
    request: HttpRequest,
    token: str,
    subscription: Subscription,
    resubscribed: bool = False,
) -> HttpResponse:
    if chosen_language(request) is None:
        use_language(request, recipient_language(subscription.user))
    context = {
        "token": token,
        "subscription": subscription,
        "sectors": sector_names(subscription.sectors),
        "unsubscribed": subscription.unsubscribed_at is not None,
        "resubscribed": resubscribed,
    }
    return page(request, "unsubscribe.html", context)
