"""The pilot owner's journey through HTTP only: sign up, verify, get a token,
create a pilot, submit, a moderator requests changes, edit, resubmit, approve;
then the pilot is public in the JSON list, the GeoJSON and the vector tiles,
and every step sent its emails (eager Celery: the real task code, in-process)."""

import json
import re

import mapbox_vector_tile
import pytest
from django.core import mail

from geo.tiles import tile_containing
from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    fresh_client,
    make_moderator,
)
from tests.factories import GLOSHAUGEN, TEST_PASSWORD

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]

EMAIL = "pilot.owner@example.org"
PASSWORD = "a-long-and-private-passphrase-17"


def signed_in(client, token: str):
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def emails_to(address: str) -> list[str]:
    return [str(message.subject) for message in mail.outbox if address in message.to]


def test_pilot_owner_journey(zones: int) -> None:
    make_moderator(username="moderator@example.org", email="moderator@example.org")
    owner = fresh_client()
    reviewer = fresh_client()
    token = reviewer.post(
        "/api/v1/auth/login/",
        {"email": "moderator@example.org", "password": TEST_PASSWORD},
    )
    assert token.status_code == 201
    signed_in(reviewer, token.json()["token"])

    # Sign up and verify the address from the emailed link.
    assert (
        owner.post(
            "/api/v1/auth/sign-up/", {"email": EMAIL, "password": PASSWORD}
        ).status_code
        == 202
    )
    [verification] = [m for m in mail.outbox if EMAIL in m.to]
    match = re.search(r"uid=([\w-]+)\S*?token=([\w-]+)", str(verification.body))
    assert match
    verified = owner.post(
        "/api/v1/auth/verify-email/", {"uid": match[1], "token": match[2]}
    )
    assert verified.status_code == 200

    # A token for the API client.
    login = owner.post("/api/v1/auth/login/", {"email": EMAIL, "password": PASSWORD})
    assert login.status_code == 201
    signed_in(owner, login.json()["token"])

    # Create a draft pilot: it is the owner's and not public.
    created = owner.post(
        "/api/v1/pilots/",
        {
            "title": "Autonomous ferry trial",
            "slug": "autonomous-ferry-trial",
            "summary": "Crossing the Nidelva.",
            "location": {"type": "Point", "coordinates": list(GLOSHAUGEN)},
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["status"] == "draft"
    slug = created.json()["slug"]
    detail = f"/api/v1/pilots/{slug}/"
    assert fresh_client().get(detail).status_code == 404

    # Submit; the moderator asks for changes.
    assert owner.post(f"{detail}submit/").status_code == 200
    changes = reviewer.post(
        f"{detail}request-changes/", {"reason": "Name the test site."}
    )
    assert changes.status_code == 200, changes.content

    # The owner edits (with the ETag just read) and resubmits.
    current = owner.get(detail)
    edited = owner.patch(
        detail,
        {"summary": "Crossing the Nidelva at Sluppen test arena."},
        format="json",
        HTTP_IF_MATCH=current["ETag"],
    )
    assert edited.status_code == 200, edited.content
    assert owner.post(f"{detail}submit/").status_code == 200

    # Approval makes it public.
    assert reviewer.post(f"{detail}approve/").status_code == 200
    anonymous = fresh_client()
    listed = anonymous.get("/api/v1/pilots/").json()["results"]
    assert [row["slug"] for row in listed] == [slug]
    geojson = json.loads(anonymous.get("/api/v1/pilots/?format=geojson").content)
    assert [f["properties"]["slug"] for f in geojson["features"]] == [slug]
    assert geojson["features"][0]["geometry"]["coordinates"] == list(GLOSHAUGEN)
    x, y = tile_containing(*GLOSHAUGEN, 14)
    tile = anonymous.get(f"/tiles/pilots/14/{x}/{y}.mvt")
    assert tile.status_code == 200
    layers = mapbox_vector_tile.decode(tile.content)
    names = [f["properties"]["name"] for f in layers["pilots"]["features"]]
    assert names == ["Autonomous ferry trial"]

    # Each step emailed the owner; each submission the moderator.
    owner_mail = emails_to(EMAIL)
    assert len(owner_mail) == 1 + 4  # verification + four transitions
    assert "Changes requested" in owner_mail[2]
    assert "Published" in owner_mail[4]
    assert len(emails_to("moderator@example.org")) == 2
    # The history shows who changed the summary.
    history = owner.get(f"{detail}history/").json()["results"]
    summary_changes = [
        change
        for version in history
        for change in version["changes"]
        if change["field"] == "summary"
    ]
    assert summary_changes[0]["old"] == "Crossing the Nidelva."
    # ...by display name, never by address (issue 13).
    assert any(version["user"].startswith("Registry member #") for version in history)
    assert EMAIL not in str(history)
