"""Sign-up answers the same, in the same time, whether or not the address has
an account, whatever the password (issue 13)."""

import statistics
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from pilots.models import AccountProfile
from tests.factories import UserFactory

from ..owner_support import fresh_client

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple-42"
RUNS = 15


def sign_up(email: str, password: str = PASSWORD):
    return fresh_client().post(
        "/api/v1/auth/sign-up/",
        {"email": email, "password": password},
        format="json",
    )


@pytest.fixture
def verified_account():
    user = UserFactory.create(email="taken@example.org", username="taken@example.org")
    AccountProfile.objects.create(user=user, email_verified_at=user.date_joined)
    return user


@pytest.mark.parametrize("password", [PASSWORD, "123", "taken@example.org"])
def test_the_same_answer_for_a_new_and_a_taken_address(
    verified_account, password
) -> None:
    taken = sign_up("taken@example.org", password)
    new = sign_up("new@example.org", password)

    assert taken.status_code == new.status_code
    assert taken["Content-Type"] == new["Content-Type"]
    assert taken.json() == new.json()


def test_a_weak_password_for_a_taken_address_changes_nothing(
    verified_account,
) -> None:
    before = get_user_model().objects.get(pk=verified_account.pk).password

    answer = sign_up("taken@example.org", "123")

    assert answer.status_code == 400
    assert get_user_model().objects.get(pk=verified_account.pk).password == before


def _median_seconds(email_for_run) -> float:
    durations = []
    for run in range(RUNS):
        started = time.perf_counter()
        answer = sign_up(email_for_run(run))
        durations.append(time.perf_counter() - started)
        assert answer.status_code == 202
    return statistics.median(durations)


def test_the_same_time_for_a_new_and_a_taken_address(settings) -> None:
    # The real hasher (PBKDF2, the production setting), so its cost shows.
    settings.AUTH_THROTTLE_RATES = {
        **settings.AUTH_THROTTLE_RATES,
        "auth-signup": "1000/minute",
    }
    user = UserFactory.create(
        email="taken@example.org",
        username="taken@example.org",
        password=make_password(PASSWORD),
    )
    AccountProfile.objects.create(user=user, email_verified_at=user.date_joined)
    sign_up("warm-up@example.org")

    taken = _median_seconds(lambda run: "taken@example.org")
    new = _median_seconds(lambda run: f"new{run}@example.org")

    ratio = taken / new
    print(f"sign-up median: taken {taken * 1000:.0f} ms, new {new * 1000:.0f} ms")
    assert 0.5 < ratio < 2, (taken, new)
