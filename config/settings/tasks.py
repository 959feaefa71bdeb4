"""Background work: Celery, email, notification delivery and webhooks."""

from celery.schedules import crontab

from .base import REDIS_URL, TIME_ZONE
from .environment import BASE_DIR, PRODUCTION, env

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queueing a task from a request fails at once when Redis is down, instead of
# retrying for seconds: the outbox row (and the beat sweeper) keeps the work.
# Workers reconnect by their own settings (broker_connection_max_retries).
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 0}
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
# Task modules outside pilots/tasks.py (autodiscovery reads only tasks.py).
CELERY_IMPORTS = ["pilots.booking_tasks"]

# Outside production each email is written to a file in EMAIL_FILE_PATH, where
# you (and `make journey`, scripts/journey.py) read the links they carry.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.filebased.EmailBackend",
)
# Where the file backend writes (EMAIL_BACKEND=...filebased.EmailBackend).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / ".emails"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Trondheim Tech Port <registry@techport.example>"
)
# The public address every link in an email starts with (pilots.public_links):
# the pages for people in web/ and the API. The default is where `make run` serves.
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")

# Notification delivery: retries with backoff kept in the database, and a sweep
# that picks up outbox rows whose task never ran (broker down at commit time).
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=8)
NOTIFICATION_RETRY_BASE_SECONDS = env.float(
    "NOTIFICATION_RETRY_BASE_SECONDS", default=30.0
)
NOTIFICATION_RETRY_MAX_SECONDS = env.float(
    "NOTIFICATION_RETRY_MAX_SECONDS", default=6 * 3600.0
)
NOTIFICATION_OUTBOX_GRACE_SECONDS = env.float(
    "NOTIFICATION_OUTBOX_GRACE_SECONDS", default=30.0
)
NOTIFICATION_SWEEP_SECONDS = env.float("NOTIFICATION_SWEEP_SECONDS", default=15.0)
# People one organisation's publishing may notify in any 24 hours (issue 13).
NOTIFICATIONS_PER_ORGANISATION_PER_DAY = env.int(
    "NOTIFICATIONS_PER_ORGANISATION_PER_DAY", default=1000
)

# Plain http and loopback webhook receivers: local development and tests only.
WEBHOOK_ALLOW_INSECURE_LOCAL = env.bool("WEBHOOK_ALLOW_INSECURE_LOCAL", default=False)
if PRODUCTION and WEBHOOK_ALLOW_INSECURE_LOCAL:
    raise ValueError("WEBHOOK_ALLOW_INSECURE_LOCAL must stay off in production")
WEBHOOK_TIMEOUT_SECONDS = (
    env.float("WEBHOOK_CONNECT_TIMEOUT", default=3.0),
    env.float("WEBHOOK_READ_TIMEOUT", default=5.0),
)

CELERY_BEAT_SCHEDULE = {
    "notifications-sweep": {
        "task": "pilots.tasks.notifications_sweep_task",
        "schedule": NOTIFICATION_SWEEP_SECONDS,
    },
    "opportunities-close": {
        "task": "pilots.tasks.opportunities_close_task",
        "schedule": 300.0,
    },
    "digests-daily": {
        "task": "pilots.tasks.digests_send_task",
        "schedule": crontab(hour=7, minute=0),
        "args": ("daily",),
    },
    "digests-weekly": {
        "task": "pilots.tasks.digests_send_task",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
        "args": ("weekly",),
    },
    "booking-reminders": {
        "task": "pilots.booking_tasks.booking_reminders_task",
        "schedule": crontab(hour=9, minute=0),
    },
    "deadline-reminders": {
        "task": "pilots.tasks.deadline_reminders_task",
        "schedule": crontab(hour=8, minute=0),
    },
}
