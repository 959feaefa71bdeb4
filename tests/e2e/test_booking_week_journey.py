"""Booking a lab in a real browser (issue 18): Debian's headless Chromium driven
by Playwright against the live server (tasks eager).

A member opens the list of labs, a resource's next week, clicks a free slot
and requests it for their organisation; the host's admin confirms it from
"My bookings"; the member sees it confirmed and the slot busy in the week.
No request leaves the app's origin and no script error is logged.
Screenshots go to a temporary folder (not committed).

Rows are made before the browser starts and checked after it closed
(Playwright's sync API runs an event loop; the ORM refuses to run inside one).
"""

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect, sync_playwright

from pilots.models import Booking, Notification, OrganizationMembership
from tests.api.owner_support import eager_celery
from tests.booking_support import WEEKDAYS_8_TO_16, make_resource
from tests.factories import OrganizationFactory

from .test_map_page import CHROMIUM, CHROMIUM_ARGS, PageLog

pytestmark = [pytest.mark.django_db(transaction=True)]
__all__ = ["eager_celery"]

SHOTS = Path(tempfile.gettempdir()) / "booking-e2e"
MEMBER = "member@example.org"
HOST = "host@example.org"
PASSWORD = "a-long-booking-passphrase-18"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


@pytest.fixture
def rows(live_server: Any, settings: Any, eager_celery: None) -> dict[str, Any]:
    settings.PUBLIC_BASE_URL = live_server.url
    settings.AUTH_THROTTLE_RATES = {
        scope: "1000/minute" for scope in settings.AUTH_THROTTLE_RATES
    }
    resource = make_resource(
        name="Climate chamber",
        approval_required=True,
        opening_hours=WEEKDAYS_8_TO_16,
    )
    users = get_user_model().objects
    member = users.create_user(username=MEMBER, email=MEMBER, password=PASSWORD)
    host = users.create_user(username=HOST, email=HOST, password=PASSWORD)
    startup = OrganizationFactory.create(name="Startup AS", slug="startup-as")
    OrganizationMembership.objects.create(user=member, organization=startup)
    OrganizationMembership.objects.create(
        user=host, organization=resource.site.host, role="admin"
    )
    return {"resource": resource, "member": member, "host": host}


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/sign-in/?next=/my/bookings/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My bookings")).to_be_visible()


def request_a_slot(page: Page, base: str) -> str:
    page.goto(f"{base}/resources/")
    page.get_by_role("link", name="Climate chamber").click()
    page.get_by_role("link", name="Next week").click()
    expect(page.get_by_text("08:00\u201316:00").first).to_be_visible()
    slot = page.get_by_role("link", name=re.compile(r"^Request Monday .* 10:00"))
    shot(page, "booking-week-free.png")
    slot.click()
    when = page.locator("#booking-when").inner_text()
    page.get_by_label("On behalf of").select_option("startup-as")
    page.get_by_label("Purpose").fill("Battery cold test")
    shot(page, "booking-request-form.png")
    page.get_by_role("button", name="Request the booking").click()
    expect(page.get_by_role("status")).to_contain_text("Done")
    expect(page.locator("td.status")).to_contain_text("Requested")
    return when


def host_confirms(page: Page, base: str) -> None:
    page.goto(f"{base}/my/bookings/")
    request = page.locator("section.queued", has_text="Climate chamber")
    expect(request).to_contain_text("Battery cold test")
    expect(request).to_contain_text("Startup AS")
    shot(page, "booking-host-requests.png")
    request.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("status")).to_contain_text("Done")
    expect(page.get_by_text("Requests to decide")).to_have_count(0)


def member_sees_it_confirmed(page: Page, base: str) -> None:
    page.goto(f"{base}/my/bookings/")
    expect(page.locator("td.status")).to_contain_text("Confirmed")
    page.get_by_role("link", name="Climate chamber").click()
    monday = page.locator("section.day").first
    expect(monday).to_contain_text("Yours 10:00\u201311:00: Confirmed")
    expect(monday).to_contain_text("Busy 10:00\u201311:00")
    expect(
        monday.get_by_role("link", name=re.compile(r"^Request Monday .* 10:00"))
    ).to_have_count(0)
    shot(page, "booking-week-busy.png")


def test_a_member_books_a_free_slot_and_the_host_confirms_it(
    live_server: Any, rows: dict[str, Any]
) -> None:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    base = live_server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        viewport = {"width": 1200, "height": 900}
        member = browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]
        host = browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]
        logs = [PageLog(member), PageLog(host)]
        for log in logs:
            log.origin = base
        sign_in(member, base, MEMBER)
        when = request_a_slot(member, base)
        sign_in(host, base, HOST)
        host_confirms(host, base)
        member_sees_it_confirmed(member, base)
        browser.close()

    for log in logs:
        assert log.errors == []
        assert log.outside == []
    booking = Booking.objects.get()
    assert booking.state == Booking.State.CONFIRMED
    assert booking.booker == rows["member"]
    assert booking.organization.slug == "startup-as"
    assert when.endswith("10:00\u201311:00")
    kinds = Notification.objects.order_by("id").values_list("user__email", "kind")
    assert list(kinds) == [(HOST, "booking.requested"), (MEMBER, "booking.confirmed")]
