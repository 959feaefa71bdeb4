"""One time format everywhere: the same moment reads as the same text in JSON,
GeoJSON, CSV and OGC API items (RFC 3339, UTC, `Z`, six decimals)."""

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db.models import Model
from rest_framework import serializers

from pilots.models import Opportunity, PilotProject, Site
from pilots.timestamps import TIMESTAMP_PATTERN, format_timestamp
from tests.factories import PilotProjectFactory, SiteFactory
from tests.pilots.notifications.factories import OpportunityFactory
from tests.reliability.openapi import document

pytestmark = pytest.mark.django_db

# Winter (Oslo is +01:00) and a whole tenth of a second: PostgreSQL's to_json
# would write `.12+00:00`, DRF in Oslo `.120000+01:00`.
MOMENT = datetime(2026, 1, 15, 11, 30, 5, 120000, tzinfo=UTC)
EXPECTED = "2026-01-15T11:30:05.120000Z"

RESOURCES: dict[str, tuple[Callable[[], Model], str, tuple[str, ...]]] = {
    "sites": (lambda: SiteFactory.create(slug="lab"), "lab", ("updated_at",)),
    "pilots": (
        lambda: PilotProjectFactory.create(slug="bus"),
        "bus",
        ("updated_at",),
    ),
    "opportunities": (
        lambda: OpportunityFactory.create(slug="call", is_example=False),
        "call",
        ("opens_at", "deadline", "updated_at"),
    ),
}
MODELS: dict[str, type[Model]] = {
    "sites": Site,
    "pilots": PilotProject,
    "opportunities": Opportunity,
}


def _csv_row(body: bytes) -> dict[str, str]:
    [row] = list(csv.DictReader(io.StringIO(body.decode())))
    return row


def _readings(client: Any, resource: str, slug: str) -> dict[str, Any]:
    """Each representation's properties of the one object, by name."""
    api = f"/api/v1/{resource}/"
    ogc = f"/ogc/collections/{resource}/items"

    def get(url: str) -> Any:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        return response

    return {
        "json detail": get(f"{api}{slug}/").json(),
        "json list": get(api).json()["results"][0],
        "geojson detail": json.loads(get(f"{api}{slug}/?format=geojson").content)[
            "properties"
        ],
        "geojson list": json.loads(get(f"{api}?format=geojson").content)["features"][0][
            "properties"
        ],
        "csv": _csv_row(get(f"{api}?format=csv").content),
        "ogc item": json.loads(get(f"{ogc}/{slug}").content)["properties"],
        "ogc items": json.loads(get(ogc).content)["features"][0]["properties"],
    }


@pytest.mark.parametrize("resource", list(RESOURCES))
def test_the_same_moment_reads_the_same_in_every_format(client, resource):
    make, slug, fields = RESOURCES[resource]
    make()
    MODELS[resource]._default_manager.filter(slug=slug).update(
        **dict.fromkeys(fields, MOMENT)
    )

    readings = _readings(client, resource, slug)

    for field in fields:
        texts = {name: values[field] for name, values in readings.items()}
        assert texts == dict.fromkeys(readings, EXPECTED), field


def test_format_is_utc_with_z_and_six_decimals():
    summer = datetime.fromisoformat("2026-07-01T02:00:00+02:00")

    assert format_timestamp(summer) == "2026-07-01T00:00:00.000000Z"
    assert TIMESTAMP_PATTERN.fullmatch(format_timestamp(summer))
    with pytest.raises(ValueError, match="naive"):
        format_timestamp(datetime(2026, 7, 1))


def _serializer_classes() -> list[type[serializers.Serializer]]:
    import api.urls  # noqa: F401  (imports every serializer module)

    found, todo = [], [serializers.Serializer]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("api."):
                found.append(subclass)
    return found


def test_every_api_date_time_field_writes_the_one_format():
    """A plain DRF DateTimeField would write Oslo time: none is left."""
    from api.serializers.timestamps import TimestampField

    plain = []
    for serializer_class in _serializer_classes():
        if not hasattr(serializer_class, "Meta") and issubclass(
            serializer_class, serializers.ModelSerializer
        ):
            continue  # an abstract base
        fields = serializer_class().fields
        for name, field in fields.items():
            if isinstance(field, serializers.DateTimeField) and not isinstance(
                field, TimestampField
            ):
                plain.append(f"{serializer_class.__qualname__}.{name}")
    assert plain == []


DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT[^\s\"/,]*")


def _examples(node: Any, inside: bool = False) -> Iterator[str]:
    """Every string under an `example` or `examples` member."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _examples(value, inside or key in ("example", "examples"))
    elif isinstance(node, list):
        for item in node:
            yield from _examples(item, inside)
    elif isinstance(node, str) and inside:
        yield node


def test_every_date_time_in_the_schema_examples_has_the_one_format():
    moments = [
        found for text in _examples(document()) for found in DATE_TIME.findall(text)
    ]

    assert len(moments) >= 10  # the examples were found
    assert [m for m in moments if not TIMESTAMP_PATTERN.fullmatch(m)] == []
