"""Parallel requests for one slot over real HTTP: PostgreSQL keeps the promise.
20 people ask for the same exclusive slot at once: exactly 1 confirmed, 19
answers 409. For a capacity-4 resource: exactly 4. Ten rounds each."""

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from knox.models import AuthToken

from pilots.models import Booking, OrganizationMembership
from tests.booking_support import make_resource, next_monday
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 20
ROUNDS = 10


def _post(url: str, token: str, body: dict, barrier: Barrier) -> int:
    request = urllib.request.Request(  # noqa: S310  (a loopback http URL)
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
    )
    barrier.wait()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def tokens():
    organization = OrganizationFactory.create(slug="lab-users")
    result = []
    for _ in range(PEOPLE):
        user = UserFactory.create()
        OrganizationMembership.objects.create(organization=organization, user=user)
        result.append(AuthToken.objects.create(user)[1])
    return result


@pytest.mark.parametrize(("capacity", "confirmed"), [(1, 1), (4, 4)])
def test_parallel_requests_for_one_slot(live_server, tokens, capacity, confirmed):
    resource = make_resource(capacity=capacity)
    url = f"{live_server.url}/api/v1/bookings/"
    for round_number in range(ROUNDS):
        start = next_monday() + timedelta(days=round_number)
        body = {
            "resource": resource.pk,
            "organization": "lab-users",
            "start": start.isoformat(),
            "end": (start + timedelta(hours=2)).isoformat(),
            "purpose": "Same slot",
        }
        barrier = Barrier(PEOPLE)
        with ThreadPoolExecutor(PEOPLE) as pool:
            answers = list(
                pool.map(
                    _post, [url] * PEOPLE, tokens, [body] * PEOPLE, [barrier] * PEOPLE
                )
            )

        assert sorted(answers) == [201] * confirmed + [409] * (PEOPLE - confirmed)
        rows = Booking.objects.filter(resource=resource, state="confirmed")
        assert rows.filter(period__startswith=start).count() == confirmed
