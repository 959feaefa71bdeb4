"""The map page's configuration (the JSON block map.js reads) and the CSP a
configured basemap style needs. The page itself is driven in tests/e2e/."""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.gis.geos import Point
from django.test import Client

from geo.models import Zone


def config_of(client: Client, url: str = "/map/") -> dict:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<script id="map-config" type="application/json">')
    block = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return json.loads(block)


def test_zone_names_are_placed_inside_their_zones(client, zones):
    config = config_of(client)

    assert len(config["zones"]) == Zone.objects.count() >= 3
    for zone in config["zones"]:
        area = Zone.objects.get(slug=zone["slug"]).area
        lon, lat = zone["label"]
        assert area.contains(Point(lon, lat, srid=4326)), zone["name"]


def test_the_page_links_every_layer_with_a_public_page(client, db):
    config = config_of(client)

    assert config["pages"] == {
        "sites": "/sites/__slug__/",
        "pilots": "/pilots/__slug__/",
        "opportunities": "/opportunities/__slug__/",
    }
    assert set(config["tilejson"]) >= {"sites", "pilots", "zones", "opportunities"}
    assert config["style_url"] == ""


def test_the_page_speaks_bokmal_when_asked(client, db):
    response = client.get("/map/?lang=nb")
    config = config_of(client, "/map/?lang=nb")

    assert '<html lang="nb">' in response.content.decode()
    assert "Søk på navn eller organisasjon" in response.content.decode()
    assert config["strings"]["open_page"] == "Åpne siden"
    assert config["statuses"]["closed"] == "Stengt"
    assert config_of(client)["strings"]["open_page"] == "Open the page"


def test_a_configured_style_url_reaches_the_page(client, db, settings):
    settings.MAP_STYLE_URL = "https://maps.example.org/styles/osm.json"

    assert config_of(client)["style_url"] == settings.MAP_STYLE_URL


def policy_with(**env: str) -> dict:
    """The CSP directives the settings build from these environment variables."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES'], "
        "default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("directive", ["connect-src", "img-src"])
def test_a_configured_style_origin_is_allowed_by_the_csp(directive):
    default = policy_with(MAP_STYLE_URL="")
    configured = policy_with(MAP_STYLE_URL="https://maps.example.org/styles/osm.json")

    assert "https://maps.example.org" not in default[directive]
    assert "https://maps.example.org" in configured[directive]
