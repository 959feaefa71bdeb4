from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "pilots"
    verbose_name = _("Registry")

    def ready(self) -> None:
        # Register the tasks in every process: services queue them by name
        # (pilots/enqueue.py), and a name resolves to the task's own options.
        from . import booking_tasks, tasks  # noqa: F401
