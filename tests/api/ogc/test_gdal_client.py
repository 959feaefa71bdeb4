"""GDAL's own OGC API - Features client (ogrinfo/ogr2ogr, driver OAPIF) reads
every collection from a live server: names, counts and geometries."""

import json
import os
import subprocess
from typing import Any

import pytest
from django.contrib.gis.geos import GEOSGeometry

from geo.models import Zone
from pilots.models import PilotProject, Site
from tests.factories import SiteFactory

from .conftest import build_district

# Enough sites that GDAL (10 per page) has to follow `next` links.
EXTRA_SITES = 24


def _gdal(*arguments: str) -> str:
    environment = {**os.environ, "GDAL_HTTP_TIMEOUT": "60", "CPL_DEBUG": "OFF"}
    result = subprocess.run(
        list(arguments),
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    return result.stdout


@pytest.fixture
def served_district(transactional_db, zones, live_server):
    district = build_district()
    SiteFactory.create_batch(EXTRA_SITES)
    return district, f"OAPIF:{live_server.url}/ogc"


def _read_layer(source: str, layer: str) -> dict[str, GEOSGeometry]:
    """Every feature of the layer as GDAL reads it: slug -> geometry."""
    output = _gdal("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", source, layer)
    features = json.loads(output)["features"]
    return {
        feature["properties"]["slug"]: GEOSGeometry(json.dumps(feature["geometry"]))
        for feature in features
    }


def _database_geometries(layer: str) -> dict[str, Any]:
    if layer == "sites":
        return {site.slug: site.location for site in Site.objects.all()}
    if layer == "pilots":
        visible = PilotProject.objects.filter(status__in=PilotProject.PUBLIC_STATUSES)
        return {pilot.slug: pilot.area or pilot.location for pilot in visible}
    return {zone.slug: zone.area for zone in Zone.objects.all()}


def test_ogrinfo_lists_the_collections(served_district):
    _, source = served_district

    listing = _gdal("ogrinfo", "-ro", "-so", source)

    assert "1: sites" in listing
    assert "2: pilots" in listing
    assert "3: zones" in listing


def test_ogrinfo_summary_counts_every_site(served_district):
    district, source = served_district

    summary = _gdal("ogrinfo", "-ro", "-so", source, "sites")

    assert f"Feature Count: {len(district.sites) + EXTRA_SITES}" in summary


@pytest.mark.parametrize("layer", ["sites", "pilots", "zones"])
def test_gdal_reads_every_feature_with_its_geometry(served_district, layer):
    read = _read_layer(served_district[1], layer)

    expected = _database_geometries(layer)
    assert sorted(read) == sorted(expected)
    for slug, geometry in expected.items():
        assert read[slug].equals_exact(geometry, tolerance=1e-6), slug


def test_ogrinfo_reads_all_features_of_a_layer(served_district):
    district, source = served_district

    listing = _gdal("ogrinfo", "-ro", "-al", "-q", source, "sites")

    assert listing.count("OGRFeature(sites)") == len(district.sites) + EXTRA_SITES


def test_gdal_spatial_filter_becomes_a_bbox_query(served_district):
    _, source = served_district

    listing = _gdal(
        "ogrinfo",
        "-ro",
        "-q",
        source,
        "sites",
        "-spat",
        "10.385",
        "63.42",
        "10.39",
        "63.421",
    )

    assert listing.count("OGRFeature(sites)") == 1
    assert "slug (String) = oya-lab" in listing
