"""The links in emails, followed in a real browser (issue 15): Debian's headless
Chromium driven by Playwright against pytest-django's live server, with a real
Celery worker writing the emails to files (the filebased backend).

A person signs up through the API, opens the emailed verification link and
confirms; asks for a password reset, is refused a weak password and sets a
good one, then signs in with it through the API; unsubscribes from an emailed
opportunity and undoes it; opens a public pilot page (JSON-LD, the map). No
request leaves the app's origin and the Content-Security-Policy reports
nothing. Screenshots go to test-output/e2e/ (ignored by git).

Rows are made before the browser starts and checked after it closed
(Playwright's sync API runs an event loop; the ORM refuses to run inside one).
"""

import json
import shutil
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import requests
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect, sync_playwright

from pilots.models import Opportunity, PilotProject, Subscription
from pilots.services.opportunities import opportunity_publish
from pilots.services.subscriptions import subscription_create
from tests.api.catalogue_support import sectors
from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory
from tests.pilots.notifications.support import body_parts, publisher_admin, sent_emails
from tests.support.celery_worker import ROOT, running_worker
from tests.web.support import emailed_link

from .test_map_page import CHROMIUM, CHROMIUM_ARGS, PageLog

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

SHOTS = ROOT / "test-output" / "e2e"
PERSON = "ingrid@example.org"
SUBSCRIBER = "sub@example.org"
FIRST_PASSWORD = "first-long-passphrase-41"
NEW_PASSWORD = "second-long-passphrase-42"


@pytest.fixture
def mail_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


def wait_for_email(folder: Path, to: str, subject: str) -> EmailMessage:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        for message in sent_emails(folder):
            if to in str(message["To"]) and subject in str(message["Subject"]):
                return message
        time.sleep(0.2)
    raise AssertionError(f"no email to {to} about {subject!r}")


def text_of(message: EmailMessage) -> str:
    return body_parts(message)["text/plain"]


@pytest.fixture
def served(live_server: Any, mail_dir: Path, settings: Any) -> Iterator[str]:
    """The live server and a worker that emails to files with its address."""
    settings.PUBLIC_BASE_URL = live_server.url
    settings.AUTH_THROTTLE_RATES = {
        scope: "1000/minute" for scope in settings.AUTH_THROTTLE_RATES
    }
    with running_worker(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        PUBLIC_BASE_URL=live_server.url,
    ):
        yield live_server.url


@pytest.fixture
def rows(served: str, mail_dir: Path, zones: int) -> dict[str, Any]:
    """A public pilot at a site, and an opportunity emailed to a subscriber."""
    sectors("mobility")
    ntnu = OrganizationFactory.create(name="NTNU")
    site = SiteFactory.create(name="Gløshaugen test arena", host=ntnu)
    pilot = PilotProjectFactory.create(
        title="Autonomous shuttle pilot",
        lead_organization=ntnu,
        sectors=["mobility"],
        status=PilotProject.Status.PUBLISHED,
    )
    pilot.sites.set([site])
    subscriber = get_user_model().objects.create_user(
        username=SUBSCRIBER, email=SUBSCRIBER, password=FIRST_PASSWORD
    )
    subscription = subscription_create(
        actor=subscriber, channel="email", name="Harbour mobility"
    )
    actor, publisher = publisher_admin()
    opportunity = OpportunityFactory.create(
        title="Harbour sensors",
        publisher=publisher,
        status=Opportunity.Status.DRAFT,
        published_at=None,
    )
    opportunity_publish(opportunity=opportunity, actor=actor)
    wait_for_email(mail_dir, SUBSCRIBER, "Harbour sensors")
    return {"pilot": pilot, "subscription": subscription}


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def follow_verification(page: Page, base: str, mail_dir: Path) -> None:
    signed_up = requests.post(
        f"{base}/api/v1/auth/sign-up/",
        json={"email": PERSON, "password": FIRST_PASSWORD},
        timeout=10,
    )
    assert signed_up.status_code == 202
    link = emailed_link(text_of(wait_for_email(mail_dir, PERSON, "Confirm")), "/")
    assert link.startswith(f"{base}/verify-email/?uid=")

    page.goto(link)
    shot(page, "verify-email.png")
    page.get_by_role("button", name="Confirm my address").click()

    expect(page.get_by_role("status")).to_contain_text("you can sign in")
    shot(page, "verify-email-done.png")


