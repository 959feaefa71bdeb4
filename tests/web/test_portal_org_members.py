"""An organisation's members in the portal (issue 16): who may see and act,
invitations by email through the API's service, roles, removal, the
last-admin rule, withdrawn invitations, and addresses shown to admins only."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from pilots.models import Invitation, OrganizationMembership
from pilots.models.accounts import AccountProfile
from tests.api.owner_support import (
    eager_celery,
    fast_password_hashing,
    make_member,
    make_moderator,
    outbox_to,
)
from tests.factories import OrganizationFactory, UserFactory

from .org_support import Team, queries_of, team
from .portal_support import page_client, signed_in_client
from .support import emailed_link, path_of

__all__ = ["eager_celery", "fast_password_hashing"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("eager_celery", "fast_password_hashing"),
]
GUEST = "new.colleague@example.org"
PAGES = ("", "members/", "sites/", "opportunities/")


@pytest.fixture
def harbour() -> Team:
    return team()


def role_of(user: Any, harbour: Team) -> str | None:
    return (
        OrganizationMembership.objects.filter(
            user=user, organization=harbour.organization
        )
        .values_list("role", flat=True)
        .first()
    )


def test_my_organisations_lists_where_one_belongs(harbour: Team) -> None:
    OrganizationFactory.create(name="Someone else's lab")

    page = signed_in_client(harbour.member).get("/my/organisations/")

    text = page.content.decode()
    assert page.status_code == 200
    assert f'href="{harbour.path()}"' in text
    assert "Trondheim Harbour" in text
    assert "Someone else" not in text
    assert 'href="/my/organisations/"' in text  # the header's link


@pytest.mark.parametrize("rest", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(harbour: Team, rest: str) -> None:
    response = page_client().get(harbour.path(rest))

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


@pytest.mark.parametrize("rest", PAGES)
def test_outsiders_get_the_403_page_and_unknown_ones_a_404(
    harbour: Team, rest: str
) -> None:
    client = signed_in_client(harbour.outsider)

    refused = client.get(harbour.path(rest))
    missing = client.get(f"/my/organisations/no-such-organisation/{rest}")

    assert refused.status_code == 403
    assert "Only members of this organisation" in refused.content.decode()
    assert missing.status_code == 404


def test_an_unpublished_organisation_is_a_404_to_outsiders(harbour: Team) -> None:
    harbour.organization.unpublished_at = timezone.now()
    harbour.organization.unpublished_reason = "Not a real company."
    harbour.organization.save()

    outsider = signed_in_client(harbour.outsider).get(harbour.path())
    admin = signed_in_client(harbour.admin).get(harbour.path())

    assert outsider.status_code == 404
    assert "Trondheim Harbour" not in outsider.content.decode()
    assert admin.status_code == 200
    assert "Not a real company." in admin.content.decode()


@pytest.mark.parametrize("rest", PAGES)
def test_members_and_moderators_read_every_page(harbour: Team, rest: str) -> None:
    for user in (harbour.member, make_moderator()):
        assert signed_in_client(user).get(harbour.path(rest)).status_code == 200


def test_a_member_reads_names_but_neither_addresses_nor_invitations(
    harbour: Team,
) -> None:
    AccountProfile.objects.create(user=harbour.admin, display_name="Ada Admin")
    Invitation.objects.create(
        email=GUEST, organization=harbour.organization, role="member"
    )

    page = signed_in_client(harbour.member).get(harbour.path("members/"))

    text = page.content.decode()
    assert "Ada Admin" in text
    assert "(you)" in text
    for address in ("admin@example.org", "member@example.org", GUEST):
        assert address not in text
    assert "Send the invitation" not in text
    assert "Change the role" not in text


@pytest.mark.parametrize(
    ("rest", "data"),
    [
        ("members/", {"email": GUEST, "role": "admin"}),
        ("members/{admin}/role/", {"role": "member"}),
        ("members/{admin}/remove/", {}),
    ],
)
def test_members_and_outsiders_may_not_act(
    harbour: Team, rest: str, data: dict[str, str]
) -> None:
    path = harbour.path(rest.format(admin=harbour.admin.pk))
    for user in (harbour.member, harbour.outsider):
        response = signed_in_client(user).post(path, data)

        assert response.status_code == 403
    assert role_of(harbour.admin, harbour) == "admin"
    assert not Invitation.objects.exists()
    assert outbox_to(GUEST) == []


def test_an_admin_invites_by_email_and_the_link_lets_them_join(
    harbour: Team,
) -> None:
    admin = signed_in_client(harbour.admin)

    sent = admin.post(harbour.path("members/"), {"email": GUEST, "role": "admin"})

    assert sent.status_code == 302
    assert sent["Location"] == harbour.path("members/?done=invited")
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == (GUEST, "admin")
    assert invitation.invited_by == harbour.admin
    listed = admin.get(sent["Location"]).content.decode()
    assert "An invitation is on its way" in listed
    assert GUEST in listed  # the organisation's admins see whom they invited
    [email] = outbox_to(GUEST)
    link = emailed_link(email.body, "/accept-invitation/")
    guest = UserFactory.create(email=GUEST)
    [token] = parse_qs(urlsplit(link).query)["token"]
    accepted = signed_in_client(guest).post("/accept-invitation/", {"token": token})
    assert accepted.status_code == 200
    assert role_of(guest, harbour) == "admin"
    assert GUEST not in admin.get(harbour.path("members/")).content.decode()


def test_a_bad_address_is_shown_on_its_field(harbour: Team) -> None:
    response = signed_in_client(harbour.admin).post(
        harbour.path("members/"), {"email": "not an address", "role": "admin"}
    )

    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_an_admin_changes_a_role_and_removes_a_member(harbour: Team) -> None:
    admin = signed_in_client(harbour.admin)
    member = harbour.member.pk

    promoted = admin.post(harbour.path(f"members/{member}/role/"), {"role": "admin"})
    assert promoted.status_code == 302
    assert role_of(harbour.member, harbour) == "admin"
    removed = admin.post(harbour.path(f"members/{member}/remove/"))
    assert removed.status_code == 302
    assert role_of(harbour.member, harbour) is None
    changes = OrganizationMembership.history.filter(  # type: ignore[attr-defined]
        user_id=member, history_type__in=["~", "-"]
    )
    assert [row.history_user for row in changes] == [harbour.admin] * 2


def test_the_last_admin_stays_with_a_clear_message(harbour: Team) -> None:
    admin = signed_in_client(harbour.admin)
    mine = harbour.path(f"members/{harbour.admin.pk}/")

    demoted = admin.post(f"{mine}role/", {"role": "member"})
    removed = admin.post(f"{mine}remove/")

    for response in (demoted, removed):
        assert response.status_code == 409
        assert "keeps at least one admin" in response.content.decode()
    assert role_of(harbour.admin, harbour) == "admin"


def test_an_unknown_role_or_member_changes_nothing(harbour: Team) -> None:
    admin = signed_in_client(harbour.admin)
    stranger = UserFactory.create()

    bad_role = admin.post(
        harbour.path(f"members/{harbour.member.pk}/role/"), {"role": "owner"}
    )
    not_member = admin.post(
        harbour.path(f"members/{stranger.pk}/role/"), {"role": "admin"}
    )

    assert bad_role.status_code == 400
    assert not_member.status_code == 404
    assert role_of(harbour.member, harbour) == "member"


def test_a_withdrawn_invitation_link_stops_working(harbour: Team) -> None:
    admin = signed_in_client(harbour.admin)
    admin.post(harbour.path("members/"), {"email": GUEST, "role": "member"})
    invitation = Invitation.objects.get()
    link = emailed_link(outbox_to(GUEST)[0].body, "/accept-invitation/")
    other = team()
    elsewhere = signed_in_client(other.admin).post(
        other.path(f"invitations/{invitation.pk}/revoke/")
    )
    assert elsewhere.status_code == 404  # another organisation's invitation

    withdrawn = admin.post(harbour.path(f"invitations/{invitation.pk}/revoke/"))

    assert withdrawn.status_code == 302
    assert not Invitation.objects.exists()
    opened = page_client().get(path_of(link))
    assert opened.status_code == 400
    assert "invalid, used or expired" in opened.content.decode()


def test_acting_needs_the_csrf_token(harbour: Team) -> None:
    client = page_client(enforce_csrf_checks=True)
    client.force_login(harbour.admin)

    response = client.post(harbour.path("members/"), {"email": GUEST})

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_the_members_page_costs_the_same_for_more_members(harbour: Team) -> None:
    client = signed_in_client(harbour.admin)
    few = queries_of(lambda: client.get(harbour.path("members/")))
    for number in range(8):
        make_member(harbour.organization, "member")
        Invitation.objects.create(
            email=f"guest{number}@example.org",
            organization=harbour.organization,
            role="member",
        )

    many = queries_of(lambda: client.get(harbour.path("members/")))

    assert many == few
    assert many <= 8


def test_the_pages_speak_bokmal(harbour: Team) -> None:
    client = signed_in_client(harbour.admin)

    text = client.get(harbour.path("members/?lang=nb")).content.decode()

    for words in ("Medlemmer", "Inviter noen", "Send invitasjonen", "Utlysninger"):
        assert words in text
    assert "Mine organisasjoner" in text  # the header's link
