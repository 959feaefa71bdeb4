"""An organisation's members in the portal: everyone in it sees who belongs
(display names, never addresses); its admins invite by email with a role,
change roles, remove members and revoke open invitations, through the API's
services (pilots.services.invitations, memberships): the same emails, history
and the rule that an organisation keeps an admin."""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from pilots.models import OrganizationMembership
from pilots.models.accounts import public_name
from pilots.selectors.organization_portal import (
    organization_members,
    pending_invitations,
)
from pilots.services.invitations import invitation_create, invitation_revoke
from pilots.services.memberships import (
    LastAdminError,
    organization_membership_delete,
    organization_membership_set,
)

from ..org_forms import InviteForm, RoleForm
from .org_access import OrganizationAccess, forbidden_to_act, organization_page
from .pages import not_found, page


def _here(access: OrganizationAccess, done: str = "") -> HttpResponseRedirect:
    url = reverse("web:org-members", args=[access.organization.slug])
    return HttpResponseRedirect(f"{url}?done={done}" if done else url)


def _members_page(
    request: HttpRequest,
    access: OrganizationAccess,
    form: InviteForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    members = [
        {
            "user_id": membership.user_id,
            "name": public_name(membership.user),
            "role": membership.role,
            "is_you": membership.user_id == request.user.pk,
            "since": membership.created_at,
        }
        for membership in organization_members(organization=access.organization)
    ]
    context: dict[str, Any] = {
        "access": access,
        "members": members,
        "invitations": (
            pending_invitations(organization=access.organization)
            if access.manages
            else []
        ),
        "form": form or InviteForm(),
        "error": error,
        "done": request.GET.get("done", ""),
    }
    return page(request, "portal/org/members.html", context, status=status)


@organization_page(manage=False, methods=("GET", "POST"))
def members_view(request: HttpRequest, access: OrganizationAccess) -> HttpResponse:
    if request.method == "GET":
        return _members_page(request, access)
    if not access.manages:
        return forbidden_to_act(request)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, access, form, status=400)
    invitation_create(
        email=form.cleaned_data["email"],
        role=form.cleaned_data["role"],
        organization=access.organization,
        actor=request.user,
    )
    return _here(access, "invited")


def _membership(
    access: OrganizationAccess, user_id: int
) -> OrganizationMembership | None:
    return (
        OrganizationMembership.objects.filter(
            organization=access.organization, user_id=user_id
        )
        .select_related("user", "organization")
        .first()
    )


@organization_page(manage=True, methods=("POST",))
def member_role_view(
    request: HttpRequest, access: OrganizationAccess, user_id: int
) -> HttpResponse:
    membership = _membership(access, user_id)
    if membership is None:
        return not_found(request)
    form = RoleForm(request.POST)
    if not form.is_valid():
        error = " ".join(str(message) for message in form.errors["role"])
        return _members_page(request, access, error=error, status=400)
    try:
        organization_membership_set(
            organization=access.organization,
            user=membership.user,
            role=form.cleaned_data["role"],
            actor=request.user,
        )
    except LastAdminError as error:
        return _members_page(request, access, error=str(error), status=409)
    return _here(access, "role")


@organization_page(manage=True, methods=("POST",))
def member_remove_view(
    request: HttpRequest, access: OrganizationAccess, user_id: int
) -> HttpResponse:
    membership = _membership(access, user_id)
    if membership is None:
        return not_found(request)
    try:
        organization_membership_delete(membership=membership, actor=request.user)
    except LastAdminError as error:
        return _members_page(request, access, error=str(error), status=409)
    if membership.user_id == request.user.pk:
        return HttpResponseRedirect(reverse("web:my-organisations"))
    return _here(access, "removed")


@organization_page(manage=True, methods=("POST",))
def invitation_revoke_view(
    request: HttpRequest, access: OrganizationAccess, invitation_id: int
) -> HttpResponse:
    found = (
        pending_invitations(organization=access.organization)
        .filter(pk=invitation_id)
        .first()
    )
    if found is None:
        return not_found(request)
    invitation_revoke(invitation=found, actor=request.user)
    return _here(access, "revoked")