def follow_password_reset(page: Page, base: str, mail_dir: Path) -> None:
    asked = requests.post(
        f"{base}/api/v1/auth/password-reset/", json={"email": PERSON}, timeout=10
    )
    assert asked.status_code == 202
    message = wait_for_email(mail_dir, PERSON, "Reset")
    page.goto(emailed_link(text_of(message), "/reset-password/"))

    for password in ("12345", NEW_PASSWORD):
        page.get_by_label("New password", exact=True).fill(password)
        page.get_by_label("New password again").fill(password)
        page.get_by_role("button", name="Set the new password").click()
        if password == "12345":
            field = page.get_by_label("New password", exact=True)
            expect(field).to_have_attribute("aria-invalid", "true")
            expect(page.locator("#id_new_password-errors")).to_contain_text(
                "This password is too short."
            )
            shot(page, "reset-password-weak.png")

    expect(page.get_by_role("status")).to_contain_text("Password changed")
    signed_in = requests.post(
        f"{base}/api/v1/auth/login/",
        json={"email": PERSON, "password": NEW_PASSWORD},
        timeout=10,
    )
    assert signed_in.status_code == 201


def follow_unsubscribe(page: Page, mail_dir: Path) -> None:
    message = wait_for_email(mail_dir, SUBSCRIBER, "Harbour sensors")
    page.goto(emailed_link(text_of(message), "/unsubscribe/"))
    expect(page.locator("main")).to_contain_text("Harbour mobility")

    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("status")).to_contain_text("no more messages")
    shot(page, "unsubscribed.png")
    page.get_by_role("button", name="Undo: keep the subscription").click()

    expect(page.get_by_role("status")).to_contain_text("again")


def open_pilot_page(page: Page, base: str, slug: str) -> dict[str, Any]:
    page.goto(f"{base}/pilots/{slug}/")
    page.wait_for_function(
        "() => document.documentElement.dataset.mapReady === 'true'",
        timeout=60_000,
    )
    expect(page.locator("#place-map canvas.maplibregl-canvas")).to_have_count(1)
    rendered = page.evaluate(
        "() => placeMap.queryRenderedFeatures({layers: ['place-point']}).length"
    )
    assert rendered == 1
    shot(page, "pilot-page.png")
    data = json.loads(
        page.locator('script[type="application/ld+json"]').text_content() or ""
    )
    page.get_by_role("link", name="Norsk bokmål").click()
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    shot(page, "pilot-page-nb.png")
    return data


def test_people_follow_the_emailed_links(
    served: str, rows: dict[str, Any], mail_dir: Path
) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    pilot = rows["pilot"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1000, "height": 800})
        log = PageLog(page)
        log.origin = served
        follow_verification(page, served, mail_dir)
        follow_password_reset(page, served, mail_dir)
        follow_unsubscribe(page, mail_dir)
        data = open_pilot_page(page, served, pilot.slug)
        browser.close()

    # The one error is the weak password's answer (400), expected; no CSP report.
    assert log.errors == [
        "Failed to load resource: the server responded with a status of 400 "
        "(Bad Request)"
    ]
    assert log.outside == []
    assert data["@type"] == "ResearchProject"
    assert data["name"] == "Autonomous shuttle pilot"
    assert data["url"] == f"{served}/pilots/{pilot.slug}/"
    assert data["location"]["geo"]["@type"] == "GeoCoordinates"
    person = get_user_model().objects.get(email=PERSON)
    assert person.is_active
    assert person.check_password(NEW_PASSWORD)
    assert Subscription.objects.get(pk=rows["subscription"].pk).receives
