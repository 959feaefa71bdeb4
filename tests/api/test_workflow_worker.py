"""The transition email leaves through a real Celery worker process."""

import time
from email import message_from_string
from email.header import decode_header, make_header
from pathlib import Path

import pytest

from pilots.models import PilotProject
from tests.factories import PilotProjectFactory, UserFactory
from tests.support.celery_worker import running_worker

from .owner_support import client_for, make_moderator


def sent_messages(folder: Path) -> list:
    return [
        message_from_string(path.read_text()) for path in sorted(folder.glob("*.log"))
    ]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_emails_the_owner_when_a_moderator_requests_changes(
    tmp_path: Path,
) -> None:
    owner = UserFactory.create(email="owner@example.org")
    moderator = make_moderator(email="moderator@example.org")
    pilot = PilotProjectFactory.create(
        owner=owner, status=PilotProject.Status.SUBMITTED, title="Harbour drones"
    )
    with running_worker(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    ):
        response = client_for(moderator).post(
            f"/api/v1/pilots/{pilot.slug}/request-changes/",
            {"reason": "Name the test site."},
            format="json",
        )
        deadline = time.monotonic() + 30
        while not list(tmp_path.glob("*.log")) and time.monotonic() < deadline:
            time.sleep(0.2)

    assert response.status_code == 200
    [message] = sent_messages(tmp_path)
    assert message["To"] == "owner@example.org"
    assert "Harbour drones" in str(make_header(decode_header(message["Subject"])))
    assert "Name the test site." in message.get_payload(decode=True).decode()
