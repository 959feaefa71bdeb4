"""The unsubscribe link of emails sent before the pages for people (issue 15).

A GET goes to the page at /unsubscribe/<token>/ (web/), which names the
subscription and offers undo; a POST is a mail client's RFC 8058 one-click
request and unsubscribes. The signed token is the authority.
"""

from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from api.content_language import translated
from api.errors import problem_response
from pilots.notifications.content import subscription_id_from_token
from pilots.services.subscriptions import subscription_unsubscribe_by_token


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "GET":
            subscription_id_from_token(token)
            return HttpResponseRedirect(reverse("web:unsubscribe", args=[token]))
        subscription = subscription_unsubscribe_by_token(token=token)
    except signing.BadSignature:
        return problem_response(404, _("This unsubscribe link is not valid."))
    return translated(
        JsonResponse(
            {"detail": _("Unsubscribed from “%(name)s”.") % {"name": subscription}}
        )
    )
