"""The review history of an opportunity (issue 13): who moved it, when, why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .opportunities import Opportunity


class OpportunityTransition(models.Model):
    """One step of an opportunity's review: submit, approve, publish, ..."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submit")
        APPROVE = "approve", _("Approve")
        REQUEST_CHANGES = "request-changes", _("Request changes")
        REJECT = "reject", _("Reject")
        PUBLISH = "publish", _("Publish")
        CLOSE = "close", _("Close")

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(max_length=24, choices=Action.choices)
    from_status = models.CharField(max_length=24, choices=Opportunity.Status.choices)
    to_status = models.CharField(max_length=24, choices=Opportunity.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="opportunity_transitions",
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opportunity_id", "created_at", "id"]
        indexes = [
            models.Index(
                fields=["opportunity", "created_at"],
                name="opportunity_transition_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id}: {self.from_status} -> {self.to_status}"
