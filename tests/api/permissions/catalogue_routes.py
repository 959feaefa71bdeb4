"""Write routes of sites, organisations (with members) and the moderators'
take-downs of sites, organisations and opportunities."""

from .support import Route, World, by_role, site_body

SITE_EDIT = by_role(401, 403, 403, 403, 200, 403, 403, 403)
SITE_DELETE = by_role(401, 403, 403, 403, 204, 403, 403, 403)
SITE_CREATE = by_role(401, 403, 403, 403, 201, 403, 403, 403)
ORG_EDIT = by_role(401, 403, 403, 403, 200, 403, 403, 403)
ORG_DELETE = by_role(401, 403, 403, 403, 409, 403, 403, 403)
# Adding a member is an emailed invitation (202), issue 13.
MEMBER_WRITE = by_role(401, 403, 403, 403, 202, 403, 403, 403)
MEMBER_CHANGE = by_role(401, 403, 403, 403, 200, 403, 403, 403)
MEMBER_DELETE = by_role(401, 403, 403, 403, 204, 403, 403, 403)
# Take-downs (BFLA): moderators only. Public items are seen by all (403); an
# unpublished one only by its organisation's admins (403) and moderators.
TAKE_DOWN = by_role(401, *[403] * 6, 200)
HOST_ADMIN_SEES = by_role(401, 404, 404, 404, 403, 404, 404, 200)
HOST_ADMIN_SEES_409 = by_role(401, 404, 404, 404, 403, 404, 404, 409)
OTHER_ADMIN_SEES = by_role(401, 404, 404, 404, 404, 404, 403, 200)
REASON = {"reason": "Misleading."}


def catalogue_routes(world: World) -> dict[str, Route]:
    member = world.users["org_member"]
    stranger = world.users["stranger"]
    site = "/api/v1/sites/host-site/"
    org = "/api/v1/organizations/host-org/"
    return {
        "create site": (
            "post",
            "/api/v1/sites/",
            site_body("new-site", "host-org"),
            SITE_CREATE,
        ),
        "put site": ("put", site, site_body("host-site", "host-org"), SITE_EDIT),
        "patch site": ("patch", site, {"name": "Renamed site"}, SITE_EDIT),
        "move site to another host": (
            "patch",
            site,
            {"host": "other-org"},
            by_role(401, *[403] * 7),
        ),
        "delete site": ("delete", site, None, SITE_DELETE),
        "put organisation": (
            "put",
            org,
            {"name": "Renamed", "slug": "host-org", "kind": "company"},
            ORG_EDIT,
        ),
        "patch organisation": ("patch", org, {"name": "Renamed"}, ORG_EDIT),
        # An admin may delete their organisation, but it still hosts a site: 409.
        "delete organisation": ("delete", org, None, ORG_DELETE),
        "add member": (
            "post",
            f"{org}members/",
            {"email": stranger.email, "role": "admin"},
            MEMBER_WRITE,
        ),
        "change member role": (
            "patch",
            f"{org}members/{member.pk}/",
            {"role": "admin"},
            MEMBER_CHANGE,
        ),
        "remove member": ("delete", f"{org}members/{member.pk}/", None, MEMBER_DELETE),
        "unpublish site": ("post", f"{site}unpublish/", REASON, TAKE_DOWN),
        "unpublish an unpublished site": (
            "post",
            "/api/v1/sites/hidden-site/unpublish/",
            REASON,
            HOST_ADMIN_SEES_409,
        ),
        "republish site": (
            "post",
            "/api/v1/sites/hidden-site/republish/",
            {},
            HOST_ADMIN_SEES,
        ),
        "unpublish organisation": ("post", f"{org}unpublish/", REASON, TAKE_DOWN),
        "republish organisation": (
            "post",
            "/api/v1/organizations/hidden-org/republish/",
            {},
            OTHER_ADMIN_SEES,
        ),
        "unpublish opportunity": (
            "post",
            "/api/v1/opportunities/host-call/unpublish/",
            REASON,
            TAKE_DOWN,
        ),
        "unpublish a draft opportunity": (
            "post",
            "/api/v1/opportunities/draft-call/unpublish/",
            REASON,
            HOST_ADMIN_SEES_409,
        ),
        "republish opportunity": (
            "post",
            "/api/v1/opportunities/hidden-call/republish/",
            {},
            HOST_ADMIN_SEES,
        ),
    }


CATALOGUE_ROUTE_NAMES = [
    "create site",
    "put site",
    "patch site",
    "move site to another host",
    "delete site",
    "put organisation",
    "patch organisation",
    "delete organisation",
    "add member",
    "change member role",
    "remove member",
    "unpublish site",
    "unpublish an unpublished site",
    "republish site",
    "unpublish organisation",
    "republish organisation",
    "unpublish opportunity",
    "unpublish a draft opportunity",
    "republish opportunity",
]
