from celery import shared_task

from geo.models import Zone


@shared_task
def worker_ping_task() -> int:
    """Proves a worker reaches the database: answers the number of zones."""
    return Zone.objects.count()
