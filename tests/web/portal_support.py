"""Helpers for the portal's page tests: a browser-like client with its own
address (the sign-in throttles count per address in the shared Redis) whose
requests run their on-commit callbacks (queued emails go out)."""

import uuid
from typing import Any

from django.test import Client, TestCase

PASSWORD = "correct-horse-battery-staple-42"


class PageClient(Client):
    def request(self, **request: Any) -> Any:
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


def page_client(**kwargs: Any) -> PageClient:
    octets = uuid.uuid4().bytes[:3]
    return PageClient(REMOTE_ADDR="10.{}.{}.{}".format(*octets), **kwargs)


def signed_in_client(user: Any) -> PageClient:
    client = page_client()
    client.force_login(user)
    return client
