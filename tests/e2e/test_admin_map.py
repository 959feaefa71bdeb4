"""District staff in the admin, in headless Chromium: the map widget moves a
site, and a moderator's admin action moves a pilot (history and email).

Screenshots go to test-output/admin/ (gitignored) for a person to look at.
"""

import os
import shutil
import time
from collections.abc import Iterator
from email import message_from_string
from pathlib import Path
from typing import Any

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from playwright.sync_api import Browser, Page, sync_playwright

from pilots.models import PilotProject, PilotTransition
from pilots.selectors.history import history_records
from tests.factories import TEST_PASSWORD, PilotProjectFactory, SiteFactory, UserFactory
from tests.pilots.admin_support import staff_moderator
from tests.support.celery_worker import running_worker

from .test_map_page import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(
    os.environ.get(
        "ADMIN_SCREENSHOT_DIR", Path(__file__).parents[2] / "test-output/admin"
    )
)


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    # The test reads the database while Playwright's event loop runs.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _console_error(message: Any, errors: list[str]) -> None:
    # Chromium asks for /favicon.ico, which the admin does not have.
    if message.type == "error" and "favicon.ico" not in message.location["url"]:
        errors.append(f"{message.text} ({message.location['url']})")


def signed_in_page(browser: Browser, live_server: Any, username: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: _console_error(message, errors))
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.errors = errors  # type: ignore[attr-defined]
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click('input[type="submit"]')
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_staff_move_a_site_by_dragging_its_marker(
    browser: Browser, live_server: Any, zones: int
) -> None:
    staff = staff_moderator(username="staff", email="staff@example.org")
    site = SiteFactory.create(name="Gløshaugen test arena")
    before = (site.location.x, site.location.y)
    page = signed_in_page(browser, live_server, staff.username)

    page.goto(f"{live_server.url}/admin/pilots/site/{site.pk}/change/")
    widget = page.locator('.geo-map-widget[data-input="id_location"]')
    widget.and_(page.locator("[data-map-ready=true]")).wait_for(timeout=60_000)
    page.wait_for_function(
        """() => { const map = document.querySelector(
            '.geo-map-widget[data-input="id_location"]').registryMap;
            return map.loaded() && map.queryRenderedFeatures(
              {layers: ['zones-fill']}).length > 0; }""",
        timeout=30_000,
    )
    widget.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "site-location-before.png"), full_page=True)
    marker = widget.locator(".maplibregl-marker").bounding_box()
    assert marker is not None
    x = marker["x"] + marker["width"] / 2
    y = marker["y"] + marker["height"] - 2  # the marker's tip is the point
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y - 40, steps=8)
    page.mouse.move(x + 120, y - 80, steps=8)
    page.mouse.up()
    moved = page.input_value("#id_location")
    widget.screenshot(path=str(SCREENSHOTS / "site-location-dragged.png"))
    page.click('input[name="_save"]')
    page.wait_for_url(f"{live_server.url}/admin/pilots/site/")

    assert '"Point"' in moved
    site.refresh_from_db()
    after = (site.location.x, site.location.y)
    assert after != before
    assert after[0] > before[0]  # east
    assert after[1] > before[1]  # and north
    assert page.errors == []  # type: ignore[attr-defined]
    # A click on the map places the point there too.
    page.goto(f"{live_server.url}/admin/pilots/site/{site.pk}/change/")
    widget.and_(page.locator("[data-map-ready=true]")).wait_for(timeout=60_000)
    box = widget.locator(".geo-map-widget-map").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 40, box["y"] + box["height"] - 40)
    clicked = page.input_value("#id_location")
    assert clicked != moved
    page.close()


def test_a_moderator_requests_changes_through_an_admin_action(
    browser: Browser, live_server: Any, tmp_path: Path
) -> None:
    owner = UserFactory.create(email="owner@example.org")
    staff_moderator(username="moderator", email="moderator@example.org")
    pilot = PilotProjectFactory.create(
        owner=owner, title="Harbour drones", status=PilotProject.Status.SUBMITTED
    )
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
    }
    with running_worker(**mail):
        page = signed_in_page(browser, live_server, "moderator")
        page.goto(f"{live_server.url}/admin/pilots/pilotproject/")
        page.check(f'input[name="_selected_action"][value="{pilot.pk}"]')
        page.select_option('select[name="action"]', "pilot_request_changes")
        page.click('button[name="index"]')
        page.fill("#id_reason", "Name the test site you will use.")
        page.screenshot(path=str(SCREENSHOTS / "pilot-reason.png"), full_page=True)
        page.click('input[type="submit"].default')
        page.wait_for_url(f"{live_server.url}/admin/pilots/pilotproject/")
        page.screenshot(path=str(SCREENSHOTS / "pilot-moved.png"), full_page=True)
        success = page.locator(".messagelist .success").inner_text()
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("*.log")) and time.monotonic() < deadline:
            time.sleep(0.2)

    assert "1 pilot(s) moved" in success
    pilot.refresh_from_db()
    assert pilot.status == PilotProject.Status.CHANGES_REQUESTED
    step = PilotTransition.objects.get(pilot=pilot)
    assert (step.action, step.actor.username) == ("request-changes", "moderator")
    assert step.reason == "Name the test site you will use."
    latest = history_records(pilot).first()
    assert latest is not None
    assert latest.history_user.username == "moderator"
    [sent] = [message_from_string(p.read_text()) for p in tmp_path.glob("*.log")]
    assert sent["To"] == "owner@example.org"
    body = sent.get_payload(decode=True)
    assert isinstance(body, bytes)
    assert "Name the test site you will use." in body.decode()
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()


def test_an_area_is_drawn_and_follows_its_geojson_text(
    browser: Browser, live_server: Any
) -> None:
    staff_moderator(username="staff", email="staff@example.org")
    square = MultiPolygon(Polygon.from_bbox((10.40, 63.41, 10.41, 63.42)), srid=4326)
    pilot = PilotProjectFactory.create(title="Campus loop", location=None, area=square)
    page = signed_in_page(browser, live_server, "staff")

    page.goto(f"{live_server.url}/admin/pilots/pilotproject/{pilot.pk}/change/")
    widget = page.locator('.geo-map-widget[data-input="id_area"]')
    widget.and_(page.locator("[data-map-ready=true]")).wait_for(timeout=60_000)
    shapes = """() => document.querySelector('.geo-map-widget[data-input="id_area"]')
        .registryMap.queryRenderedFeatures({layers: ['shape-fill']}).length"""
    page.wait_for_function(f"() => ({shapes})() > 0", timeout=30_000)
    widget.screenshot(path=str(SCREENSHOTS / "pilot-area.png"))

    page.fill("#id_area", '{"type": "MultiPolygon", "coordinates": [[[1, 2]')
    error = widget.locator(".geo-map-widget-error")
    assert error.is_visible()
    page.fill("#id_area", "")
    page.wait_for_function(f"() => ({shapes})() === 0", timeout=30_000)
    assert not error.is_visible()
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()
