"""“My pilots”: a person's pilots with their status, the form to register or
change one (pilots.services.pilots), submitting it (the workflow service) and
its history. Someone else's pilot is a 404, as on the API."""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from pilots.models import PilotProject
from pilots.selectors.catalogue import visible_pilots
from pilots.selectors.permissions import can_edit_pilot, is_moderator
from pilots.selectors.portal import editable_pilot, pilot_transitions, pilots_of
from pilots.services.pilots import pilot_create, pilot_update
from pilots.services.transitions import TransitionError
from pilots.services.workflow import allowed_actions, pilot_transition

from ..free_slug import free_slug
from ..language import with_language
from ..pick_map import pick_map
from ..pilot_form import PilotForm, initial_for
from .pages import not_found, page
from .signed_in import signed_in

SUBMIT = "submit"


@require_safe
@with_language
@signed_in
def my_pilots_view(request: HttpRequest) -> HttpResponse:
    return page(
        request, "portal/my_pilots.html", {"pilots": pilots_of(user=request.user)}
    )


def _form_page(
    request: HttpRequest, form: PilotForm, pilot: PilotProject | None, status: int = 200
) -> HttpResponse:
    context = {"form": form, "pilot": pilot, "map": pick_map()}
    return page(request, "portal/pilot_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@with_language
@signed_in
def pilot_new_view(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _form_page(request, PilotForm(user=request.user), None)
    form = PilotForm(request.POST, user=request.user)
    if not form.is_valid():
        return _form_page(request, form, None, status=400)
    pilot = pilot_create(
        actor=request.user,
        slug=free_slug(PilotProject, form.cleaned_data["title"], "pilot"),
        **form.service_fields(),
    )
    return HttpResponseRedirect(reverse("web:my-pilot", args=[pilot.slug]))


@require_http_methods(["GET", "POST"])
@with_language
@signed_in
def pilot_edit_view(request: HttpRequest, slug: str) -> HttpResponse:
    pilot = editable_pilot(user=request.user, slug=slug)
    if pilot is None:
        return not_found(request)
    if not can_edit_pilot(request.user, pilot):
        return HttpResponseRedirect(reverse("web:my-pilot", args=[pilot.slug]))
    if request.method == "GET":
        form = PilotForm(initial=initial_for(pilot), user=request.user)
        return _form_page(request, form, pilot)
    form = PilotForm(request.POST, user=request.user)
    if not form.is_valid():
        return _form_page(request, form, pilot, status=400)
    pilot_update(pilot=pilot, actor=request.user, **form.service_fields())
    return HttpResponseRedirect(reverse("web:my-pilot", args=[pilot.slug]))


def _detail(
    request: HttpRequest, pilot: PilotProject, error: str = "", status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {
        "pilot": pilot,
        "history": pilot_transitions(pilot=pilot),
        "may_edit": can_edit_pilot(request.user, pilot),
        "may_submit": SUBMIT in allowed_actions(pilot.status)
        and can_edit_pilot(request.user, pilot),
        "error": error,
    }
    return page(request, "portal/my_pilot.html", context, status=status)


def _own_or_moderated(request: HttpRequest, slug: str) -> PilotProject | None:
    """The user's own pilot, or for a moderator any pilot they may see."""
    if is_moderator(request.user):
        return visible_pilots(user=request.user).filter(slug=slug).first()
    return editable_pilot(user=request.user, slug=slug)


@require_safe
@with_language
@signed_in
def my_pilot_view(request: HttpRequest, slug: str) -> HttpResponse:
    pilot = _own_or_moderated(request, slug)
    return not_found(request) if pilot is None else _detail(request, pilot)


@require_POST
@with_language
@signed_in
def pilot_submit_view(request: HttpRequest, slug: str) -> HttpResponse:
    pilot = editable_pilot(user=request.user, slug=slug)
    if pilot is None:
        return not_found(request)
    try:
        pilot_transition(pilot=pilot, actor=request.user, action=SUBMIT)
    except TransitionError as error:
        return _detail(request, pilot, error.message, status=409)
    return HttpResponseRedirect(reverse("web:my-pilot", args=[pilot.slug]))
