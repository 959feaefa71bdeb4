"""The map page as a visitor uses it (issue 16): a pilot on its site is seen and
clicked, popups link to the public pages, the search box, the filters, the list
of what is in view and a shared URL that restores the view.

Screenshots go to MAP_SCREENSHOT_DIR (e.g. test-output/) when it is set.
"""

import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.gis.geos import MultiPolygon
from playwright.sync_api import Browser, Page

from pilots.models import SDG, Site, TRLLevel
from tests.api.catalogue_support import point_at, sectors
from tests.e2e import test_map_page
from tests.e2e.test_map_page import PageLog, screenshot, wait_until_rendered
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
)
from tests.pilots.notifications.factories import OpportunityFactory

# Its Chromium fixture, registered here too (as `chromium`).
chromium = test_map_page.browser
READY = "() => document.documentElement.dataset.mapReady === 'true'"
# The pilot colour of map.js (#7b3294), with room for antialiasing.
COUNT_PURPLE = """async ([png, x, y, half]) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + png;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width; canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(x - half, y - half, 2 * half, 2 * half).data;
    let purple = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 0x7b) < 30 && Math.abs(data[i + 1] - 0x32) < 30
            && Math.abs(data[i + 2] - 0x94) < 30) purple += 1;
    }
    return purple;
}"""


@pytest.fixture
def district(transactional_db: None, zones: int) -> dict[str, Any]:
    sectors("mobility", "energy")
    for number in (7, 9, 11):
        SDG.objects.create(number=number, code=f"SDG{number}", name_en=f"Goal {number}")
    for level in range(1, 10):
        TRLLevel.objects.create(level=level, name_en=f"Level {level}")
    ntnu = OrganizationFactory.create(name="NTNU")
    sintef = OrganizationFactory.create(name="SINTEF")
    arena = SiteFactory.create(
        name="Gløshaugen test arena",
        kind=Site.Kind.TEST_ARENA,
        host=ntnu,
        sectors=["mobility"],
        sdgs=[9],
        trl_min=3,
        trl_max=6,
        location=point_at(*GLOSHAUGEN, metres=0, azimuth_deg=0),
    )
    lab = SiteFactory.create(
        name="Energy lab",
        kind=Site.Kind.SHARED_LAB,
        host=sintef,
        sectors=["energy"],
        sdgs=[7],
        trl_min=6,
        trl_max=9,
        location=point_at(*GLOSHAUGEN, metres=400, azimuth_deg=100),
    )
    # Exactly on its site, as in the demo data: the case that hid pilots.
    pilot = PilotProjectFactory.create(
        title="Autonomous shuttle pilot",
        lead_organization=ntnu,
        sectors=["mobility"],
        sdgs=[11],
        trl=5,
        location=arena.location,
        sites=[arena],
    )
    opportunity = OpportunityFactory.create(
        title="Call for harbour drones",
        publisher=sintef,
        area=MultiPolygon(
            point_at(*GLOSHAUGEN, metres=900, azimuth_deg=200).buffer(0.002)
        ),
    )
    return {"arena": arena, "lab": lab, "pilot": pilot, "opportunity": opportunity}


def open_map(browser: Browser, url: str) -> tuple[Page, PageLog]:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    log = PageLog(page)
    log.origin = url.split("/map/")[0]
    page.goto(url)
    page.wait_for_function(READY, timeout=60_000)
    return page, log


@pytest.fixture
def visit(
    district: dict[str, Any], live_server: Any, chromium: Browser
) -> Iterator[tuple[Page, PageLog]]:
    page, log = open_map(chromium, f"{live_server.url}/map/")
    yield page, log
    page.close()


