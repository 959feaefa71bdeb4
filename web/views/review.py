"""The moderators' review queue: submitted pilots and opportunities, oldest
first, each approved, sent back for changes or rejected with a reason through
the workflow services (the same emails and history as the API). Anyone else
gets the 404 page: the queue's existence is not advertised."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from pilots.models import Opportunity, PilotProject
from pilots.selectors.opportunities import opportunities_awaiting_review
from pilots.selectors.permissions import is_moderator
from pilots.selectors.portal import pilots_awaiting_review
from pilots.services.opportunity_review import opportunity_transition
from pilots.services.transitions import TransitionError
from pilots.services.workflow import pilot_transition

from ..language import with_language
from .pages import not_found, page
from .signed_in import signed_in

DECISIONS = ("approve", "request-changes", "reject")


def _queue(
    request: HttpRequest, errors: dict[str, str] | None = None, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "pilots": pilots_awaiting_review(),
        "opportunities": opportunities_awaiting_review(),
        "errors": errors or {},
        "done": request.GET.get("done", ""),
    }
    return page(request, "portal/review_queue.html", context, status=status)


@require_safe
@with_language
@signed_in
def review_queue_view(request: HttpRequest) -> HttpResponse:
    if not is_moderator(request.user):
        return not_found(request)
    return _queue(request)


def _decide(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    if not is_moderator(request.user):
        return not_found(request)
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "")
    key = f"{kind}-{slug}"
    if action not in DECISIONS:
        return _queue(
            request, {key: _("Choose approve, request changes or reject.")}, 400
        )
    try:
        if kind == "pilot":
            pilot = PilotProject.objects.filter(slug=slug).first()
            if pilot is None:
                return not_found(request)
            pilot_transition(
                pilot=pilot, actor=request.user, action=action, reason=reason
            )
        else:
            found = Opportunity.objects.filter(slug=slug).first()
            if found is None:
                return not_found(request)
            opportunity_transition(
                opportunity=found, actor=request.user, action=action, reason=reason
            )
    except TransitionError as error:
        return _queue(request, {key: error.message}, 409)
    except ValidationError as error:
        return _queue(request, {key: " ".join(error.messages)}, 409)
    return HttpResponseRedirect(f"{reverse('web:review-queue')}?done={key}")


@require_POST
@with_language
@signed_in
def review_pilot_view(request: HttpRequest, slug: str) -> HttpResponse:
    return _decide(request, "pilot", slug)


@require_POST
@with_language
@signed_in
def review_opportunity_view(request: HttpRequest, slug: str) -> HttpResponse:
    return _decide(request, "opportunity", slug)
