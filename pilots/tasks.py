"""Celery tasks: each takes ids, calls the services and owns its retries.

The services queue these by name (pilots/enqueue.py), never importing this
module, so it imports them at the top.
"""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from geo.models import Zone

from . import emails
from .models import Invitation, PilotTransition
from .notifications.deliveries import deliveries_due, delivery_attempt, digests_create
from .notifications.outbox import outbox_event_process, outbox_events_pending
from .notifications.reminders import reminders_create
from .selectors.permissions import moderator_users
from .services.accounts import email_verification_tokens, password_reset_tokens, uid_for
from .services.invitations import invitation_token
from .services.opportunities import opportunities_close_past_deadline


@shared_task
def worker_ping_task() -> int:
    """Proves a worker reaches the database: answers the number of zones."""
    return Zone.objects.count()


# Accounts and the pilot workflow (issue 5): emails leave through the worker.
@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_account_email_task(kind: str, user_id: int) -> bool:
    """Verification, sign-up-attempt and password-reset emails.

    The link's token is made here, from the account's current state, so no
    secret travels through the broker.
    """
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return False
    if kind == "verify-email":
        token = email_verification_tokens.make_token(user)
        message = emails.verification_email(user, uid=uid_for(user), token=token)
    elif kind == "password-reset":
        token = password_reset_tokens.make_token(user)
        message = emails.password_reset_email(user, uid=uid_for(user), token=token)
    elif kind == "sign-up-attempt":
        message = emails.sign_up_attempt_email(user)
    else:
        raise ValueError(f"unknown account email {kind!r}")
    message.send()
    return True


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation_email_task(invitation_id: int) -> bool:
    """The invitation link; its token is signed here (issue 13)."""
    invitation = (
        Invitation.objects.select_related("organization", "pilot", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    emails.invitation_email(invitation, token=invitation_token(invitation)).send()
    return True


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_pilot_transition_email_task(transition_id: int) -> int:
    """Tell the owner (and on submission the moderators) about a transition."""
    transition = (
        PilotTransition.objects.select_related("pilot__owner", "actor")
        .filter(pk=transition_id)
        .first()
    )
    if transition is None:
        return 0
    recipients = {transition.pilot.owner}
    if transition.action == PilotTransition.Action.SUBMIT:
        recipients.update(moderator_users())
    sent = 0
    for recipient in sorted(recipients, key=lambda user: user.pk):
        if recipient.email:
            sent += emails.transition_email(transition, recipient).send()
    return sent


# --- Opportunities and notifications (issue 6) -------------------------------
# Every task takes ids, is idempotent (row locks, unique keys, status checks)
# and acknowledges late, so a worker lost mid-run has its task run again.
# Long waits between retries live in Delivery.next_attempt_at; the sweeper
# queues what is due and what a broker outage or a dead worker left behind.
# The outcome is in the database, so these tasks store no result: queueing one
# then needs only the broker (with Redis down the result store's retries kept
# a publish request waiting for over 20 seconds).


def _queue_deliveries(delivery_ids: list[str]) -> None:
    for delivery_id in delivery_ids:
        deliver_task.apply_async((delivery_id,), retry=False)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def process_outbox_event_task(event_id: int) -> int:
    """Match an event's opportunity and fan out; returns deliveries created."""
    created = outbox_event_process(event_id=event_id)
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver_task(delivery_id: str) -> str | None:
    """Attempt one delivery if it is due; its status afterwards."""
    return delivery_attempt(delivery_id=delivery_id)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def notifications_sweep_task() -> int:
    """Queue due deliveries and outbox events nobody processed; the count queued."""
    events = outbox_events_pending(
        older_than_seconds=settings.NOTIFICATION_OUTBOX_GRACE_SECONDS
    )
    for event_id in events:
        process_outbox_event_task.apply_async((event_id,), retry=False)
    due = deliveries_due()
    _queue_deliveries(due)
    return len(events) + len(due)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def digests_send_task(frequency: str) -> int:
    """Gather each daily or weekly subscriber's matches into one delivery."""
    created = digests_create(frequency=frequency)
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deadline_reminders_task() -> int:
    """Remind subscribers 3 days before a matched opportunity's deadline."""
    created = reminders_create()
    _queue_deliveries(created)
    return len(created)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def opportunities_close_task() -> int:
    """Close published opportunities whose deadline has passed."""
    return opportunities_close_past_deadline()
