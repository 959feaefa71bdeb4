import json

import pytest

from pilots.models import Site
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_body_over_one_megabyte_is_a_413_problem_that_writes_nothing(api_client):
    api_client.force_authenticate(UserFactory())
    body = json.dumps({"slug": "big", "description": "x" * 1_100_000})

    response = api_client.post("/api/v1/sites/", body, content_type="application/json")

    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 413
    assert not Site.objects.exists()


def test_body_just_under_the_limit_reaches_validation(api_client):
    api_client.force_authenticate(UserFactory())
    body = json.dumps({"slug": "big", "description": "x" * 1_000_000})

    response = api_client.post("/api/v1/sites/", body, content_type="application/json")

    assert response.status_code == 400  # missing fields, not too large
