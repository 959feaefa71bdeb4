"""The demo loader's example calls: all ten, flagged, idempotent, no one notified."""

import json
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from pilots.models import Notification, Opportunity, OutboxEvent
from pilots.services.district import district_load
from pilots.services.opportunity_examples import example_opportunities_load

from .factories import SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_examples_load_once_flagged_and_visible(
    district_data: Path, api_client: APIClient
) -> None:
    path = district_data / "pilot_opportunities.json"
    records = json.loads(path.read_text())["pilot_opportunities"]
    district_load(data_dir=district_data)
    SubscriptionFactory.create()

    first = example_opportunities_load(path=path)
    second = example_opportunities_load(path=path)

    assert first == len(records) == 10
    assert second == 0
    assert Opportunity.objects.filter(is_example=True).count() == 10
    assert not Opportunity.objects.filter(status=Opportunity.Status.DRAFT).exists()
    with_site = Opportunity.objects.filter(sites__isnull=False).distinct()
    assert with_site.count() >= 8
    assert not with_site.filter(footprint__isnull=True).exists()
    assert not OutboxEvent.objects.exists()
    assert not Notification.objects.exists()
    ict = Opportunity.objects.get(slug="trustworthy-ai-public-services")
    assert ict.sectors == ["ict-ai"]

    response = api_client.get("/api/v1/opportunities/", {"is_example": "true"})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert rows
    assert all(row["is_example"] for row in rows)
