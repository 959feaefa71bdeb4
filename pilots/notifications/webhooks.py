"""The webhook channel: a JSON POST signed per Standard Webhooks.

Headers `webhook-id` (the delivery's id: receivers dedupe on it),
`webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256>` are made by
the `standardwebhooks` reference library. The POST goes through requests-hardened
(SSRF filter pinned to the checked address, no redirects, short timeouts).
"""

import base64
import json
import secrets
from datetime import UTC, datetime
from typing import Any

import requests
from django.conf import settings
from requests_hardened import Config, Manager
from standardwebhooks import Webhook

from .webhook_safety import check_webhook_url, insecure_local_allowed

SECRET_PREFIX = "whsec_"  # noqa: S105 - the Standard Webhooks prefix


class WebhookGone(Exception):
    """The receiver answered 410: the endpoint is to be disabled."""


class DeliveryFailed(Exception):
    """A failure worth retrying; the text is for operators only."""


class DeliveryImpossible(DeliveryFailed):
    """A failure no retry can mend (no address, a refused URL): dead at once."""


def new_webhook_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signed_headers(
    *, secret: str, message_id: str, body: str, at: datetime
) -> dict[str, str]:
    at = at.astimezone(UTC)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
        "content-type": "application/json",
    }


def _http_manager() -> Manager:
    timeout = getattr(settings, "WEBHOOK_TIMEOUT_SECONDS", (3.0, 5.0))
    return Manager(
        Config(
            ip_filter_enable=True,
            ip_filter_allow_loopback_ips=insecure_local_allowed(),
            never_redirect=True,
            default_timeout=timeout,
            user_agent_override="TrondheimTechPort-Webhooks/1",
        )
    )


def webhook_send(*, url: str, secret: str, message_id: str, payload: Any) -> None:
    """POST once; raise WebhookGone on 410, DeliveryFailed on anything but 2xx."""
    from .webhook_safety import UnsafeWebhookURL

    try:
        check_webhook_url(url)
    except UnsafeWebhookURL as error:
        raise DeliveryImpossible(f"refused URL: {error.message}") from None
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    headers = signed_headers(
        secret=secret, message_id=message_id, body=body, at=datetime.now(UTC)
    )
    try:
        response = _http_manager().send_request(
            "POST",
            url,
            data=body.encode(),
            headers=headers,
            allow_redirects=False,
            stream=True,  # the body is never read: receivers' answers stay theirs
        )
    except requests.RequestException as error:
        raise DeliveryFailed(f"{type(error).__name__}") from None
    response.close()
    if response.status_code == 410:
        raise WebhookGone()
    if not 200 <= response.status_code < 300:
        raise DeliveryFailed(f"HTTP {response.status_code}")
