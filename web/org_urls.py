"""The organisation pages of the portal (issue 16), under /my/organisations/."""

from django.urls import path

from .views.org_members import (
    invitation_revoke_view,
    member_remove_view,
    member_role_view,
    members_view,
)
from .views.org_opportunities import (
    opportunities_view,
    opportunity_action_view,
    opportunity_edit_view,
    opportunity_new_view,
    opportunity_view,
)
from .views.org_pages import my_organisations_view, organisation_view
from .views.org_sites import site_edit_view, site_new_view, sites_view

MEMBER = "<slug:slug>/members/<int:user_id>"
CALLS = "<slug:slug>/opportunities"

urlpatterns = [
    path("", my_organisations_view, name="my-organisations"),
    path("<slug:slug>/", organisation_view, name="org"),
    path("<slug:slug>/members/", members_view, name="org-members"),
    path(f"{MEMBER}/role/", member_role_view, name="org-member-role"),
    path(f"{MEMBER}/remove/", member_remove_view, name="org-member-remove"),
    path(
        "<slug:slug>/invitations/<int:invitation_id>/revoke/",
        invitation_revoke_view,
        name="org-invitation-revoke",
    ),
    path("<slug:slug>/sites/", sites_view, name="org-sites"),
    path("<slug:slug>/sites/new/", site_new_view, name="org-site-new"),
    path(
        "<slug:slug>/sites/<slug:site_slug>/edit/", site_edit_view, name="org-site-edit"
    ),
    path(f"{CALLS}/", opportunities_view, name="org-opportunities"),
    path(f"{CALLS}/new/", opportunity_new_view, name="org-opportunity-new"),
    path(
        f"{CALLS}/<slug:opportunity_slug>/",
        opportunity_view,
        name="org-opportunity",
    ),
    path(
        f"{CALLS}/<slug:opportunity_slug>/edit/",
        opportunity_edit_view,
        name="org-opportunity-edit",
    ),
    path(
        f"{CALLS}/<slug:opportunity_slug>/act/",
        opportunity_action_view,
        name="org-opportunity-act",
    ),
]
