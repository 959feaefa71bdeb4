"""docs/guides.md works as written: its curl and Python blocks run against
gunicorn serving the district data, and its signature check accepts what the
registry's webhook signer sends and refuses anything else."""

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from django.conf import settings

from pilots.notifications.webhooks import new_webhook_secret, signed_headers
from pilots.services.district import district_load
from tests.factories import TEST_PASSWORD, UserFactory
from tests.reliability.servers import ROOT, app_environment, gunicorn
from tests.support import celery_worker

GUIDES = ROOT / "docs" / "guides.md"
NEAR = "Find test sites near a point"
PILOT = "Register a pilot"
WEBHOOK = "Subscribe to calls by webhook and verify the signature"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(section: str, language: str) -> list[str]:
    """The code blocks in `language` under the `## section` heading."""
    text = GUIDES.read_text()
    start = text.index(f"\n## {section}\n")
    end = text.find("\n## ", start + 1)
    body = text[start : end if end != -1 else None]
    return [code for lang, code in BLOCK.findall(body) if lang == language]


def run(language: str, code: str, environment: dict[str, str]) -> str:
    command = (
        ["bash", "-euo", "pipefail", "-c", code]
        if language == "sh"
        else [sys.executable, "-c", code]
    )
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def json_documents(output: str) -> list[Any]:
    """The JSON documents curl printed one after the other."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while output[at:].strip():
        at += len(output[at:]) - len(output[at:].lstrip())
        document, at = decoder.raw_decode(output, at)
        documents.append(document)
    return documents


def test_every_guide_has_curl_and_python_lines() -> None:
    for section in (NEAR, PILOT, WEBHOOK):
        assert blocks(section, "sh"), section
        assert blocks(section, "python"), section


@pytest.fixture
def live(transactional_db: None) -> Any:
    """gunicorn over the district data, a signed-in owner, webhooks to loopback."""
    district_load(data_dir=settings.DISTRICT_DATA_DIR)
    # Accounts sign in by email, which is their username.
    owner = UserFactory.create(username="kari@example.org", email="kari@example.org")
    environment = app_environment(
        celery_worker.test_database_url(),
        settings.REDIS_URL,
        WEBHOOK_ALLOW_INSECURE_LOCAL="true",
        THROTTLE_LOGIN_RATE="1000/minute",
    )
    with gunicorn(environment, workers=1) as server:
        yield {
            **os.environ,
            "TTP": server.base_url,
            "EMAIL": owner.email,
            "PASSWORD": TEST_PASSWORD,
            "HOOK_URL": "http://127.0.0.1:9/calls",
        }


def test_the_guides_run_against_a_live_server(live: dict[str, str]) -> None:
    # Find test sites near a point
    [curl] = blocks(NEAR, "sh")
    near_json, geojson = json_documents(run("sh", curl, live))
    sites = near_json["results"]
    assert sites
    assert all(site["kind"] == "test_arena" for site in sites)
    assert all(site["distance_m"] <= 1000 for site in sites)
    assert geojson["type"] == "FeatureCollection"
    [python] = blocks(NEAR, "python")
    printed = run("python", python, live).splitlines()
    assert printed == [f"{site['slug']}: {site['distance_m']:.0f} m" for site in sites]

    # Register a pilot
    [curl] = blocks(PILOT, "sh")
    submitted = json_documents(run("sh", curl, live))[-1]
    assert submitted["to_status"] == "submitted"
    [python] = blocks(PILOT, "python")
    assert run("python", python, live).splitlines() == ["201 draft", "200 submitted"]

    # Subscribe to calls by webhook
    token = httpx.post(
        f"{live['TTP']}/api/v1/auth/login/",
        json={"email": live["EMAIL"], "password": live["PASSWORD"]},
    ).json()["token"]
    [curl] = blocks(WEBHOOK, "sh")
    subscription = json.loads(run("sh", curl, {**live, "TOKEN": token}))
    assert subscription["channel"] == "webhook"
    assert subscription["webhook_secret"].startswith("whsec_")


def guide_verify() -> Any:
    namespace: dict[str, Any] = {}
    [python] = blocks(WEBHOOK, "python")
    exec(python, namespace)  # noqa: S102 - the guide's own code
    return namespace["verify"]


def test_the_guide_verifies_the_registrys_webhook_signature() -> None:
    verify = guide_verify()
    secret = new_webhook_secret()
    body = json.dumps({"type": "opportunity.matched", "slug": "call-1"})
    now = datetime.now(UTC)
    headers = signed_headers(secret=secret, message_id="d-1", body=body, at=now)

    assert verify(secret, headers, body.encode()) is True
    assert verify(secret, headers, body.replace("call-1", "call-2").encode()) is False
    assert verify(new_webhook_secret(), headers, body.encode()) is False
    stale = now - timedelta(minutes=10)
    old = signed_headers(secret=secret, message_id="d-1", body=body, at=stale)
    assert verify(secret, old, body.encode()) is False
