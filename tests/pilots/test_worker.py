import pytest

from pilots.tasks import worker_ping_task


@pytest.mark.worker
def test_a_real_worker_runs_tasks_against_the_test_database(celery_worker, zones):
    result = worker_ping_task.delay()

    assert result.get(timeout=20) == 5
