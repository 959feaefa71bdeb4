"""Moderators take items out of public view (issue 5): who, when and why.

Sites, organisations and opportunities have no review workflow of their own, so
a moderator's take-down is a separate state beside their status: while
`unpublished_at` is set, only moderators and the item's organisation admins see
it; republishing clears it. The change history keeps every take-down.
"""

from django.conf import settings
from django.db import models


class Unpublishable(models.Model):
    unpublished_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a moderator unpublished it (empty: public).",
    )
    unpublished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    unpublished_reason = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_unpublished(self) -> bool:
        return self.unpublished_at is not None
