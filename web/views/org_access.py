"""Who may open an organisation's portal pages: its members and the district's
moderators read them, its admins (and superusers) act. An unknown organisation
is the 404 page, as is one a moderator unpublished to anyone outside it;
anyone else gets the 403 page."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pilots.models import Organization
from pilots.selectors.organization_portal import membership_role
from pilots.selectors.permissions import can_manage_organization, is_moderator

from ..language import with_language
from .pages import not_found, page
from .signed_in import signed_in


@dataclass(frozen=True)
class OrganizationAccess:
    organization: Organization
    role: str | None  # "admin", "member", or None for moderators and staff
    manages: bool


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return page(request, "forbidden.html", {"message": message}, status=403)


def forbidden_to_act(request: HttpRequest) -> HttpResponse:
    return forbidden(request, _("Only admins of this organisation may do this."))


def _access(request: HttpRequest, slug: str) -> OrganizationAccess | None:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        return None
    role = membership_role(user=request.user, organization=organization)
    manages = role == "admin" or (
        bool(request.user.is_superuser)
        and can_manage_organization(request.user, organization.pk)
    )
    return OrganizationAccess(organization, role, manages)


def organization_page(
    *, manage: bool, methods: tuple[str, ...] = ("GET", "HEAD")
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Wrap a view taking (request, access, ...) for a signed-in person, in their
    language, answering only `methods`: `manage` pages are for the
    organisation's admins, the others for its members too."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(
            request: HttpRequest, slug: str, *args: Any, **kwargs: Any
        ) -> HttpResponse:
            access = _access(request, slug)
            if access is None:
                return not_found(request)
            reads = access.manages or access.role or is_moderator(request.user)
            if not reads and access.organization.unpublished_at is not None:
                return not_found(request)  # taken down: not even its name
            if not reads:
                return forbidden(
                    request, _("Only members of this organisation see this page.")
                )
            if manage and not access.manages:
                return forbidden_to_act(request)
            return view(request, access, *args, **kwargs)

        return require_http_methods(list(methods))(with_language(signed_in(wrapper)))

    return decorate
