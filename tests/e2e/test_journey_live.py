"""`make journey` (scripts/journey.py) against live servers, so the script
cannot rot: gunicorn serving the test database, a real Celery worker sending
the emails to files, and the script talking to them over HTTP only (the
in-process version of the same journey is test_pilot_journey.py)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.reliability.servers import ROOT, app_environment, gunicorn
from tests.support import celery_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

STEPS = [
    "owner signed up; verification email received",
    "owner verified the address and got an API token",
    "moderator signed up; verification email received",
    "moderator verified the address and got an API token",
    "appointed moderator (manage.py moderator_add)",
    "owner created a draft pilot, not public yet",
    "owner submitted; owner and moderator emailed",
    "moderator requested changes; owner emailed with the reason",
    "owner edited (If-Match) and resubmitted; both emailed",
    "moderator approved; owner emailed",
    "the pilot is public in the list, the GeoJSON and the tile",
]


def test_the_journey_script_holds_against_gunicorn_and_a_celery_worker(
    tmp_path: Path,
) -> None:
    mail_dir = tmp_path / "mail"
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    with celery_worker.running_worker(**mail) as queue:
        environment = app_environment(
            celery_worker.test_database_url(),
            settings.REDIS_URL,
            CELERY_QUEUE=queue,
            # The sign-up and sign-in throttles (tested in tests/api/test_auth.py)
            # count per address across runs; a rerun within a minute must pass.
            THROTTLE_SIGNUP_RATE="1000/minute",
            THROTTLE_LOGIN_RATE="1000/minute",
            **mail,
        )
        with gunicorn(environment) as server:
            done = subprocess.run(
                [
                    sys.executable,
                    "scripts/journey.py",
                    "--base-url",
                    server.base_url,
                    "--mail-dir",
                    str(mail_dir),
                    "--timeout",
                    "120",
                ],
                cwd=ROOT,
                env=environment,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )

    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    done_steps = [line for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert len(done_steps) == len(STEPS), output
    for line, step in zip(done_steps, STEPS, strict=True):
        assert line.endswith(step), output
    assert f"all {len(STEPS)} steps held" in done.stdout
