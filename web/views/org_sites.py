"""An organisation's sites in the portal: members see the list (with any
moderator's take-down and its reason); admins add and change sites with the
map picker through pilots.services.sites, as the API does. Unpublishing and
republishing stay with the moderators (the API's rule)."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from pilots.models import Site
from pilots.selectors.organization_portal import organization_sites
from pilots.services.sites import site_create, site_update

from ..free_slug import free_slug
from ..pick_map import pick_map
from ..site_form import SiteForm, site_initial
from .org_access import OrganizationAccess, organization_page
from .pages import not_found, page


@organization_page(manage=False)
def sites_view(request: HttpRequest, access: OrganizationAccess) -> HttpResponse:
    context = {
        "access": access,
        "sites": organization_sites(organization=access.organization),
        "done": request.GET.get("done", ""),
    }
    return page(request, "portal/org/sites.html", context)


def _form_page(
    request: HttpRequest,
    access: OrganizationAccess,
    form: SiteForm,
    site: Site | None,
    status: int = 200,
) -> HttpResponse:
    context = {"access": access, "form": form, "site": site, "map": pick_map()}
    return page(request, "portal/org/site_form.html", context, status=status)


def _listed(access: OrganizationAccess, done: str) -> HttpResponseRedirect:
    url = reverse("web:org-sites", args=[access.organization.slug])
    return HttpResponseRedirect(f"{url}?done={done}")


@organization_page(manage=True, methods=("GET", "POST"))
def site_new_view(request: HttpRequest, access: OrganizationAccess) -> HttpResponse:
    if request.method == "GET":
        return _form_page(request, access, SiteForm(user=request.user), None)
    form = SiteForm(request.POST, user=request.user)
    if not form.is_valid():
        return _form_page(request, access, form, None, status=400)
    site_create(
        actor=request.user,
        host=access.organization,
        slug=free_slug(Site, form.cleaned_data["name"], "site"),
        **form.service_fields(),
    )
    return _listed(access, "created")


@organization_page(manage=True, methods=("GET", "POST"))
def site_edit_view(
    request: HttpRequest, access: OrganizationAccess, site_slug: str
) -> HttpResponse:
    site = (
        organization_sites(organization=access.organization)
        .filter(slug=site_slug)
        .first()
    )
    if site is None:
        return not_found(request)
    if request.method == "GET":
        form = SiteForm(initial=site_initial(site), user=request.user)
        return _form_page(request, access, form, site)
    form = SiteForm(request.POST, user=request.user)
    if not form.is_valid():
        return _form_page(request, access, form, site, status=400)
    site_update(site=site, actor=request.user, **form.service_fields())
    return _listed(access, "saved")
