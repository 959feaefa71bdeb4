"""The emailed unsubscribe link: a page naming the subscription, one button,
undo; in the subscriber's language unless the visitor picks one (issue 15)."""

from typing import Any

import pytest
from django.core import mail

from pilots.models import AccountProfile, Subscription
from pilots.notifications.deliveries import deliveries_create, delivery_attempt
from pilots.notifications.matching import match_subscriptions
from pilots.services.subscriptions import subscription_create
from tests.factories import UserFactory
from tests.pilots.notifications.factories import OpportunityFactory

from .support import emailed_link, path_of

pytestmark = pytest.mark.django_db


def emailed_subscription(language: str = "en") -> tuple[Subscription, Any]:
    user = UserFactory.create(email=f"sub-{language}@example.org")
    AccountProfile.objects.create(user=user, language=language)
    subscription = subscription_create(
        actor=user, channel="email", name="Harbour mobility", sectors=["mobility"]
    )
    opportunity = OpportunityFactory.create(sectors=["mobility"])
    match_subscriptions(opportunity_id=opportunity.pk)
    for delivery_id in deliveries_create(kind="match", opportunity_id=opportunity.pk):
        assert delivery_attempt(delivery_id=delivery_id) == "delivered"
    [message] = [m for m in mail.outbox if user.email in m.to]
    return subscription, message


def receives(subscription: Subscription) -> bool:
    subscription.refresh_from_db()
    return subscription.receives


def test_the_link_names_the_subscription_unsubscribes_and_undoes(client) -> None:
    subscription, message = emailed_subscription()
    link = emailed_link(message.body, "/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Harbour mobility" in page.content.decode()
    assert receives(subscription)  # opening the link changes nothing

    done = client.post(path_of(link))
    assert done.status_code == 200
    assert "You will get no more messages" in done.content.decode()
    assert b"Undo: keep the subscription" in done.content
    assert not receives(subscription)

    undone = client.post(path_of(link) + "undo/")
    assert undone.status_code == 200
    assert "again" in undone.content.decode()
    assert receives(subscription)


def test_a_mail_clients_one_click_post_unsubscribes(client) -> None:
    subscription, message = emailed_subscription()
    link = message.extra_headers["List-Unsubscribe"].strip("<>")

    response = client.post(
        path_of(link),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not receives(subscription)


def test_the_page_speaks_the_subscribers_language_unless_one_is_picked(
    client,
) -> None:
    _subscription, message = emailed_subscription("nb")
    path = path_of(emailed_link(message.body, "/unsubscribe/"))

    norwegian = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    english = client.get(path + "?lang=en")

    assert '<html lang="nb">' in norwegian.content.decode()
    assert "Avslutte abonnementet?" in norwegian.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert english.cookies["django_language"].value == "en"


@pytest.mark.parametrize("suffix", ["", "undo/"])
def test_a_forged_link_is_a_page_not_found(client, suffix: str) -> None:
    subscription, _message = emailed_subscription()

    response = client.post(f"/unsubscribe/eyJzIjoxfQ:1xXWi1:forged/{suffix}")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "This unsubscribe link is not valid." in response.content.decode()
    assert receives(subscription)


def test_links_of_older_emails_still_work(client) -> None:
    subscription, message = emailed_subscription()
    token = path_of(emailed_link(message.body, "/unsubscribe/")).split("/")[2]
    legacy = f"/api/v1/unsubscribe/{token}/"

    opened = client.get(legacy)
    one_click = client.post(legacy)

    assert opened.status_code == 302
    assert opened["Location"] == f"/unsubscribe/{token}/"
    assert one_click.status_code == 200
    assert "Harbour mobility" in one_click.json()["detail"]
    assert not receives(subscription)
