"""The map page in a real browser: Debian's headless Chromium driven by Playwright.

The page is served by pytest-django's live server with every asset from the
app (MapLibre GL JS from node_modules via the static files finders). Rows are
created before the browser starts (Playwright's sync API runs an event loop).
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from pilots.models import Site
from tests.api.catalogue_support import point_at, sectors
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # WebGL on the CPU (SwiftShader): headless machines have no GPU.
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]
SCREENSHOT_DIR = os.environ.get("MAP_SCREENSHOT_DIR")


@pytest.fixture
def map_rows(transactional_db: None, zones: int) -> dict[str, Any]:
    sectors("mobility", "energy")
    ntnu = OrganizationFactory.create(name="NTNU")
    sintef = OrganizationFactory.create(name="SINTEF")
    arena = SiteFactory.create(
        name="Gløshaugen test arena",
        kind=Site.Kind.TEST_ARENA,
        host=ntnu,
        sectors=["mobility"],
        location=point_at(*GLOSHAUGEN, metres=0, azimuth_deg=0),
    )
    lab = SiteFactory.create(
        name="Energy lab",
        kind=Site.Kind.SHARED_LAB,
        host=sintef,
        sectors=["energy"],
        location=point_at(*GLOSHAUGEN, metres=400, azimuth_deg=100),
    )
    pilot = PilotProjectFactory.create(
        title="Autonomous shuttle pilot",
        lead_organization=ntnu,
        sectors=["mobility"],
        location=point_at(*GLOSHAUGEN, metres=500, azimuth_deg=330),
    )
    return {"arena": arena, "lab": lab, "pilot": pilot}


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (installs chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


class PageLog:
    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.tiles: list[tuple[str, int]] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed", lambda request: self.errors.append(request.url))
        page.on("response", self._response)
        self.origin = ""

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _response(self, response: Any) -> None:
        if not response.url.startswith(self.origin):
            self.outside.append(response.url)
        elif "/tiles/" in response.url and ".mvt" in response.url:
            self.tiles.append((response.url, response.status))


@pytest.fixture
def map_page(
    map_rows: dict[str, Any], live_server: Any, browser: Browser
) -> Iterator[tuple[Page, PageLog]]:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    log = PageLog(page)
    log.origin = live_server.url
    page.goto(f"{live_server.url}/map/")
    page.wait_for_function(
        "() => document.documentElement.dataset.mapReady === 'true'",
        timeout=60_000,
    )
    yield page, log
    page.close()


def rendered(page: Page, layers: list[str]) -> list[str]:
    return page.evaluate(
        "(layers) => registryMap.queryRenderedFeatures({layers})"
        ".map((f) => f.properties.name).sort()",
        layers,
    )


def wait_until_rendered(page: Page, layers: list[str], names: list[str]) -> None:
    page.wait_for_function(
        """([layers, names]) => registryMap.loaded() && JSON.stringify(
            [...new Set(registryMap.queryRenderedFeatures({layers})
              .map((f) => f.properties.name))].sort()) === JSON.stringify(names)""",
        arg=[layers, sorted(names)],
        timeout=30_000,
    )


def screenshot(page: Page, name: str) -> None:
    if SCREENSHOT_DIR:
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / name))


def test_map_loads_tiles_without_errors(map_page, map_rows):
    page, log = map_page

    screenshot(page, "map.png")
    assert log.errors == []
    assert log.outside == []
    assert log.tiles, "no tile was requested"
    assert all(status in (200, 204) for _, status in log.tiles), log.tiles
    for layer in ("sites", "pilots", "zones"):
        assert any(
            f"/tiles/{layer}/" in url and status == 200 for url, status in log.tiles
        ), layer
    assert rendered(page, ["sites"]) == ["Energy lab", "Gløshaugen test arena"]
    assert rendered(page, ["pilots-point"]) == ["Autonomous shuttle pilot"]
    assert len(set(rendered(page, ["zones-fill"]))) >= 3


def test_sites_are_coloured_by_kind(map_page):
    page, _ = map_page

    colours = page.evaluate(
        """() => Object.fromEntries(registryMap.queryRenderedFeatures(
            {layers: ['sites']}).map((f) => [f.properties.kind,
            f.layer.paint['circle-color'].toString()]))"""
    )

    assert set(colours) == {"test_arena", "shared_lab"}
    assert colours["test_arena"] != colours["shared_lab"]


def test_clicking_a_site_opens_its_popup(map_page, map_rows):
    page, log = map_page
    arena = map_rows["arena"]

    x, y = page.evaluate(
        """([lon, lat]) => { const p = registryMap.project([lon, lat]);
            const box = registryMap.getCanvas().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        [arena.location.x, arena.location.y],
    )
    page.mouse.click(x, y)
    popup = page.locator(".maplibregl-popup-content")
    popup.wait_for(timeout=10_000)

    screenshot(page, "map-popup.png")
    text = popup.inner_text()
    assert "Gløshaugen test arena" in text
    assert "Host: NTNU" in text
    assert "Sectors: Mobility" in text
    link = popup.locator("a.detail")
    assert link.get_attribute("href") == f"/api/v1/sites/{arena.slug}/"
    page_link = popup.locator("a.page")
    assert page_link.get_attribute("href") == f"/sites/{arena.slug}/"
    assert log.errors == []


def test_kind_and_sector_filters_refetch_filtered_tiles(map_page):
    page, log = map_page

    page.uncheck('input[name="kind"][value="test_arena"]')
    wait_until_rendered(page, ["sites"], ["Energy lab"])
    assert any("kind=shared_lab" in url for url, _ in log.tiles)

    page.check('input[name="kind"][value="test_arena"]')
    page.select_option("#sector", "mobility")
    wait_until_rendered(page, ["sites"], ["Gløshaugen test arena"])
    wait_until_rendered(page, ["pilots-point"], ["Autonomous shuttle pilot"])

    page.select_option("#sector", "energy")
    wait_until_rendered(page, ["sites"], ["Energy lab"])
    wait_until_rendered(page, ["pilots-point"], [])
    assert log.errors == []
