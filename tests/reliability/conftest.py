"""Fixtures for the reliability suite: in-process API calls, identities, figures."""

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tests.factories import UserFactory

from .identities import ANONYMOUS, OTHER, OWNER, Credentials, credentials_for

# Cases tried per suite, printed at the end of the run (README "Reliability").
FIGURES: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for name, count in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {count}")


@pytest.fixture
def in_process_wsgi(db: None) -> Iterator[None]:
    """Call the WSGI app inside the test transaction, as Django's test client does.

    The handler closes unusable connections at each request's start and end;
    inside the test's transaction that would close it, so (like the test client)
    the hook is disconnected for the duration of the test.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    cache.clear()
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        cache.clear()


@pytest.fixture
def identities(db: None) -> dict[str, Credentials]:
    owner: Any = UserFactory(username="reliability-owner")
    other: Any = UserFactory(username="reliability-other")
    return {
        ANONYMOUS: credentials_for(None),
        OWNER: credentials_for(owner),
        OTHER: credentials_for(other),
    }
