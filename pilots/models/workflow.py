from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pilots import PilotProject


class PilotTransition(models.Model):
    """One step of a pilot's review workflow: who moved it, when, and why."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submit")
        APPROVE = "approve", _("Approve")
        REQUEST_CHANGES = "request-changes", _("Request changes")
        REJECT = "reject", _("Reject")
        START = "start", _("Start")
        COMPLETE = "complete", _("Complete")
        UNPUBLISH = "unpublish", _("Unpublish")

    pilot = models.ForeignKey(
        PilotProject, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(max_length=24, choices=Action.choices)
    from_status = models.CharField(max_length=24, choices=PilotProject.Status.choices)
    to_status = models.CharField(max_length=24, choices=PilotProject.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="pilot_transitions",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["pilot_id", "created_at", "id"]
        indexes = [
            models.Index(fields=["pilot", "created_at"], name="pilot_transition_time"),
        ]

    def __str__(self) -> str:
        return f"{self.pilot_id}: {self.from_status} -> {self.to_status}"
