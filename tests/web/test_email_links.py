"""Every link in every email is absolute, starts with PUBLIC_BASE_URL and
opens a page; workflow emails link to the pilot's public page (issue 15)."""

import pytest
from django.core import mail

from pilots.models import PilotProject
from pilots.notifications.deliveries import deliveries_create, delivery_attempt
from pilots.notifications.matching import match_subscriptions
from pilots.services.subscriptions import subscription_create
from tests.api.owner_support import client_for, eager_celery, make_moderator
from tests.factories import PilotProjectFactory, UserFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .support import links_in, path_of

__all__ = ["eager_celery"]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_celery")]
BASE = "https://registry.techport.example"


@pytest.fixture(autouse=True)
def public_base(settings) -> None:
    settings.PUBLIC_BASE_URL = BASE


def test_workflow_emails_link_to_the_pilots_public_page(client) -> None:
    owner = UserFactory.create(email="owner@example.org")
    pilot = PilotProjectFactory.create(
        owner=owner, status=PilotProject.Status.SUBMITTED, title="Ferry trial"
    )
    moderator = make_moderator(email="moderator@example.org")

    approved = client_for(moderator).post(f"/api/v1/pilots/{pilot.slug}/approve/")

    assert approved.status_code == 200
    [message] = [m for m in mail.outbox if m.to == ["owner@example.org"]]
    assert links_in(message.body) == [f"{BASE}/pilots/{pilot.slug}/"]
    page = client.get(path_of(links_in(message.body)[0]))
    assert page.status_code == 200
    assert "Ferry trial" in page.content.decode()


def test_opportunity_emails_link_to_pages_only_absolute(client) -> None:
    user = UserFactory.create(email="reader@example.org")
    subscription_create(actor=user, channel="email", name="All")
    opportunity = OpportunityFactory.create(title="Harbour sensors")
    match_subscriptions(opportunity_id=opportunity.pk)
    for delivery_id in deliveries_create(kind="match", opportunity_id=opportunity.pk):
        assert delivery_attempt(delivery_id=delivery_id) == "delivered"

    [message] = [m for m in mail.outbox if m.to == ["reader@example.org"]]
    html = message.alternatives[0][0]  # type: ignore[attr-defined]

    for body in (message.body, html):
        links = links_in(body)
        assert f"{BASE}/opportunities/{opportunity.slug}/" in links
        assert any(link.startswith(f"{BASE}/unsubscribe/") for link in links)
        assert 'href="/' not in body
        for link in links:
            assert client.get(path_of(link)).status_code == 200, link
