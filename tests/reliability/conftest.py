"""Fixtures for the reliability suite: in-process API calls, identities, figures."""

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from pilots.models import OrganizationMembership, PilotProject
from tests.factories import (
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)
from tests.pilots.notifications.factories import OpportunityFactory

from .identities import ANONYMOUS, OTHER, OWNER, Credentials, credentials_for

# Cases tried per suite, printed at the end of the run (README "Reliability").
FIGURES: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("reliability figures")
        for name, count in sorted(FIGURES.items()):
            terminalreporter.write_line(f"{name}: {count}")


@pytest.fixture
def in_process_wsgi(db: None, settings: Any) -> Iterator[None]:
    """Call the WSGI app inside the test transaction, as Django's test client does.

    The handler closes unusable connections at each request's start and end;
    inside the test's transaction that would close it, so (like the test client)
    the hook is disconnected for the duration of the test.

    The sign-in, sign-up and reset throttles (a few calls a minute per address,
    counted in Redis across processes and runs) are lifted for these tests only:
    a fuzzer calls those views hundreds of times from one address, and would see
    nothing but 429s. tests/api/test_auth.py and test_resource_limits.py show
    that the throttles hold with the real rates.
    """
    settings.AUTH_THROTTLE_RATES = dict.fromkeys(settings.AUTH_THROTTLE_RATES)
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


@pytest.fixture
def seeded_catalogue(identities: dict[str, Credentials]) -> None:
    """Public rows in every list, and the owner's own (an organisation they
    administer, its site and call, a published and a draft pilot), so response
    schemas are checked against real bodies, not only empty pages and 404s."""
    owner: Any = UserFactory.create(username="reliability-owner")
    organization = OrganizationFactory.create(slug="reliability-org")
    OrganizationMembership.objects.create(
        organization=organization, user=owner, role=OrganizationMembership.Role.ADMIN
    )
    site = SiteFactory.create(host=organization, slug="reliability-site")
    PilotProjectFactory.create(owner=owner, sites=[site], slug="reliability-pilot")
    PilotProjectFactory.create(
        owner=owner, slug="reliability-draft", status=PilotProject.Status.DRAFT
    )
    OpportunityFactory.create(publisher=organization, slug="reliability-call")
