"""Problem-details titles and default details in the request's language.

The English texts are Python's `HTTPStatus` phrases and descriptions, so an
English response reads as before; `gettext_lazy` gives them a Bokmål version.
"""

from http import HTTPStatus

from django.utils.translation import gettext_lazy as _

TITLES = {
    400: _("Bad Request"),
    401: _("Unauthorized"),
    403: _("Forbidden"),
    404: _("Not Found"),
    405: _("Method Not Allowed"),
    406: _("Not Acceptable"),
    409: _("Conflict"),
    410: _("Gone"),
    412: _("Precondition Failed"),
    413: _("Request Entity Too Large"),
    415: _("Unsupported Media Type"),
    428: _("Precondition Required"),
    429: _("Too Many Requests"),
    500: _("Internal Server Error"),
    502: _("Bad Gateway"),
    503: _("Service Unavailable"),
    504: _("Gateway Timeout"),
}

DESCRIPTIONS = {
    400: _("Bad request syntax or unsupported method"),
    401: _("No permission -- see authorization schemes"),
    403: _("Request forbidden -- authorization will not help"),
    404: _("Nothing matches the given URI"),
    405: _("Specified method is invalid for this resource"),
    406: _("URI not available in preferred format"),
    409: _("Request conflict"),
    410: _("URI no longer exists and has been permanently removed"),
    412: _("Precondition in headers is false"),
    413: _("Entity is too large"),
    415: _("Entity body in unsupported format"),
    428: _("The origin server requires the request to be conditional"),
    429: _(
        "The user has sent too many requests in a given amount of time "
        '("rate limiting")'
    ),
    500: _("Server got itself in trouble"),
    502: _("Invalid responses from another server/proxy"),
    503: _("The server cannot process the request due to a high load"),
    504: _("The gateway server did not receive a timely response"),
}


def status_title(status: int) -> str:
    return str(TITLES.get(status) or HTTPStatus(status).phrase)


def status_description(status: int) -> str:
    return str(DESCRIPTIONS.get(status) or HTTPStatus(status).description)
