"""Who calls the API in the reliability tests: anonymous, an owner, a second user.

Credentials follow the authentication the settings enable: a knox token when knox
is on (how API clients call), otherwise a session cookie with a CSRF token pair
(how the browser and the Swagger UI call).
"""

import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.test import Client

ANONYMOUS, OWNER, OTHER = "anonymous", "owner", "other"
IDENTITIES = (ANONYMOUS, OWNER, OTHER)


@dataclass(frozen=True)
class Credentials:
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)


def _authentication_classes() -> list[str]:
    return list(settings.REST_FRAMEWORK.get("DEFAULT_AUTHENTICATION_CLASSES", []))


def credentials_for(user: Any) -> Credentials:
    if user is None:
        return Credentials()
    classes = _authentication_classes()
    if "knox.auth.TokenAuthentication" in classes:
        from knox.models import AuthToken

        _, key = AuthToken.objects.create(user)
        return Credentials(headers={"Authorization": f"Token {key}"})
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)  # a 32-character secret, accepted as cookie and header
    return Credentials(
        headers={"X-CSRFToken": csrf},
        cookies={
            settings.SESSION_COOKIE_NAME: client.cookies[
                settings.SESSION_COOKIE_NAME
            ].value,
            settings.CSRF_COOKIE_NAME: csrf,
        },
    )
