"""Every MapLibre style the registry serves passes MapLibre's own style validator
(`gl-style-validate` of @maplibre/maplibre-gl-style-spec, an npm devDependency)
with 0 errors.

The styles are built in the browser from what the server sends (the map page's
offline style with the registry's layers and filters, the small map of public
pages, the portal's place picker, the admin's geometry widget), so each is read
as MapLibre holds it, `map.getStyle()` in Chromium against a live server with the
demo data, written to a file and validated.
"""

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Browser, Page

from geo.models import Zone
from pilots.models import PilotProject, Site
from tests.e2e import test_map_page

ROOT = Path(__file__).resolve().parents[2]
VALIDATE = ROOT / "node_modules" / ".bin" / "gl-style-validate"
# Chromium from the map page's test, registered here too.
chromium = test_map_page.browser
PAGE_READY = "() => document.documentElement.dataset.mapReady === 'true'"
# The registry's layers are on the map (the basemap's tiles need not load).
OVERLAY_ADDED = "() => window.registryMap?.getLayer('sites') !== undefined"
WIDGET = '.geo-map-widget[data-input="id_location"]'


@pytest.fixture
def demo(transactional_db: None, live_server: Any, monkeypatch) -> str:
    # Sessions are made while Playwright's event loop runs.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    call_command("load_district", verbosity=0)
    return str(live_server.url)


def validation_errors(style: dict[str, Any], tmp_path: Path) -> list[str]:
    if not VALIDATE.exists():
        pytest.fail(f"{VALIDATE} is missing: run `make node`")
    path = tmp_path / "style.json"
    path.write_text(json.dumps(style, indent=2))
    done = subprocess.run(
        [str(VALIDATE), "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    problems = json.loads(done.stdout or "[]")
    assert done.returncode == (1 if problems else 0), done.stderr
    return [f"{problem['severity']}: {problem['message']}" for problem in problems]


def opened(browser: Browser, url: str, *, signed_in: Any = None) -> Page:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    if signed_in is not None:
        client = Client()
        client.force_login(signed_in)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": url}]
        )
    page = context.new_page()
    page.goto(url)
    return page


def style_of(page: Page, ready: str, map_object: str) -> dict[str, Any]:
    page.wait_for_function(ready, timeout=60_000)
    style: dict[str, Any] = page.evaluate(f"() => {map_object}.getStyle()")
    page.context.close()
    return style


@pytest.fixture
def superuser(demo: str) -> Any:
    return get_user_model().objects.create_superuser(
        username="styles-admin", email="styles-admin@example.org", password="x-1-y-2"
    )


def test_the_validator_reports_what_is_wrong(tmp_path):
    broken = {
        "version": 8,
        "sources": {},
        "layers": [{"id": "dots", "type": "circle", "source": "missing"}],
    }

    assert validation_errors(broken, tmp_path) == [
        'error: layers[0]: source "missing" not found'
    ]


def test_the_map_page_style_is_valid(demo, chromium, tmp_path):
    style = style_of(opened(chromium, f"{demo}/map/"), PAGE_READY, "window.registryMap")

    assert {"sites", "pilots-point", "zones-fill"} <= {
        layer["id"] for layer in style["layers"]
    }
    assert validation_errors(style, tmp_path) == []


def test_the_map_page_style_with_filters_and_a_basemap_is_valid(
    demo, chromium, tmp_path, settings
):
    settings.MAP_BASEMAP_TILES_URL = f"{demo}/static/no-basemap/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_BASEMAP_ATTRIBUTION = "© test basemap"
    zone = Zone.objects.order_by("slug").first()
    assert zone is not None
    hash_ = f"#q=lab&zone={zone.slug}&sector=energy&off=zones"

    style = style_of(
        opened(chromium, f"{demo}/map/{hash_}"), OVERLAY_ADDED, "window.registryMap"
    )

    layers = {layer["id"]: layer for layer in style["layers"]}
    assert style["sources"]["basemap"]["type"] == "raster"
    assert "filter" in layers["sites"]
    assert validation_errors(style, tmp_path) == []


@pytest.mark.parametrize("row", ["site", "pilot"])
def test_the_small_map_of_a_public_page_is_valid(demo, chromium, tmp_path, row):
    if row == "site":
        site = Site.objects.order_by("slug").first()
        assert site is not None
        path = f"/sites/{site.slug}/"
    else:
        public = PilotProject.objects.filter(status__in=PilotProject.PUBLIC_STATUSES)
        pilot = public.order_by("slug").first()
        assert pilot is not None
        path = f"/pilots/{pilot.slug}/"

    style = style_of(opened(chromium, f"{demo}{path}"), PAGE_READY, "placeMap")

    assert "place" in style["sources"]
    assert validation_errors(style, tmp_path) == []


def test_the_place_picker_of_the_pilot_form_is_valid(
    demo, chromium, tmp_path, superuser
):
    page = opened(chromium, f"{demo}/my/pilots/new/", signed_in=superuser)

    style = style_of(page, PAGE_READY, "pickMap")

    assert validation_errors(style, tmp_path) == []


def test_the_admin_geometry_widget_is_valid(demo, chromium, tmp_path, superuser):
    site = Site.objects.order_by("slug").first()
    assert site is not None
    page = opened(
        chromium,
        f"{demo}/admin/pilots/site/{site.pk}/change/",
        signed_in=superuser,
    )

    style = style_of(
        page,
        f"() => document.querySelector('{WIDGET}')?.dataset.mapReady === 'true'",
        f"document.querySelector('{WIDGET}').registryMap",
    )

    assert "zones" in style["sources"]
    assert validation_errors(style, tmp_path) == []
