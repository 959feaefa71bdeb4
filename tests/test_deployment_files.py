"""docker-compose.yml cannot run here; check it agrees with Procfile and settings."""

import re
import subprocess
from pathlib import Path

import environ
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def test_web_worker_and_beat_share_one_image_and_run_the_procfile_commands(compose):
    services = compose["services"]
    for name, command in procfile().items():
        assert services[name]["build"] == "."
        assert services[name]["command"] == command


def test_every_environment_variable_in_compose_is_read_by_the_settings(compose):
    settings_source = "".join(
        path.read_text() for path in sorted((ROOT / "config/settings").glob("*.py"))
    )
    settings_source += (ROOT / "config/gunicorn.py").read_text()
    read = set(re.findall(r'"([A-Z][A-Z0-9_]+)"', settings_source))
    for name in ("web", "worker", "beat", "migrate"):
        for variable in compose["services"][name]["environment"]:
            assert variable in read, f"{variable} is set in compose but never read"


def test_compose_database_and_broker_are_the_compose_services(compose):
    environment = compose["services"]["web"]["environment"]
    database = environ.Env.db_url_config(environment["DATABASE_URL"])
    assert database["HOST"] in compose["services"]
    assert environment["REDIS_URL"].split("//")[1].split(":")[0] in compose["services"]
    assert "postgis" in compose["services"]["db"]["image"]


def test_the_image_installs_maplibre_before_collecting_static_files():
    steps = (ROOT / "Dockerfile").read_text()

    assert "npm ci" in steps
    assert steps.index("npm ci") < steps.index("collectstatic")
    assert "node_modules/" in (ROOT / ".dockerignore").read_text()


def test_nothing_reads_outside_the_clone(compose):
    """A clone has nothing beside it: the data the registry loads is in data/."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.py", "*.yml", "Makefile", "Dockerfile", "Procfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sibling = "../" + "shared"  # spelt apart so this file does not match itself
    outside = [name for name in tracked if sibling in (ROOT / name).read_text()]
    assert outside == []
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            assert not volume.startswith(".."), volume
    assert (ROOT / "data" / "trondheim_district.geojson").is_file()
