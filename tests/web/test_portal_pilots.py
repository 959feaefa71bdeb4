"""“My pilots” in the browser (issue 16): the list with status, the form that
registers and changes a pilot through the same services and checks as the API,
submitting it, the moderator's reason and the history. Someone else's pilot is
a 404 page."""

import json
from typing import Any

import pytest
from django.contrib.gis.geos import Point

from pilots.models import SDG, PilotProject, PilotTransition, Site, TRLLevel
from tests.api.catalogue_support import sectors
from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    make_moderator,
    outbox_to,
)
from tests.factories import (
    GLOSHAUGEN,
    OrganizationFactory,
    PilotProjectFactory,
    SiteFactory,
    UserFactory,
)

from .portal_support import page_client, signed_in_client

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
Status = PilotProject.Status


@pytest.fixture
def vocabularies() -> None:
    sectors("mobility", "energy")
    SDG.objects.create(number=11, code="SDG11", name_en="Cities", name_no="Byer")
    TRLLevel.objects.create(level=4, name_en="Lab validation", name_no="Lab")


def owner() -> Any:
    return UserFactory.create(email="owner@example.org")


def form_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Harbour drones",
        "summary": "Drones deliver parcels across the harbour.",
        "description": "Three months of flights.",
        "sectors": ["mobility"],
        "sdgs": ["11"],
        "trl": "4",
        "longitude": str(GLOSHAUGEN[0]),
        "latitude": str(GLOSHAUGEN[1]),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_list_shows_ones_own_pilots_with_their_status() -> None:
    user = owner()
    PilotProjectFactory.create(title="Mine", owner=user, status=Status.DRAFT)
    PilotProjectFactory.create(
        title="Shared", status=Status.SUBMITTED
    ).collaborators.add(user)
    PilotProjectFactory.create(title="Someone else's", status=Status.DRAFT)

    page = signed_in_client(user).get("/my/pilots/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "Mine" in text
    assert "Shared" in text
    assert "Draft" in text
    assert "Someone else" not in text


@pytest.mark.parametrize("path", ["/my/pilots/", "/my/pilots/new/", "/review/"])
def test_anonymous_visitors_are_sent_to_sign_in(path: str) -> None:
    response = page_client().get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_registering_a_pilot_goes_through_the_service(vocabularies, zones) -> None:
    user = owner()
    site = SiteFactory.create(name="Gløshaugen arena")
    partner = OrganizationFactory.create(name="SINTEF")
    client = signed_in_client(user)
    form = client.get("/my/pilots/new/")
    assert form.status_code == 200
    assert b'id="pick-map-config"' in form.content
    assert b'src="/static/web/pick-place.js"' in form.content

    saved = client.post(
        "/my/pilots/new/",
        form_data(sites=[str(site.pk)], partners=[str(partner.pk)]),
    )

    pilot = PilotProject.objects.get(title="Harbour drones")
    assert saved.status_code == 302
    assert saved["Location"] == f"/my/pilots/{pilot.slug}/"
    assert pilot.slug == "harbour-drones"
    assert pilot.owner == user
    assert pilot.status == Status.DRAFT
    assert (pilot.sectors, pilot.sdgs, pilot.trl) == (["mobility"], [11], 4)
    assert pilot.location is not None
    assert pilot.location.coords == pytest.approx(GLOSHAUGEN)
    assert pilot.zone is not None  # derived by the service's spatial join
    assert list(pilot.sites.all()) == [site]
    assert list(pilot.partners.all()) == [partner]
    assert pilot.history.get().history_user == user  # type: ignore[attr-defined]
    again = client.post("/my/pilots/new/", form_data())
    assert again.status_code == 302
    assert PilotProject.objects.filter(slug="harbour-drones-2").exists()


def test_a_norwegian_title_keeps_its_letters_in_the_slug(vocabularies, zones) -> None:
    """æ, ø and å are spelled out as on the organisation pages; slugify alone
    dropped them ("brattra-drones")."""
    client = signed_in_client(UserFactory.create())
    client.post("/my/pilots/new/", form_data(title="Brattøra drones"))
    assert PilotProject.objects.filter(slug="brattora-drones").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"longitude": None, "latitude": None}, "longitude"),
        ({"longitude": "200"}, "longitude"),
        ({"sectors": ["no-such-sector"]}, "sectors"),
        ({"sdgs": ["18"]}, "sdgs"),
        ({"trl": "12"}, "trl"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_saves_nothing(
    vocabularies, changes: dict[str, Any], field: str
) -> None:
    response = signed_in_client(owner()).post("/my/pilots/new/", form_data(**changes))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert b'aria-invalid="true"' in response.content or field == "sectors"
    assert not PilotProject.objects.exists()


def test_an_unpublished_site_cannot_be_picked(vocabularies) -> None:
    hidden = SiteFactory.create()
    Site.objects.filter(pk=hidden.pk).update(unpublished_at="2026-01-01T00:00Z")

    response = signed_in_client(owner()).post(
        "/my/pilots/new/", form_data(sites=[str(hidden.pk)])
    )

    assert response.status_code == 400
    assert "sites" in response.context["form"].errors


def test_someone_elses_pilot_is_a_404_everywhere() -> None:
    draft = PilotProjectFactory.create(status=Status.DRAFT)
    client = signed_in_client(owner())

    for path in ("", "edit/"):
        assert client.get(f"/my/pilots/{draft.slug}/{path}").status_code == 404
    assert client.post(f"/my/pilots/{draft.slug}/edit/", form_data()).status_code == 404
    assert client.post(f"/my/pilots/{draft.slug}/submit/").status_code == 404
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.title != "Harbour drones"


def test_a_moderator_sees_a_submitted_pilot_but_cannot_edit_it() -> None:
    pilot = PilotProjectFactory.create(status=Status.SUBMITTED)
    client = signed_in_client(make_moderator())

    assert client.get(f"/my/pilots/{pilot.slug}/").status_code == 200
    assert client.get(f"/my/pilots/{pilot.slug}/edit/").status_code == 404


def test_editing_and_submitting_records_the_history(vocabularies) -> None:
    user = owner()
    pilot = PilotProjectFactory.create(
        owner=user,
        status=Status.CHANGES_REQUESTED,
        moderation_reason="Name the harbour basin.",
        location=Point(10.40, 63.43, srid=4326),
    )
    client = signed_in_client(user)
    form = client.get(f"/my/pilots/{pilot.slug}/edit/")
    assert "Name the harbour basin." in form.content.decode()
    assert form.context["form"].initial["longitude"] == pytest.approx(10.40)

    client.post(f"/my/pilots/{pilot.slug}/edit/", form_data(title="Brattøra drones"))
    submitted = client.post(f"/my/pilots/{pilot.slug}/submit/")

    pilot.refresh_from_db()
    assert submitted.status_code == 302
    assert (pilot.title, pilot.status) == ("Brattøra drones", Status.SUBMITTED)
    [step] = PilotTransition.objects.filter(pilot=pilot)
    assert (step.action, step.actor) == ("submit", user)
    assert len(outbox_to("owner@example.org")) == 1  # the workflow's email
    detail = client.get(f"/my/pilots/{pilot.slug}/").content.decode()
    assert "A moderator reviews the pilot" in detail
    assert "Submit for review" not in detail
    # A submitted pilot is no longer editable: the form sends back to the page.
    locked = client.post(f"/my/pilots/{pilot.slug}/edit/", form_data(title="Later"))
    assert locked["Location"] == f"/my/pilots/{pilot.slug}/"
    pilot.refresh_from_db()
    assert pilot.title == "Brattøra drones"


def test_the_pilot_form_refuses_a_post_without_the_csrf_token(vocabularies) -> None:
    client = page_client(enforce_csrf_checks=True)
    client.force_login(owner())

    assert client.post("/my/pilots/new/", form_data()).status_code == 403
    assert not PilotProject.objects.exists()


def square_around(lon: float, lat: float, half: float = 0.002) -> str:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def test_an_area_drawn_on_the_map_is_enough(vocabularies, zones) -> None:
    response = signed_in_client(owner()).post(
        "/my/pilots/new/",
        form_data(longitude=None, latitude=None, area=square_around(*GLOSHAUGEN)),
    )

    assert response.status_code == 302
    pilot = PilotProject.objects.get()
    assert pilot.location is None
    assert pilot.area is not None
    assert pilot.area.geom_type == "MultiPolygon"
    assert pilot.zone is not None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"longitude": None, "latitude": None}, "needs a location"),
        ({"latitude": None}, "both the longitude and the latitude"),
        ({"area": "{not json"}, "The drawn area: Geometry is not valid JSON."),
        ({"area": '{"type": "Point", "coordinates": [10.4, 63.4]}'}, "drawn area"),
    ],
)
def test_a_missing_or_broken_place_is_explained(
    vocabularies, changes: dict[str, Any], message: str
) -> None:
    response = signed_in_client(owner()).post("/my/pilots/new/", form_data(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PilotProject.objects.exists()
