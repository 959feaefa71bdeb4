"""Django's message middleware, with the storage made when first used.

Django's builds the message storage (cookie and session backends) for every
request and updates it on every response; only the pages for people ever
use it, so API, OGC and tile answers no longer pay for it.
"""

from typing import Any

from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.messages.storage import default_storage
from django.utils.functional import SimpleLazyObject, empty


class LazyMessageMiddleware(MessageMiddleware):
    def process_request(self, request: Any) -> None:
        request._messages = SimpleLazyObject(lambda: default_storage(request))

    def process_response(self, request: Any, response: Any) -> Any:
        messages = getattr(request, "_messages", None)
        if isinstance(messages, SimpleLazyObject) and messages._wrapped is empty:
            return response  # never asked for: nothing to read or store
        return super().process_response(request, response)
