"""Misconfiguration (OWASP API8): headers, CSP on the HTML pages, CORS, no stack data.

The HTML pages are loaded in headless Chromium under the real Content-Security-
Policy: the Swagger UI and ReDoc (and the map page, once it exists) must render
with no CSP violation.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client, override_settings

from .openapi import Operation, operations
from .servers import ROOT

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"
HTML_PAGES = ["/api/docs/", "/api/redoc/", "/map/"]
STACK_MARKERS = ("Traceback", 'File "/', "site-packages", "django.db", "psycopg")


def _resolves(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def _html_pages() -> list[str]:
    return [page for page in HTML_PAGES if _resolves(page)]


def test_every_answer_carries_the_security_headers(client: Client) -> None:
    for path in (
        "/api/v1/zones/",
        "/api/v1/does-not-exist/",
        "/healthz",
        *_html_pages(),
    ):
        response = client.get(path)
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
    for path in _html_pages():
        assert client.get(path)["X-Frame-Options"] == "DENY", path


@pytest.mark.parametrize("page", _html_pages())
def test_html_pages_have_a_nonce_csp_and_only_local_scripts(
    client: Client, page: str
) -> None:
    response = client.get(page)
    html = response.content.decode()
    policy = response["Content-Security-Policy"]

    nonce = re.search(r"'nonce-([^']+)'", policy)
    # Inline scripts that run (JSON data blocks do not execute).
    inline = [
        attrs
        for attrs in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        if not re.search(r'type="application/(ld\+)?json"', attrs)
    ]
    external = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert response.status_code == 200
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert (
        all(f'nonce="{nonce.group(1)}"' in attrs for attrs in inline)
        if nonce
        else not inline
    )
    assert all(url.startswith("/") and not url.startswith("//") for url in external)


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


# ReDoc's footer badge comes from its CDN; the docs are served offline, so the
# policy blocks it on purpose and the page works without it.
OFFLINE_BY_DESIGN = ("Loading the image 'https://cdn.redoc.ly/",)

BROWSER_SCRIPT = """
import json, sys
from playwright.sync_api import sync_playwright
base, executable, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
READY = {"/api/docs/": ".swagger-ui .info .title", "/api/redoc/": "h1",
         "/map/": "#map canvas"}
report = {}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
    for page_path in pages:
        page = browser.new_page()
        messages = []
        page.on("console", lambda m: messages.append(m.text))
        page.on("pageerror", lambda e: messages.append("pageerror: " + str(e)))
        page.goto(base + page_path, wait_until="load", timeout=90000)
        page.wait_for_selector(READY[page_path], timeout=90000)
        text = page.inner_text("body")
        report[page_path] = {"messages": messages, "text": text[:2000]}
        page.close()
    browser.close()
print(json.dumps(report))
"""


@pytest.mark.skipif(_browser() is None, reason="no Chromium on this machine")
def test_html_pages_work_in_a_browser_under_the_policy(live_server: Any) -> None:
    pages = _html_pages()
    browser = _browser()
    assert browser is not None
    done = subprocess.run(
        [sys.executable, "-c", BROWSER_SCRIPT, live_server.url, browser, *pages],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=400,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])

    for page, seen in report.items():
        violations = [
            m
            for m in seen["messages"]
            if ("Content Security Policy" in m or "pageerror" in m)
            and not m.startswith(OFFLINE_BY_DESIGN)
        ]
        assert violations == [], page
    assert "Trondheim Tech Port registry" in report["/api/docs/"]["text"]
    assert "Trondheim Tech Port registry" in report["/api/redoc/"]["text"]


@override_settings(CORS_ALLOWED_ORIGINS=["https://maps.techport.example"])
def test_cors_only_for_configured_origins(client: Client) -> None:
    allowed = client.get("/api/v1/zones/", HTTP_ORIGIN="https://maps.techport.example")
    other = client.post("/api/v1/zones/", {}, HTTP_ORIGIN="https://evil.example")
    preflight = client.options(
        "/api/v1/zones/",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://maps.techport.example"
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in preflight


def test_no_cors_for_writes_by_default(client: Client) -> None:
    response = client.options(
        "/api/v1/zones/",
        HTTP_ORIGIN="https://maps.techport.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )

    assert "Access-Control-Allow-Origin" not in response


PRODUCTION_SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz", secure=True, HTTP_HOST="registry.techport.example")
print(json.dumps({"headers": dict(response.headers),
                  "rates": settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]}))
"""


def test_production_sends_hsts_and_throttles_by_default() -> None:
    environment = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijk",
        "ALLOWED_HOSTS": "registry.techport.example",
    }
    environment.pop("THROTTLE_ANON_RATE", None)
    environment.pop("THROTTLE_USER_RATE", None)
    done = subprocess.run(
        [sys.executable, "-c", PRODUCTION_SCRIPT],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert "max-age=31536000" in result["headers"]["Strict-Transport-Security"]
    assert result["rates"]["anon"] == "600/minute"
    assert result["rates"]["user"] == "2400/minute"


def _hostile_requests(operation: Operation) -> list[dict[str, Any]]:
    path = re.sub(r"\{[^}]+\}", "1", operation.path)
    many_fields = "&".join(f"f{n}=1" for n in range(1200))
    requests = [
        {"path": path + "?" + many_fields},
        {"path": path + "?bbox=%00&limit=%ff"},
        {"path": path + "?limit=99999999999999999999999999&cursor=%%%"},
    ]
    if operation.method in ("post", "put", "patch"):
        requests += [
            {"data": "{not json", "content_type": "application/json"},
            {"data": '{"name": "\\u0000"}', "content_type": "application/json"},
            {"data": "<x/>", "content_type": "application/xml"},
            {"data": "[]", "content_type": "application/json"},
        ]
    return [{"path": path, "method": operation.method, **r} for r in requests]


@pytest.mark.parametrize(
    "operation",
    [op for op in operations() if op.path.startswith("/api/v1/")],
    ids=lambda op: op.label,
)
def test_no_stack_data_in_any_error_body(operation: Operation) -> None:
    from tests.factories import UserFactory

    client = Client()
    user: Any = UserFactory(username="hostile", is_staff=True, is_superuser=True)
    client.force_login(user)
    for request in _hostile_requests(operation):
        method = getattr(client, request.pop("method"))
        response = method(**request)
        body = response.content.decode(errors="replace")

        assert response.status_code < 500, (operation.label, request, body[:300])
        if response.status_code >= 400:
            assert response["Content-Type"] == PROBLEM, (operation.label, request)
        assert not [marker for marker in STACK_MARKERS if marker in body]
