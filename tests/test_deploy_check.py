import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **environment}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    done = run_check(
        DJANGO_ENV="production",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijk",
        ALLOWED_HOSTS="registry.techport.example",
    )

    assert done.returncode == 0, done.stderr


def test_local_defaults_fail_the_deploy_check():
    done = run_check(DJANGO_ENV="local")

    assert done.returncode != 0
    assert "security.W" in done.stderr
