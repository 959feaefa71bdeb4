"""The OGC API - Features test suite from PyPI (`ogctests`, Part 1: Core) against
a live server with the demo data: 0 failures.

`make ogctests` installs it in .tools/ogctests, a venv of its own (it pins pytest 8
and httpx 0.27), from tests/api/ogc/ogctests/requirements.txt. The suite runs as its
README shows (`run_ogctests("features/core", instance_url)`); its JUnit report is read.
"""

import json
import os
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from django.contrib.gis.geos import GEOSGeometry, Polygon
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]
SUITE_PYTHON = ROOT / ".tools" / "ogctests" / "bin" / "python"
# Checks of the suite that are wrong themselves, by name, with the reason.
SKIPPED = {
    # /ats/core/fc-bbox-response: the suite hands each feature's JSON text to
    # geopandas as a file *name*; GDAL then cuts the name at a ';' inside a
    # string property ("... Elgeseter gate; data published ...") and fails with
    # "JSON parsing error: continue". The same feature read from a file is
    # fine. The check itself is kept below (test_bbox_items_intersect_the_box).
    "test_ast15",
}
# Abstract tests in features/core of the pinned version (0.1.15).
CORE_TESTS = 29
RUN_SUITE = """
import sys
from ogctests.main import run_ogctests
url, report, skipped = sys.argv[1:]
flags = ["-q", "-p", "no:cacheprovider", "-c", "/dev/null", f"--junit-xml={report}"]
sys.exit(run_ogctests("features/core", url, [*flags, "-k", skipped]))
"""
SUITE_BBOX = (5.0, 48.0, 20.0, 70.0)
# The parameter definitions of Part 1 (abstract tests 14, 16, 18): ogctests looks
# them up under /collections/sites/items only and, finding our templated
# /collections/{collectionId}/items, just warns; they are checked here instead.
STANDARD_PARAMETERS: dict[str, dict[str, Any]] = {
    "bbox": {
        "in": "query",
        "required": False,
        "schema": {
            "type": "array",
            "minItems": 4,
            "maxItems": 6,
            "items": {"type": "number"},
        },
        "style": "form",
        "explode": False,
    },
    "limit": {
        "in": "query",
        "required": False,
        "schema": {"type": "integer"},
        "style": "form",
        "explode": False,
    },
    "datetime": {
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "style": "form",
        "explode": False,
    },
}


@pytest.fixture
def demo_ogc(transactional_db: None, live_server) -> str:
    call_command("load_district", verbosity=0)
    return f"{live_server.url}/ogc"


@pytest.fixture
def demo_data(db: None) -> None:
    call_command("load_district", verbosity=0)


def test_ogctests_core_has_no_failures(demo_ogc, tmp_path):
    if not SUITE_PYTHON.exists():
        pytest.fail(f"{SUITE_PYTHON} is missing: run `make ogctests`")
    report = tmp_path / "ogctests.xml"
    skipped = " and ".join(f"not {name}" for name in sorted(SKIPPED))

    done = subprocess.run(
        [str(SUITE_PYTHON), "-c", RUN_SUITE, demo_ogc, str(report), skipped],
        cwd=tmp_path,
        env={**os.environ, "INSTANCE_URL": demo_ogc},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert report.exists(), done.stdout + done.stderr
    # The report is the one the suite just wrote into tmp_path.
    cases = ElementTree.parse(report).getroot().iter("testcase")  # noqa: S314
    outcomes = {case.get("name"): [child.tag for child in case] for case in cases}
    failed = {
        name: tags
        for name, tags in outcomes.items()
        if {"failure", "error"} & set(tags)
    }
    assert failed == {}, done.stdout
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(outcomes) == CORE_TESTS - len(SKIPPED)


def test_bbox_items_intersect_the_box(demo_data, client):
    """What ogctests' test_ast15 checks, read with GEOS: every feature of every
    collection that `bbox` (the suite's box) returns intersects the box, in CRS84."""
    box = Polygon.from_bbox(SUITE_BBOX)
    collections = client.get("/ogc/collections").json()["collections"]
    assert collections

    for collection in collections:
        response = client.get(
            f"/ogc/collections/{collection['id']}/items",
            {"bbox": ",".join(str(value) for value in SUITE_BBOX)},
            HTTP_ACCEPT="application/geo+json",
        )
        assert response.status_code == 200
        assert response["Content-Crs"].endswith("/OGC/1.3/CRS84>")
        features = response.json()["features"]
        assert features, collection["id"]
        for feature in features:
            geometry = GEOSGeometry(json.dumps(feature["geometry"]))
            assert geometry.intersects(box), feature["id"]


@pytest.mark.parametrize("name", sorted(STANDARD_PARAMETERS))
def test_items_parameters_are_defined_as_the_standard_says(client, name):
    document = client.get("/ogc/api").json()
    items = document["paths"]["/collections/{collectionId}/items"]["get"]
    references = [parameter["$ref"].split("/")[-1] for parameter in items["parameters"]]
    declared = document["components"]["parameters"][name]

    assert name in references
    standard: dict[str, Any] = STANDARD_PARAMETERS[name]
    found = {key: declared.get(key) for key in standard}
    found["schema"] = {key: declared["schema"].get(key) for key in standard["schema"]}
    assert found == standard
