"""The emailed invitation link opens a page: it says what the invitation is
for, and the person signed in with the invited address accepts with one click
(the same service as POST /api/v1/invitations/accept/)."""

import pytest
from django.test import Client

from pilots.models import OrganizationMembership
from tests.api.owner_support import client_for, eager_celery, make_member, outbox_to
from tests.factories import OrganizationFactory, UserFactory

from .support import emailed_link, path_of

__all__ = ["eager_celery"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
INVITED = "kari@example.org"


@pytest.fixture
def link() -> str:
    organization = OrganizationFactory.create(slug="lab", name="The Lab")
    admin = make_member(organization, "admin")
    answer = client_for(admin).post(
        "/api/v1/organizations/lab/members/",
        {"email": INVITED, "role": "member"},
        format="json",
    )
    assert answer.status_code == 202
    return path_of(emailed_link(outbox_to(INVITED)[-1].body, "/accept-invitation/"))


def test_the_link_names_the_organisation_and_asks_to_sign_in(link: str) -> None:
    response = Client().get(link)

    assert response.status_code == 200
    assert "The Lab" in response.content.decode()
    assert "/sign-in/?next=" in response.content.decode()


def test_the_invited_person_accepts_with_one_click(link: str) -> None:
    person = UserFactory.create(email=INVITED)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)

    shown = browser.get(link)
    token = shown.context["form"]["token"].value()
    csrf = shown.cookies["csrftoken"].value
    accepted = browser.post(
        "/accept-invitation/", {"token": token, "csrfmiddlewaretoken": csrf}
    )
    again = browser.get(link)

    assert accepted.status_code == 200
    assert "Invitation accepted" in accepted.content.decode()
    assert OrganizationMembership.objects.filter(user=person).count() == 1
    assert again.status_code == 400  # a used link


def test_someone_else_signed_in_cannot_accept(link: str) -> None:
    other = UserFactory.create(email="other@example.org")
    browser = Client()
    browser.force_login(other)
    token = browser.get(link).context["form"]["token"].value()

    refused = browser.post("/accept-invitation/", {"token": token})

    assert refused.status_code == 400
    assert not OrganizationMembership.objects.filter(user=other).exists()


def test_a_forged_token_is_400() -> None:
    assert Client().get("/accept-invitation/?token=forged").status_code == 400
