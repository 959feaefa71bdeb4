"""What a programmer writes with a client generated from /api/schema/ by
openapi-python-client (package `ttp_client`). tests/api/test_generated_client.py
generates the package, type-checks it and this module with mypy --strict, and
runs this module against a live server."""

import json
import sys
from typing import Any

from ttp_client import Client
from ttp_client.api.pilots import pilots_retrieve
from ttp_client.api.sites import sites_list
from ttp_client.models import PaginatedSiteList, Pilot, Problem
from ttp_client.types import Unset

GLOSHAUGEN = "10.4025,63.4190"


def calls(base_url: str, pilot_slug: str) -> dict[str, Any]:
    with Client(base_url=base_url, raise_on_unexpected_status=True) as client:
        every = sites_list.sync(client=client)
        near = sites_list.sync(client=client, near=GLOSHAUGEN, radius=500)
        pilot = pilots_retrieve.sync(pilot_slug, client=client)
        problem = sites_list.sync(client=client, near="10.4025", radius=500)
    assert isinstance(every, PaginatedSiteList)
    assert isinstance(near, PaginatedSiteList)
    assert isinstance(pilot, Pilot)
    assert isinstance(problem, Problem)
    errors = [] if isinstance(problem.errors, Unset) else problem.errors
    return {
        "sites": sorted(site.slug for site in every.results),
        "near": [
            [site.slug, None if isinstance(site.distance_m, Unset) else site.distance_m]
            for site in near.results
        ],
        "pilot": {"title": pilot.title, "location": pilot.to_dict()["location"]},
        "problem": {
            "status": problem.status,
            "title": problem.title,
            "fields": [error.field for error in errors],
        },
    }


if __name__ == "__main__":
    print(json.dumps(calls(sys.argv[1], sys.argv[2]), default=str))