def pixel_of(page: Page, lon: float, lat: float) -> tuple[float, float]:
    x, y = page.evaluate(
        """([lon, lat]) => { const p = registryMap.project([lon, lat]);
            const box = registryMap.getCanvas().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        [lon, lat],
    )
    return x, y


def popup_titles(page: Page) -> list[str]:
    popup = page.locator(".maplibregl-popup-content")
    popup.wait_for(timeout=10_000)
    return popup.locator("h2").all_inner_texts()


def in_view(page: Page) -> list[str]:
    return page.locator("#in-view button").all_inner_texts()


def test_a_pilot_on_its_site_is_seen_and_clicked(visit, district):
    page, log = visit
    pilot, lab = district["pilot"], district["lab"]
    # Close enough that the lab lies outside the pilot's popup.
    page.evaluate(
        "([lon, lat]) => registryMap.jumpTo({center: [lon, lat], zoom: 15})",
        [pilot.location.x, pilot.location.y],
    )
    wait_until_rendered(page, ["pilots-point"], [pilot.title])
    x, y = pixel_of(page, pilot.location.x, pilot.location.y)

    png = base64.b64encode(page.screenshot()).decode()
    purple = page.evaluate(COUNT_PURPLE, [png, round(x), round(y), 10])
    screenshot(page, "district-pilot.png")
    assert purple > 0

    page.mouse.click(x, y)
    assert popup_titles(page)[0] == pilot.title
    first = page.locator(".maplibregl-popup-content .feature").first
    assert first.locator("a.page").get_attribute("href") == f"/pilots/{pilot.slug}/"
    assert "Lead: NTNU" in first.inner_text()
    screenshot(page, "district-pilot-popup.png")

    # The next click on another feature opens that one's popup.
    page.mouse.click(*pixel_of(page, lab.location.x, lab.location.y))
    page.wait_for_function(
        "(name) => document.querySelector('.maplibregl-popup-content h2')"
        "?.textContent === name",
        arg=lab.name,
        timeout=10_000,
    )
    assert popup_titles(page) == [lab.name]
    assert log.errors == []


def test_the_opportunity_layer_links_to_its_public_page(visit, district):
    page, log = visit
    opportunity = district["opportunity"]
    wait_until_rendered(page, ["opportunities-area"], [opportunity.title])
    centre = opportunity.area.centroid

    page.mouse.click(*pixel_of(page, centre.x, centre.y))

    assert popup_titles(page) == [opportunity.title]
    link = page.locator(".maplibregl-popup-content a.page")
    assert link.get_attribute("href") == f"/opportunities/{opportunity.slug}/"
    assert log.errors == []


def test_the_search_box_finds_a_pilot_by_name_and_organisation(visit, district):
    page, _ = visit
    pilot = district["pilot"]

    page.fill("#search", "shuttle")
    wait_until_rendered(page, ["pilots-point"], [pilot.title])
    wait_until_rendered(page, ["sites"], [])
    page.wait_for_function(
        "() => [...document.querySelectorAll('#in-view button')].length === 1"
    )
    assert in_view(page) == [pilot.title]

    page.fill("#search", "ntnu")  # the lead and host organisation
    wait_until_rendered(page, ["sites"], [district["arena"].name])
    wait_until_rendered(page, ["pilots-point"], [pilot.title])

    # From the list, by keyboard: the popup opens with its links focused.
    page.focus("#in-view button >> text=Autonomous shuttle pilot")
    page.keyboard.press("Enter")
    assert popup_titles(page) == [pilot.title]
    focused = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert focused == f"/pilots/{pilot.slug}/"
    screenshot(page, "district-search.png")


def test_filters_change_what_is_shown(visit, district):
    page, log = visit
    arena, lab, pilot = district["arena"], district["lab"], district["pilot"]

    page.select_option("#sdg", "7")
    wait_until_rendered(page, ["sites"], [lab.name])
    wait_until_rendered(page, ["pilots-point"], [])
    assert any("sdg=7" in url for url, _ in log.tiles)

    page.select_option("#sdg", "")
    page.select_option("#trl", "5")
    wait_until_rendered(page, ["sites"], [arena.name])
    wait_until_rendered(page, ["pilots-point"], [pilot.title])

    page.select_option("#trl", "")
    page.select_option("#zone", "elgeseter")
    wait_until_rendered(page, ["sites"], [])
    wait_until_rendered(page, ["zones-fill"], ["Elgeseter"])
    assert page.locator(".zone-label").all_inner_texts() == ["Elgeseter"]

    page.select_option("#zone", "")
    page.uncheck('input[name="layer"][value="pilots"]')
    wait_until_rendered(page, ["sites"], sorted([arena.name, lab.name]))
    page.wait_for_function(
        "(name) => ![...document.querySelectorAll('#in-view button')]"
        ".some((b) => b.textContent === name)",
        arg=pilot.title,
    )
    assert log.errors == []


def test_a_shared_url_restores_the_view(visit, district, live_server, chromium):
    page, _ = visit
    page.select_option("#sector", "mobility")
    page.fill("#search", "shuttle")
    page.uncheck('input[name="layer"][value="zones"]')
    page.evaluate("() => registryMap.jumpTo({center: [10.4031, 63.4182], zoom: 15})")
    page.wait_for_function("() => location.hash.startsWith('#map=15.00/')")
    shared = page.url

    other, log = open_map(chromium, shared)
    wait_until_rendered(other, ["pilots-point"], [district["pilot"].title])
    view = other.evaluate(
        "() => [registryMap.getZoom(), registryMap.getCenter().lng,"
        " registryMap.getCenter().lat]"
    )
    screenshot(other, "district-shared.png")
    assert view == pytest.approx([15, 10.4031, 63.4182], abs=1e-4)
    assert other.input_value("#sector") == "mobility"
    assert other.input_value("#search") == "shuttle"
    assert not other.is_checked('input[name="layer"][value="zones"]')
    assert other.locator(".zone-label").count() == 0
    assert in_view(other) == [district["pilot"].title]
    assert log.errors == []
    other.close()


def test_the_page_speaks_bokmal(district, live_server, chromium):
    page, log = open_map(chromium, f"{live_server.url}/map/?lang=nb")

    assert page.locator("html").get_attribute("lang") == "nb"
    label = page.locator("label[for=search]").inner_text()
    assert label == "Søk på navn eller organisasjon"
    lab = district["lab"]
    page.mouse.click(*pixel_of(page, lab.location.x, lab.location.y))
    popup_titles(page)
    assert "Vert: SINTEF" in page.locator(".maplibregl-popup-content").inner_text()
    assert log.errors == []
    page.close()


DEPLOYMENT_STYLE = {
    "version": 8,
    "sources": {},
    "layers": [
        {
            "id": "deployment-background",
            "type": "background",
            "paint": {"background-color": "#cfe3f5"},
        }
    ],
}


def test_a_deployment_style_is_drawn_under_the_registry(
    district, live_server, chromium, settings, tmp_path
):
    (tmp_path / "style.json").write_text(json.dumps(DEPLOYMENT_STYLE))
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, ("deploy", tmp_path)]
    settings.MAP_STYLE_URL = f"{live_server.url}/static/deploy/style.json"

    page, log = open_map(chromium, f"{live_server.url}/map/")
    wait_until_rendered(page, ["pilots-point"], [district["pilot"].title])

    layers = page.evaluate("() => registryMap.getStyle().layers.map((l) => l.id)")
    screenshot(page, "district-style.png")
    assert layers[0] == "deployment-background"
    assert layers.index("sites") < layers.index("pilots-point")
    assert log.errors == []
    page.close()


def test_an_unreachable_style_falls_back_to_the_offline_style(
    district, live_server, chromium, settings
):
    settings.MAP_STYLE_URL = f"{live_server.url}/static/deploy/missing-style.json"

    page, _ = open_map(chromium, f"{live_server.url}/map/")
    wait_until_rendered(page, ["pilots-point"], [district["pilot"].title])

    layers = page.evaluate("() => registryMap.getStyle().layers.map((l) => l.id)")
    assert layers[0] == "background"
    names = [district[key].name for key in ("arena", "lab")]
    titles = [district[key].title for key in ("pilot", "opportunity")]
    assert in_view(page) == sorted(names + titles)
    page.close()
