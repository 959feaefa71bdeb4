"""An organisation's admin at work in the portal (issue 16), in Debian's
headless Chromium driven by Playwright against the live server, with a real
Celery worker sending the emails and the notifications (to files).

The admin invites a colleague by email, who accepts from the emailed link;
adds a site by clicking the map; writes a call for pilots at that site and
publishes it (the organisation is verified); and sees how many notifications
the call sent, by channel and status. No request leaves the app's origin. A
screenshot of the call's page goes to the test's temporary folder.
"""

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect, sync_playwright

from pilots.models import (
    Invitation,
    Notification,
    Opportunity,
    OrganizationMembership,
    Site,
)
from pilots.services.subscriptions import subscription_create
from tests.api.catalogue_support import sectors
from tests.factories import OrganizationFactory
from tests.web.support import emailed_link

from .test_email_link_pages import mail_dir, served, text_of, wait_for_email
from .test_map_page import CHROMIUM, CHROMIUM_ARGS, PageLog

__all__ = ["mail_dir", "served"]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

ADMIN = "harbour.admin@example.org"
COLLEAGUE = "new.colleague@example.org"
SUBSCRIBER = "subscriber@example.org"
PASSWORD = "an-organisation-passphrase-16"
CALL = "Parcel drones over Brattøra"


def account(email: str) -> Any:
    return get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD
    )


@pytest.fixture
def rows(served: str, zones: int) -> dict[str, Any]:
    sectors("mobility")
    harbour = OrganizationFactory.create(
        name="Trondheim Harbour", slug="trondheim-harbour", verified_at=timezone.now()
    )
    OrganizationMembership.objects.create(
        organization=harbour, user=account(ADMIN), role="admin"
    )
    colleague = account(COLLEAGUE)
    subscription_create(actor=account(SUBSCRIBER), channel="email", name="All calls")
    subscription_create(actor=account("reader@example.org"), channel="in_app")
    return {"harbour": harbour, "colleague": colleague}


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My pilots")).to_be_visible()


def organisation_nav(page: Page, name: str) -> None:
    page.locator("nav.org-nav").get_by_role("link", name=name).click()


def invite(admin: Page, colleague: Page, base: str, mail: Path) -> None:
    admin.get_by_role("link", name="My organisations").click()
    admin.get_by_role("link", name="Trondheim Harbour").click()
    organisation_nav(admin, "Members")
    admin.get_by_label("Email address").fill(COLLEAGUE)
    admin.get_by_label("Role", exact=True).select_option("member")
    admin.get_by_role("button", name="Send the invitation").click()
    expect(admin.get_by_role("status")).to_contain_text("An invitation is on its way")
    expect(admin.locator("#invitations")).to_contain_text(COLLEAGUE)
    email = wait_for_email(mail, COLLEAGUE, "Trondheim Harbour")
    sign_in(colleague, base, COLLEAGUE)
    colleague.goto(emailed_link(text_of(email), "/accept-invitation/"))
    colleague.get_by_role("button", name="Accept the invitation").click()
    expect(colleague.get_by_role("status")).to_contain_text("Invitation accepted")
    admin.reload()
    expect(admin.locator("#members tr.member")).to_have_count(2)
    expect(admin.get_by_text("No invitations are waiting")).to_be_visible()


def add_site(admin: Page) -> None:
    organisation_nav(admin, "Sites")
    admin.get_by_role("link", name="Add a site").click()
    admin.wait_for_function(
        "() => document.documentElement.dataset.mapReady === 'true'",
        timeout=60_000,
    )
    admin.get_by_label("Name", exact=True).fill("Brattøra drone arena")
    admin.get_by_label("Kind", exact=True).select_option("test_arena")
    admin.get_by_label("Description", exact=True).fill("Airspace over the basin.")
    admin.get_by_label("Mobility").check()
    canvas = admin.locator("#pick-map canvas.maplibregl-canvas")
    box = canvas.bounding_box()
    assert box is not None
    canvas.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(admin.get_by_label("Longitude")).not_to_have_value("")
    admin.wait_for_function(
        "() => pickMap.queryRenderedFeatures({layers: ['pilot-point']}).length > 0",
        timeout=10_000,
    )
    admin.get_by_role("button", name="Save").click()
    expect(admin.get_by_role("status")).to_contain_text("The site is added.")
    expect(admin.locator("#sites")).to_contain_text("Brattøra drone arena")


def publish_call(admin: Page) -> None:
    organisation_nav(admin, "Calls for pilots")
    admin.get_by_role("link", name="Write a call").click()
    admin.get_by_label("Title", exact=True).fill(CALL)
    admin.get_by_label("Summary", exact=True).fill("Fly parcels across the harbour.")
    admin.get_by_label("Kind of call").select_option("open_call")
    admin.get_by_label("Deadline", exact=True).select_option("continuous")
    admin.get_by_label("Brattøra drone arena").check()
    admin.get_by_label("Mobility").check()
    admin.get_by_role("button", name="Save").click()
    expect(admin.locator("#opportunity-status")).to_have_text("Draft")
    admin.get_by_role("button", name="Publish").click()
    expect(admin.locator("#opportunity-status")).to_have_text("Published")


def wait_for_counts(admin: Page) -> None:
    """The worker matches and delivers after the publish commits."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        admin.reload()
        counts = admin.locator("#notification-counts")
        if counts.count() and "Delivered" in counts.inner_text():
            return
        admin.wait_for_timeout(500)
    raise AssertionError("the call's notification counts never showed a delivery")


def walk(browser: Browser, base: str, mail: Path, shots: Path) -> list[PageLog]:
    admin = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    colleague = browser.new_context(viewport={"width": 1000, "height": 900}).new_page()
    logs = [PageLog(admin), PageLog(colleague)]
    for log in logs:
        log.origin = base
    sign_in(admin, base, ADMIN)
    invite(admin, colleague, base, mail)
    admin.screenshot(path=str(shots / "org-members.png"), full_page=True)
    add_site(admin)
    publish_call(admin)
    wait_for_email(mail, SUBSCRIBER, CALL)
    wait_for_counts(admin)
    counts = admin.locator("#notification-counts")
    expect(counts.locator("tr", has_text="Email")).to_contain_text("Delivered")
    expect(counts.locator("tr", has_text="Inbox")).to_contain_text("In the inbox")
    expect(admin.locator("main")).not_to_contain_text(SUBSCRIBER)
    admin.screenshot(path=str(shots / "org-call-notifications.png"), full_page=True)
    return logs


def test_an_admin_invites_adds_a_site_and_publishes_a_call(
    served: str, rows: dict[str, Any], mail_dir: Path, tmp_path: Path
) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        logs = walk(browser, served, mail_dir, tmp_path)
        browser.close()

    for log in logs:
        assert log.errors == []
        assert log.outside == []
    assert (tmp_path / "org-call-notifications.png").stat().st_size > 0
    harbour = rows["harbour"]
    joined = OrganizationMembership.objects.get(user=rows["colleague"])
    assert (joined.organization, joined.role) == (harbour, "member")
    assert Invitation.objects.get().accepted_by == rows["colleague"]
    site = Site.objects.get(host=harbour)
    assert site.zone is not None
    assert site.sectors == ["mobility"]
    call = Opportunity.objects.get(title=CALL)
    assert (call.publisher, call.status) == (harbour, Opportunity.Status.PUBLISHED)
    assert list(call.sites.all()) == [site]
    assert Notification.objects.filter(opportunity=call).count() == 2
