"""Who may write what, at the HTTP edge. The rules live in
pilots/selectors/permissions.py; these classes only ask them.

Objects a user may not see are filtered out by the viewsets' querysets (404);
objects they see but may not change answer 403.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from pilots.models import Organization
from pilots.selectors.permissions import (
    can_delete_pilot,
    can_edit_pilot,
    can_manage_organization,
    can_manage_site,
    is_moderator,
)


def _signed_in(request: Request) -> bool:
    return bool(request.user and request.user.is_authenticated)


def _organization_id(slug: Any) -> int | None:
    if not isinstance(slug, str):
        return None
    return Organization.objects.filter(slug=slug).values_list("id", flat=True).first()


class PilotAccess(BasePermission):
    """Registered users create pilots; the owner and collaborators edit them in
    draft or changes-requested; the owner deletes drafts and rejected ones."""

    message = _(
        "Only the owner or a collaborator may change this pilot, and only while "
        "it is a draft or has changes requested."
    )

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or _signed_in(request)

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if request.method == "DELETE":
            return can_delete_pilot(request.user, obj)
        return can_edit_pilot(request.user, obj)


class SiteAccess(BasePermission):
    """Admins of the host organisation create, change and delete its sites."""

    message = _("Only admins of the site's host organisation may change it.")

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not _signed_in(request):
            return False
        if request.method == "POST":
            host = request.data.get("host") if hasattr(request.data, "get") else None
            host_id = _organization_id(host)
            # An unknown or missing host is the serializer's 400.
            return host_id is None or can_manage_organization(request.user, host_id)
        return True

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not can_manage_site(request.user, obj):
            return False
        new_host = request.data.get("host") if hasattr(request.data, "get") else None
        new_host_id = _organization_id(new_host)
        return new_host_id is None or can_manage_organization(request.user, new_host_id)


class OrganizationAccess(BasePermission):
    """Registered users create organisations (becoming their admin); admins
    change and delete their own."""

    message = _("Only admins of this organisation may change it.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or _signed_in(request)

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return can_manage_organization(request.user, obj.pk)


class IsModerator(BasePermission):
    message = _("Only district moderators may do this.")

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_moderator(request.user)
