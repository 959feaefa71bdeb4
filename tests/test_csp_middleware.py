"""The CSP header of a response without a nonce is django-csp's own policy,
built once per process and again when the settings change (config/csp.py)."""

import re
from typing import Any

import pytest
from csp.utils import build_policy

from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_an_api_answer_gets_django_csps_policy(client) -> None:
    response = client.get("/api/v1/zones/")

    assert response["Content-Security-Policy"] == build_policy()
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in response


def test_a_change_of_the_settings_changes_the_header(client, settings) -> None:
    client.get("/api/v1/zones/")
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'self'"]}
    }

    response = client.get("/api/v1/zones/")

    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'self'"


def test_a_page_with_a_nonce_still_gets_its_own(client) -> None:
    site: Any = SiteFactory()
    response = client.get(f"/sites/{site.slug}/")

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    assert nonce is not None
    assert f'nonce="{nonce.group(1)}"' in response.content.decode()
