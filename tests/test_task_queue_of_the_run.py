"""Tasks that tests queue without a worker stay out of the queue `make run` reads."""

import redis
from django.conf import settings

from config.celery_app import app
from pilots.tasks import worker_ping_task


def test_a_task_queued_by_a_test_lands_on_the_runs_own_queue():
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = app.conf.task_default_queue
    before = broker.llen(queue)

    worker_ping_task.delay()

    assert queue.startswith("test-run-")
    assert queue != settings.CELERY_TASK_DEFAULT_QUEUE
    assert broker.llen(queue) == before + 1
