"""The one way services queue background work: by task name.

pilots/tasks.py and pilots/booking_tasks.py call the services, so the services
never import them (no import cycle). A signature by name runs the registered
task's own apply_async (its options, eager mode in unit tests); pilots/apps.py
registers the task modules in every process.
"""

from typing import Any

from celery import current_app
from django.db import transaction

ACCOUNT_EMAIL = "pilots.tasks.send_account_email_task"
INVITATION_EMAIL = "pilots.tasks.send_invitation_email_task"
PILOT_TRANSITION_EMAIL = "pilots.tasks.send_pilot_transition_email_task"
OUTBOX_EVENT = "pilots.tasks.process_outbox_event_task"
TASK_NAMES = (
    ACCOUNT_EMAIL,
    INVITATION_EMAIL,
    PILOT_TRANSITION_EMAIL,
    OUTBOX_EVENT,
)


def enqueue(name: str, *args: Any, **options: Any) -> None:
    """Queue the task now; options go to apply_async (e.g. retry=False)."""
    current_app.signature(name, args=args).apply_async(**options)


def enqueue_on_commit(name: str, *args: Any) -> None:
    """Queue the task once the current transaction commits."""
    transaction.on_commit(lambda: enqueue(name, *args))
