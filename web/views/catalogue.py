"""The public page of a site, a pilot and an opportunity: what a link in an
email or a map popup opens. Not visible (unpublished, a draft) is a 404 page."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from pilots.models import Opportunity, Organization, PilotProject
from pilots.notifications.deadlines import district_time_label
from pilots.public_links import web_page_url
from pilots.selectors.pages import opportunity_page, pilot_page, site_page

from .. import jsonld
from ..language import with_language
from ..localized import localized, sector_names
from ..place_map import place_map
from .pages import not_found, page


def _organizations(*orgs: Organization | None) -> list[Organization]:
    """Public organisations, each once, in the order given."""
    seen: dict[int, Organization] = {}
    for org in orgs:
        if org is not None and org.unpublished_at is None:
            seen.setdefault(org.pk, org)
    return list(seen.values())


def _roles(first: list[Organization], role: str, others: list[Organization]) -> list:
    """Name, website and role of each organisation (partners after the first)."""
    return [
        {"name": org.name, "website": org.website, "role": role} for org in first
    ] + [
        {"name": org.name, "website": org.website, "role": _("partner")}
        for org in others
        if org not in first
    ]


@require_safe
@with_language
def site_view(request: HttpRequest, slug: str) -> HttpResponse:
    site = site_page(slug=slug, user=request.user)
    if site is None:
        return not_found(request)
    name = localized(site, "name")
    description = localized(site, "description")
    url = web_page_url("site", args=[site.slug])
    context: dict[str, Any] = {
        "site": site,
        "name": name,
        "description": description,
        "organisations": _roles(
            _organizations(site.host),
            _("host"),
            _organizations(*site.partners.all()),
        ),
        "sectors": sector_names(site.sectors),
        "pilots": list(site.pilots.all()),
        "opportunities": list(site.opportunities.all()),
        "map": place_map(site.footprint, site.location),
        "json_ld": jsonld.place(
            name=name,
            url=url,
            geometry=site.location,
            description=description,
            sameAs=site.website,
            containedInPlace={"@type": "Place", "name": site.zone.name}
            if site.zone
            else None,
        ),
    }
    return page(request, "site.html", context)


@require_safe
@with_language
def pilot_view(request: HttpRequest, slug: str) -> HttpResponse:
    pilot = pilot_page(slug=slug, user=request.user)
    if pilot is None:
        return not_found(request)
    title = localized(pilot, "title")
    summary = localized(pilot, "summary")
    lead = _organizations(pilot.lead_organization)
    partners = [org for org in _organizations(*pilot.partners.all()) if org not in lead]
    sectors = sector_names(pilot.sectors)
    context = {
        "pilot": pilot,
        "public": pilot.status in PilotProject.PUBLIC_STATUSES,
        "title": title,
        "summary": summary,
        "description": localized(pilot, "description"),
        "organisations": _roles(lead, _("lead"), partners),
        "sites": list(pilot.sites.all()),
        "sectors": sectors,
        "map": place_map(pilot.area, pilot.location),
        "json_ld": jsonld.research_project(
            name=title,
            url=web_page_url("pilot", args=[pilot.slug]),
            description=summary,
            geometry=pilot.location or pilot.area,
            members=lead + partners,
            keywords=sectors,
        ),
    }
    return page(request, "pilot.html", context)


@require_safe
@with_language
def opportunity_view(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = opportunity_page(slug=slug, user=request.user)
    if opportunity is None:
        return not_found(request)
    title = localized(opportunity, "title")
    summary = localized(opportunity, "summary")
    context = {
        "opportunity": opportunity,
        "title": title,
        "summary": summary,
        "description": localized(opportunity, "description"),
        "open": opportunity.status == Opportunity.Status.PUBLISHED,
        "deadline": district_time_label(opportunity.deadline)
        if opportunity.deadline
        else "",
        "opens_at": district_time_label(opportunity.opens_at)
        if opportunity.opens_at
        else "",
        "organisations": _roles(
            _organizations(opportunity.publisher), _("publisher"), []
        ),
        "sectors": sector_names(opportunity.sectors),
        "sites": list(opportunity.sites.all()),
        "map": place_map(opportunity.area or opportunity.footprint),
        "json_ld": jsonld.demand(
            opportunity=opportunity,
            name=title,
            url=web_page_url("opportunity", args=[opportunity.slug]),
            description=summary,
        ),
    }
    return page(request, "opportunity.html", context)
