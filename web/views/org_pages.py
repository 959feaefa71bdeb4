"""“My organisations”: the organisations a person belongs to, and each one's
page in the portal with the way to its members, sites and calls."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from pilots.selectors.organization_portal import memberships_of

from ..language import with_language
from .org_access import OrganizationAccess, organization_page
from .pages import page
from .signed_in import signed_in


@require_safe
@with_language
@signed_in
def my_organisations_view(request: HttpRequest) -> HttpResponse:
    context = {"memberships": memberships_of(user=request.user)}
    return page(request, "portal/org/my_organisations.html", context)


@organization_page(manage=False)
def organisation_view(request: HttpRequest, access: OrganizationAccess) -> HttpResponse:
    return page(request, "portal/org/organisation.html", {"access": access})
