"""One-click unsubscribe from an email, without logging in (RFC 8058).

GET shows a confirmation page with one button (mail scanners that follow links
unsubscribe no one); POST unsubscribes: the button, or a mail client's
`List-Unsubscribe=One-Click` request. The signed token is the authority.
"""

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from api.errors import problem_response
from pilots.notifications.content import (
    subscriber_language,
    subscription_id_from_token,
)
from pilots.services.subscriptions import subscription_unsubscribe_by_token

INVALID = _("This unsubscribe link is not valid.")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        language = subscriber_language(subscription_id_from_token(token))
        if request.method == "POST":
            subscription = subscription_unsubscribe_by_token(token=token)
            done = True
        else:
            subscription = None
            done = False
    except signing.BadSignature:
        return problem_response(404, str(INVALID))
    # The page speaks the subscriber's language, like the email that linked here.
    with translation.override(language):
        html = render_to_string(
            "notifications/unsubscribe.html",
            {"done": done, "subscription": subscription, "language": language},
            request=request,
        )
    return HttpResponse(html)
