"""The OpenAPI documents pass Redocly CLI (recommended, 0 errors) and Spectral
(spectral:oas, 0 warnings): /api/schema/ and the OGC service description.

The linters are the npm devDependencies (`make node` installs them); the rule
files are redocly.yaml and .spectral.yaml at the repository root.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "node_modules" / ".bin"
DOCUMENTS = {"api": "/api/schema/?format=json", "ogc": "/ogc/api"}
# No telemetry, no update checks: the tests run offline.
NODE_ENV = {
    **os.environ,
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NO_UPDATE_NOTIFIER": "1",
}

pytestmark = pytest.mark.django_db


@pytest.fixture(params=sorted(DOCUMENTS))
def document(request, client, tmp_path) -> Path:
    response = client.get(DOCUMENTS[request.param])
    assert response.status_code == 200
    path = tmp_path / f"{request.param}.json"
    path.write_bytes(response.content)
    return path


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=ROOT, env=NODE_ENV, capture_output=True, text=True, timeout=300
    )


def test_redocly_recommended_has_no_errors(document):
    done = run(
        str(BIN / "redocly"),
        "lint",
        "--config",
        str(ROOT / "redocly.yaml"),
        "--format",
        "json",
        str(document),
    )
    report = json.loads(done.stdout)

    errors = [
        f"{problem['ruleId']}: {problem['message']} "
        f"({problem['location'][0].get('pointer')})"
        for problem in report["problems"]
        if problem["severity"] == "error"
    ]
    assert errors == []
    assert report["totals"]["errors"] == 0


def test_spectral_oas_has_no_warnings(document):
    done = run(
        str(BIN / "spectral"),
        "lint",
        "--ruleset",
        str(ROOT / ".spectral.yaml"),
        "--format",
        "json",
        "--quiet",
        str(document),
    )
    results = json.loads(done.stdout or "[]")

    # Severities: 0 error, 1 warning, 2 information, 3 hint.
    found = [
        f"{result['code']}: {result['message']} ({'/'.join(map(str, result['path']))})"
        for result in results
        if result["severity"] <= 1
    ]
    assert found == []
