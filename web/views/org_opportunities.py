"""An organisation's calls for pilots in the portal: members see them with
their status, the moderator's reason, the review history and how many
notifications each sent (counts by channel and status, no recipients); admins
create and change drafts, submit them for review or, for a verified
organisation, publish and close them, through the API's services (same
rules, outbox, daily notification cap and history)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from pilots.models import Opportunity
from pilots.notifications.cap import NotificationCapExceeded
from pilots.selectors.organization_portal import (
    opportunity_history,
    opportunity_notification_counts,
    organization_opportunities,
)
from pilots.services.opportunities import (
    opportunity_create,
    opportunity_update,
    publisher_may_change,
)
from pilots.services.opportunity_review import (
    opportunity_allowed_actions,
    opportunity_transition,
)
from pilots.services.transitions import TransitionError, TransitionForbidden

from ..free_slug import free_slug
from ..notification_labels import labelled
from ..opportunity_form import OpportunityForm, opportunity_initial
from .org_access import OrganizationAccess, organization_page
from .pages import not_found, page

# What the publisher's admins may do from the page (moderators decide the rest
# in the review queue); publishing needs a verified organisation.
PUBLISHER_ACTIONS = ("submit", "publish", "close")


@organization_page(manage=False)
def opportunities_view(
    request: HttpRequest, access: OrganizationAccess
) -> HttpResponse:
    context = {
        "access": access,
        "opportunities": organization_opportunities(organization=access.organization),
    }
    return page(request, "portal/org/opportunities.html", context)


def _found(access: OrganizationAccess, slug: str) -> Opportunity | None:
    return (
        Opportunity.objects.filter(publisher=access.organization, slug=slug)
        .select_related("publisher")
        .first()
    )


def _detail_url(opportunity: Opportunity) -> str:
    return reverse(
        "web:org-opportunity", args=[opportunity.publisher.slug, opportunity.slug]
    )


def _actions(access: OrganizationAccess, opportunity: Opportunity) -> list[str]:
    if not access.manages:
        return []
    verified = opportunity.publisher.verified_at is not None
    return [
        action
        for action in opportunity_allowed_actions(opportunity.status)
        if action in PUBLISHER_ACTIONS and (action != "publish" or verified)
    ]


def _detail(
    request: HttpRequest,
    access: OrganizationAccess,
    opportunity: Opportunity,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context: dict[str, Any] = {
        "access": access,
        "opportunity": opportunity,
        "may_edit": access.manages and publisher_may_change(opportunity),
        "actions": _actions(access, opportunity),
        "counts": labelled(opportunity_notification_counts(opportunity=opportunity)),
        "history": opportunity_history(opportunity=opportunity),
        "error": error,
    }
    return page(request, "portal/org/opportunity.html", context, status=status)


@organization_page(manage=False)
def opportunity_view(
    request: HttpRequest, access: OrganizationAccess, opportunity_slug: str
) -> HttpResponse:
    opportunity = _found(access, opportunity_slug)
    if opportunity is None:
        return not_found(request)
    return _detail(request, access, opportunity)


def _form_page(
    request: HttpRequest,
    access: OrganizationAccess,
    form: OpportunityForm,
    opportunity: Opportunity | None,
    status: int = 200,
) -> HttpResponse:
    context = {"access": access, "form": form, "opportunity": opportunity}
    return page(request, "portal/org/opportunity_form.html", context, status=status)


def _save(
    request: HttpRequest,
    access: OrganizationAccess,
    form: OpportunityForm,
    opportunity: Opportunity | None,
) -> HttpResponse:
    """Write through the service; its checks land on the form (400)."""
    try:
        if opportunity is None:
            opportunity = opportunity_create(
                actor=request.user,
                publisher=access.organization,
                slug=free_slug(Opportunity, form.cleaned_data["title"], "call"),
                **form.service_fields(),
            )
        else:
            opportunity = opportunity_update(
                opportunity=opportunity, actor=request.user, **form.service_fields()
            )
    except ValidationError as error:
        form.add_error(None, error)
        return _form_page(request, access, form, opportunity, status=400)
    return HttpResponseRedirect(_detail_url(opportunity))


@organization_page(manage=True, methods=("GET", "POST"))
def opportunity_new_view(
    request: HttpRequest, access: OrganizationAccess
) -> HttpResponse:
    organization = access.organization
    if request.method == "GET":
        form = OpportunityForm(organization=organization)
        return _form_page(request, access, form, None)
    form = OpportunityForm(request.POST, organization=organization)
    if not form.is_valid():
        return _form_page(request, access, form, None, status=400)
    return _save(request, access, form, None)


@organization_page(manage=True, methods=("GET", "POST"))
def opportunity_edit_view(
    request: HttpRequest, access: OrganizationAccess, opportunity_slug: str
) -> HttpResponse:
    opportunity = _found(access, opportunity_slug)
    if opportunity is None:
        return not_found(request)
    if not publisher_may_change(opportunity):
        return HttpResponseRedirect(_detail_url(opportunity))
    organization = access.organization
    if request.method == "GET":
        initial = opportunity_initial(opportunity)
        form = OpportunityForm(initial=initial, organization=organization)
        return _form_page(request, access, form, opportunity)
    form = OpportunityForm(request.POST, organization=organization)
    if not form.is_valid():
        return _form_page(request, access, form, opportunity, status=400)
    return _save(request, access, form, opportunity)


@organization_page(manage=True, methods=("POST",))
def opportunity_action_view(
    request: HttpRequest, access: OrganizationAccess, opportunity_slug: str
) -> HttpResponse:
    opportunity = _found(access, opportunity_slug)
    if opportunity is None:
        return not_found(request)
    action = request.POST.get("action", "")
    if action not in PUBLISHER_ACTIONS:
        error = _("Choose submit, publish or close.")
        return _detail(request, access, opportunity, error, status=400)
    try:
        opportunity_transition(
            opportunity=opportunity, actor=request.user, action=action
        )
    except TransitionForbidden as error:
        return _detail(request, access, opportunity, error.message, status=403)
    except TransitionError as error:
        return _detail(request, access, opportunity, error.message, status=409)
    except NotificationCapExceeded as error:
        return _detail(request, access, opportunity, error.message, status=429)
    except (ValidationError, PermissionDenied) as error:
        message = " ".join(getattr(error, "messages", [str(error)]))
        return _detail(request, access, opportunity, message, status=409)
    return HttpResponseRedirect(_detail_url(opportunity))
