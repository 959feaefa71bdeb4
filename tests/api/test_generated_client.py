"""A Python client generated from /api/schema/ by openapi-python-client works:
it is mypy --strict clean together with the code that uses it
(generated_client_calls.py), and against gunicorn it lists sites, filters them
by `near`/`radius`, reads a pilot and parses a problem response.

With `distance_m` declared required, the generated Site.from_dict raised
KeyError: 'distance_m' on the first plain `sites_list`."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.test import Client

from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory
from tests.reliability.servers import app_environment, gunicorn
from tests.support import celery_worker

pytestmark = pytest.mark.django_db(transaction=True)

HERE = Path(__file__).resolve().parent
GENERATOR = Path(sys.executable).parent / "openapi-python-client"
# No post hooks: the package is checked as generated, with no formatter in PATH.
GENERATOR_CONFIG = "post_hooks: []\n"
MYPY_CONFIG = "[mypy]\npython_version = 3.11\n"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def generated_client(tmp_path: Path) -> Path:
    """The package `ttp_client` and the calling module, in tmp_path."""
    schema = Client().get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    (tmp_path / "schema.json").write_bytes(schema.content)
    (tmp_path / "generator.yaml").write_text(GENERATOR_CONFIG)
    generated = run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            "schema.json",
            "--meta",
            "none",
            "--output-path",
            "ttp_client",
            "--config",
            "generator.yaml",
        ],
        tmp_path,
    )
    assert (tmp_path / "ttp_client" / "client.py").exists(), generated.stdout
    shutil.copy(HERE / "generated_client_calls.py", tmp_path)
    return tmp_path


def test_generated_client_and_its_caller_are_mypy_strict_clean(
    generated_client: Path,
) -> None:
    (generated_client / "mypy.ini").write_text(MYPY_CONFIG)

    checked = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            "mypy.ini",
            "ttp_client",
            "generated_client_calls.py",
        ],
        generated_client,
    )

    assert checked.returncode == 0, checked.stdout[-3000:]


def test_generated_client_lists_filters_reads_and_parses_problems(
    generated_client: Path,
) -> None:
    host = OrganizationFactory.create()
    SiteFactory.create(slug="gloshaugen-lab", host=host)
    SiteFactory.create(
        slug="sluppen-yard", host=host, location=Point(10.3955, 63.3995, srid=4326)
    )
    PilotProjectFactory.create(slug="client-pilot", title="Autonomous ferry")
    environment = app_environment(celery_worker.test_database_url(), settings.REDIS_URL)

    with gunicorn(environment, workers=1) as server:
        done = run(
            [
                sys.executable,
                "generated_client_calls.py",
                server.base_url,
                "client-pilot",
            ],
            generated_client,
        )

    assert done.returncode == 0, done.stderr[-3000:]
    answers = json.loads(done.stdout)
    assert answers["sites"] == ["gloshaugen-lab", "sluppen-yard"]
    [[slug, distance]] = answers["near"]
    assert slug == "gloshaugen-lab"
    assert distance < 1
    assert answers["pilot"]["title"] == "Autonomous ferry"
    assert answers["pilot"]["location"]["type"] == "Point"
    assert answers["problem"]["status"] == 400
    assert answers["problem"]["fields"] == ["near"]
