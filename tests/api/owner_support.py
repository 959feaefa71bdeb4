"""Helpers for the accounts, permissions and workflow tests (issue 5)."""

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from rest_framework.test import APIClient

from config.celery_app import app
from pilots.models import OrganizationMembership
from pilots.selectors.permissions import MODERATORS_GROUP
from tests.factories import UserFactory


@pytest.fixture
def eager_celery() -> Iterator[None]:
    """Tasks run in this process when queued (the real task code, no worker);
    the email backend is the locmem outbox pytest-django sets up."""
    previous = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_eager_propagates = previous


class CommitClient(APIClient):
    """Runs the on-commit callbacks of each request when it ends, as a real
    commit would (the test's transaction is never committed), so queued emails
    go out while the test runs in one rolled-back transaction."""

    def request(self, *args: Any, **kwargs: Any) -> Any:
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(*args, **kwargs)


def fresh_client() -> APIClient:
    """A client with its own address, so the auth throttles (counted in the
    shared Redis) never carry over between tests."""
    octets = uuid.uuid4().bytes[:3]
    return CommitClient(REMOTE_ADDR="10.{}.{}.{}".format(*octets))


def client_for(user: Any) -> APIClient:
    client = fresh_client()
    client.force_authenticate(user)
    return client


def make_moderator(**fields: Any) -> Any:
    user = UserFactory.create(**fields)
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    user.groups.add(group)
    return user


def make_member(organization: Any, role: str = "admin", **fields: Any) -> Any:
    user = UserFactory.create(**fields)
    OrganizationMembership.objects.create(
        organization=organization, user=user, role=role
    )
    return user


def link_parts(body: str) -> dict[str, str]:
    """uid and token from an account email."""
    match = re.search(r"uid=([\w-]+)\S*?token=([\w-]+)", body)
    assert match, body
    return {"uid": match.group(1), "token": match.group(2)}


def outbox_to(address: str) -> list[Any]:
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def fast_password_hashing(settings: Any) -> None:
    """MD5 instead of PBKDF2's 10^6 rounds: these tests exercise the flows,
    not the hasher (Django's own tests do the same)."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
