"""django-csp's middleware, with the policies built once per process.

django-csp builds the Content-Security-Policy header (and the report-only
one) from the settings for every response: about a tenth of the time of a
tile served from the cache. A response with no nonce and no policy of its
own (every API, OGC and tile answer) gets the same header each time, so it
is built once and kept with the settings it came from; pages that use a
nonce or set their own policy go through django-csp unchanged.
"""

from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings

_OWN_POLICY = tuple(
    f"_csp_{part}{suffix}"
    for part in ("config", "update", "replace")
    for suffix in ("", "_ro")
)
_HEADERS = (
    (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
    (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
)
_built: dict[bool, tuple[Any, str]] = {}


def settings_policy(*, report_only: bool) -> str:
    """django-csp's policy of the settings alone, rebuilt when they change."""
    config = getattr(settings, _HEADERS[report_only][3], None)
    kept = _built.get(report_only)
    if kept is None or kept[0] is not config:
        kept = _built[report_only] = (config, build_policy(report_only=report_only))
    return kept[1]


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(self, request: Any, response: Any) -> Any:
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _OWN_POLICY
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (404, 500):
            return response  # Django's debug pages, as django-csp
        for report_only, header, exempt, setting in _HEADERS:
            policy = settings_policy(report_only=report_only)
            excluded = (getattr(settings, setting, None) or {}).get(
                "EXCLUDE_URL_PREFIXES"
            ) or ()
            if (
                policy
                and header not in response
                and not getattr(response, exempt, False)
                and not request.path_info.startswith(tuple(excluded))
            ):
                response[header] = policy
        # As django-csp: a nonce asked for after this is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
