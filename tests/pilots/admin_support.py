"""Helpers for the admin tests: a signed-in staff client and change-form data."""

import re
from html import unescape
from typing import Any

from django.contrib.auth.models import Permission
from django.contrib.gis.forms import GeometryField
from django.test import Client, TestCase

from tests.api.owner_support import make_moderator


class CommitClient(Client):
    """Runs each request's on-commit callbacks (queued emails) when it ends."""

    def request(self, **request: Any) -> Any:
        with TestCase.captureOnCommitCallbacks(execute=True):
            return super().request(**request)


def staff_moderator(**fields: Any) -> Any:
    """A staff account in the moderators group with the catalogue's permissions."""
    user = make_moderator(is_staff=True, **fields)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["pilots", "geo"])
    )
    return user


def admin_client(user: Any) -> CommitClient:
    client = CommitClient()
    client.force_login(user)
    return client


def _textarea(html: str, name: str) -> str:
    pattern = rf'<textarea[^>]* name="{name}"[^>]*>(.*?)</textarea>'
    found = re.search(pattern, html, re.S)
    assert found, f"no textarea for {name}"
    return unescape(found.group(1)).strip()


def change_form_data(response: Any) -> dict[str, Any]:
    """What the browser posts back from an admin change form left as it is."""
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if value is None or value is False:
            continue
        if isinstance(field, GeometryField):
            value = _textarea(response.content.decode(), name)
        data[name] = value
    return data
