"""Admin actions that move pilots through the workflow service.

The admin never writes `status` itself: each action calls `pilot_transition`,
so the review log, the change history and the owner's email happen exactly as
through the API. Actions that need a reason ask for it on an intermediate page.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import PilotProject, PilotTransition
from .services.transitions import TransitionError
from .services.workflow import TRANSITIONS, pilot_transition

Action = PilotTransition.Action
AdminAction = Callable[[Any, HttpRequest, QuerySet[PilotProject]], HttpResponse | None]


class TransitionReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the owner)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
    )


def _apply(
    request: HttpRequest,
    pilots: QuerySet[PilotProject],
    action: str,
    reason: str,
    modeladmin: admin.ModelAdmin,
) -> None:
    done = 0
    for pilot in pilots:
        try:
            pilot_transition(
                pilot=pilot, actor=request.user, action=action, reason=reason
            )
        except TransitionError as error:
            modeladmin.message_user(
                request, f"{pilot}: {error.message}", messages.ERROR
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            _("%(count)d pilot(s) moved: %(action)s.")
            % {"count": done, "action": Action(action).label},
            messages.SUCCESS,
        )


def _reason_page(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    pilots: QuerySet[PilotProject],
    action_name: str,
    action: str,
    form: TransitionReasonForm,
) -> TemplateResponse:
    opts = modeladmin.model._meta
    return TemplateResponse(
        request,
        "admin/pilots/pilotproject/transition_reason.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": Action(action).label,
            "opts": opts,
            "pilots": pilots,
            "form": form,
            "action_name": action_name,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "media": modeladmin.media,
        },
    )


def transition_action(action: str) -> AdminAction:
    """An admin action that performs `action` on each selected pilot."""
    needs_reason = TRANSITIONS[action].reason_required
    action_name = f"pilot_{action.replace('-', '_')}"

    def perform(
        modeladmin: admin.ModelAdmin,
        request: HttpRequest,
        pilots: QuerySet[PilotProject],
    ) -> HttpResponse | None:
        if not needs_reason:
            _apply(request, pilots, action, "", modeladmin)
            return None
        form = TransitionReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            _apply(request, pilots, action, form.cleaned_data["reason"], modeladmin)
            return None
        return _reason_page(modeladmin, request, pilots, action_name, action, form)

    perform.__name__ = action_name
    return admin.action(description=DESCRIPTIONS[action])(perform)


DESCRIPTIONS: dict[str, Any] = {
    Action.SUBMIT: _("Submit the selected pilots for review"),
    Action.APPROVE: _("Approve and publish the selected pilots"),
    Action.REQUEST_CHANGES: _("Request changes to the selected pilots (with a reason)"),
    Action.REJECT: _("Reject the selected pilots (with a reason)"),
    Action.START: _("Mark the selected pilots as started"),
    Action.COMPLETE: _("Mark the selected pilots as completed"),
    Action.UNPUBLISH: _("Unpublish the selected pilots (with a reason)"),
}
# One admin action per workflow action, in the workflow's table order.
PILOT_WORKFLOW_ACTIONS = [transition_action(action) for action in TRANSITIONS]
