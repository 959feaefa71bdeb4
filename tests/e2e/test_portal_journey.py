"""The registration portal walked in a real browser (issue 16): Debian's
headless Chromium driven by Playwright against the live server, with a real
Celery worker writing the emails to files.

A pilot owner signs up, follows the emailed link, signs in, registers a pilot
by clicking the map and submits it; a moderator asks for a change from the
review queue; the owner edits and resubmits; the moderator approves; the
public page shows the pilot. No request leaves the app's origin and the
Content-Security-Policy reports nothing. Screenshots go to test-output/e2e/.
"""

import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import Browser, Page, expect, sync_playwright

from pilots.models import SDG, PilotProject, PilotTransition, TRLLevel
from pilots.selectors.permissions import MODERATORS_GROUP
from tests.api.catalogue_support import sectors
from tests.factories import OrganizationFactory, SiteFactory
from tests.web.support import emailed_link

from .test_email_link_pages import mail_dir, served, shot, text_of, wait_for_email
from .test_map_page import CHROMIUM, CHROMIUM_ARGS, PageLog

__all__ = ["mail_dir", "served"]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

OWNER = "pilot.owner@example.org"
MODERATOR = "moderator@example.org"
PASSWORD = "a-long-portal-passphrase-16"
REASON = "Name the harbour basin in the summary."


@pytest.fixture
def rows(served: str, zones: int) -> None:
    sectors("mobility")
    SDG.objects.create(number=11, code="SDG11", name_en="Cities", name_no="Byer")
    TRLLevel.objects.create(level=5, name_en="Validated", name_no="Validert")
    SiteFactory.create(name="Brattøra test arena", host=OrganizationFactory())
    moderator = get_user_model().objects.create_user(
        username=MODERATOR, email=MODERATOR, password=PASSWORD
    )
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    moderator.groups.add(group)


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My pilots")).to_be_visible()


def sign_up_and_confirm(page: Page, base: str, mail: Path) -> None:
    page.goto(f"{base}/sign-up/")
    page.get_by_label("Email address").fill(OWNER)
    page.get_by_label("Password").fill(PASSWORD)
    shot(page, "portal-sign-up.png")
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("status")).to_contain_text("Check your inbox")
    link = emailed_link(text_of(wait_for_email(mail, OWNER, "Confirm")), "/")
    assert link.startswith(f"{base}/verify-email/?uid=")
    page.goto(link)
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_role("status")).to_contain_text("you can sign in")


def wait_until_drawn(page: Page, layer: str) -> None:
    """MapLibre draws a changed source on a later frame: wait for it."""
    page.wait_for_function(
        "(layer) => pickMap.queryRenderedFeatures({layers: [layer]}).length > 0",
        arg=layer,
        timeout=10_000,
    )


def register_on_the_map(page: Page) -> str:
    page.get_by_role("link", name="Register a pilot").click()
    page.wait_for_function(
        "() => document.documentElement.dataset.mapReady === 'true'",
        timeout=60_000,
    )
    page.get_by_label("Title").fill("Harbour drones")
    page.get_by_label("Summary").fill("Drones carry parcels across the harbour.")
    page.get_by_label("Mobility").check()
    page.get_by_label("11. Cities").check()
    page.get_by_label("Technology readiness level (TRL)").select_option("5")
    page.get_by_label("Brattøra test arena").check()
    canvas = page.locator("#pick-map canvas.maplibregl-canvas")
    box = canvas.bounding_box()
    assert box is not None
    canvas.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(page.get_by_label("Longitude")).not_to_have_value("")
    wait_until_drawn(page, "pilot-point")
    page.get_by_role("button", name="Draw an area").click()
    middle = (box["width"] / 2, box["height"] / 2)
    for dx, dy in ((-60, -40), (60, -40), (60, 40), (-60, 40)):
        canvas.click(position={"x": middle[0] + dx, "y": middle[1] + dy})
    page.get_by_role("button", name="Finish the area").click()
    expect(page.locator("#draw-help")).to_contain_text("The area is drawn")
    wait_until_drawn(page, "pilot-area")
    shot(page, "portal-pilot-form.png")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#pilot-status")).to_have_text("Draft")
    slug = re.search(r"/my/pilots/([^/]+)/$", page.url)
    assert slug is not None
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#pilot-status")).to_have_text("Submitted")
    shot(page, "portal-pilot-submitted.png")
    return slug.group(1)


def decide(page: Page, base: str, action: str, reason: str = "") -> None:
    page.goto(f"{base}/review/")
    section = page.locator("section.queued", has_text="Harbour drones")
    if reason:
        section.get_by_label("Reason").fill(reason)
    shot(page, f"portal-review-{action}.png")
    section.get_by_role("button", name=action).click()
    expect(page.get_by_role("status")).to_contain_text("Decision recorded")
    expect(page.get_by_text("No pilots wait for review.")).to_be_visible()


def edit_and_resubmit(page: Page, base: str, slug: str) -> None:
    page.goto(f"{base}/my/pilots/{slug}/")
    expect(page.locator("#pilot-status")).to_have_text("Changes requested")
    expect(page.locator("main")).to_contain_text(REASON)
    shot(page, "portal-changes-requested.png")
    page.get_by_role("link", name="Change the pilot").click()
    page.get_by_label("Summary").fill("Drones carry parcels across Brattøra basin.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#pilot-status")).to_have_text("Submitted")


def walk(browser: Browser, base: str, mail: Path) -> tuple[str, list[PageLog]]:
    owner = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    moderator = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    logs = [PageLog(owner), PageLog(moderator)]
    for log in logs:
        log.origin = base
    sign_up_and_confirm(owner, base, mail)
    sign_in(owner, base, OWNER)
    slug = register_on_the_map(owner)
    sign_in(moderator, base, MODERATOR)
    decide(moderator, base, "Request changes", REASON)
    assert REASON in text_of(wait_for_email(mail, OWNER, "Changes requested"))
    edit_and_resubmit(owner, base, slug)
    decide(moderator, base, "Approve")
    owner.goto(f"{base}/pilots/{slug}/")
    expect(owner.get_by_role("heading", name="Harbour drones")).to_be_visible()
    owner.wait_for_function(
        "() => document.documentElement.dataset.mapReady === 'true'",
        timeout=60_000,
    )
    shot(owner, "portal-public-page.png")
    return slug, logs


def test_an_owner_registers_a_pilot_and_a_moderator_approves_it(
    served: str, rows: None, mail_dir: Path
) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        slug, logs = walk(browser, served, mail_dir)
        browser.close()

    for log in logs:
        assert log.errors == []
        assert log.outside == []
    pilot = PilotProject.objects.get(slug=slug)
    assert pilot.status == PilotProject.Status.PUBLISHED
    assert pilot.owner.email == OWNER
    assert pilot.zone is not None
    assert pilot.location is not None
    assert pilot.area is not None
    assert pilot.area.contains(pilot.location)
    assert pilot.summary == "Drones carry parcels across Brattøra basin."
    assert list(
        PilotTransition.objects.filter(pilot=pilot).values_list("action", flat=True)
    ) == ["submit", "request-changes", "submit", "approve"]
