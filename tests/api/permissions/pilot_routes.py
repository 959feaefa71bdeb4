"""Write routes of pilots: edits, deletes, workflow actions, collaborators."""

from .support import Route, World, by_role, pilot_body

PILOT_DRAFT_EDIT = by_role(401, 404, 200, 200, 404, 404, 404, 403)
PILOT_PUBLISHED_EDIT = by_role(401, 403, 403, 403, 403, 403, 403, 403)
PILOT_DRAFT_DELETE = by_role(401, 404, 204, 403, 404, 404, 404, 403)
PILOT_PUBLISHED_DELETE = by_role(401, *[403] * 7)
REVIEW = by_role(401, 404, 403, 403, 404, 404, 404, 200)
SUBMIT = by_role(401, 404, 200, 200, 404, 404, 404, 403)
UNPUBLISH = by_role(401, 403, 403, 403, 403, 403, 403, 200)
START = by_role(401, 403, 200, 200, 403, 403, 403, 403)
# Adding a collaborator is an emailed invitation (202), issue 13.
COLLABORATOR_ADD = by_role(401, 404, 202, 403, 404, 404, 404, 403)
COLLABORATOR_REMOVE = by_role(401, 404, 204, 403, 404, 404, 404, 403)


def pilot_routes(world: World) -> dict[str, Route]:
    stranger = world.users["stranger"]
    collaborator = world.users["collaborator"]
    draft = "/api/v1/pilots/pilot-draft/"
    submitted = "/api/v1/pilots/pilot-submitted/"
    published = "/api/v1/pilots/pilot-published/"
    return {
        "put draft pilot": ("put", draft, pilot_body("pilot-draft"), PILOT_DRAFT_EDIT),
        "patch draft pilot": ("patch", draft, {"title": "Renamed"}, PILOT_DRAFT_EDIT),
        "delete draft pilot": ("delete", draft, None, PILOT_DRAFT_DELETE),
        "put published pilot": (
            "put",
            published,
            pilot_body("pilot-published"),
            PILOT_PUBLISHED_EDIT,
        ),
        "patch published pilot": (
            "patch",
            published,
            {"title": "Renamed"},
            PILOT_PUBLISHED_EDIT,
        ),
        "delete published pilot": ("delete", published, None, PILOT_PUBLISHED_DELETE),
        "submit draft": ("post", f"{draft}submit/", {}, SUBMIT),
        "approve": ("post", f"{submitted}approve/", {}, REVIEW),
        "request changes": (
            "post",
            f"{submitted}request-changes/",
            {"reason": "More detail."},
            REVIEW,
        ),
        "reject": ("post", f"{submitted}reject/", {"reason": "No."}, REVIEW),
        "unpublish pilot": (
            "post",
            f"{published}unpublish/",
            {"reason": "Outdated."},
            UNPUBLISH,
        ),
        "start": ("post", f"{published}start/", {}, START),
        "add collaborator": (
            "post",
            f"{draft}collaborators/",
            {"email": stranger.email},
            COLLABORATOR_ADD,
        ),
        "remove collaborator": (
            "delete",
            f"{draft}collaborators/{collaborator.pk}/",
            None,
            COLLABORATOR_REMOVE,
        ),
    }


PILOT_ROUTE_NAMES = [
    "put draft pilot",
    "patch draft pilot",
    "delete draft pilot",
    "put published pilot",
    "patch published pilot",
    "delete published pilot",
    "submit draft",
    "approve",
    "request changes",
    "reject",
    "unpublish pilot",
    "start",
    "add collaborator",
    "remove collaborator",
]
