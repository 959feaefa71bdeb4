"""The load scenario: 80 % reads with bbox and filters, 15 % search, 5 % writes.

Credentials of the writing user come in LOAD_CREDENTIALS (JSON: headers, cookies,
organization), written by loadtest/run.py. Every answer that is not the expected
status counts as a failure; 5xx answers are also counted separately.
"""

import itertools
import json
import os
import random
from typing import Any

from locust import HttpUser, constant, events, task

CREDENTIALS = json.loads(os.environ.get("LOAD_CREDENTIALS", "{}"))
SERVER_ERRORS = {"count": 0}
WORDS = ["battery", "drone", "ocean", "hydrogen", "robot", "energy", "mobility",
         "maritime", "sensor", "climate", '"shared lab"', "arena -drone"]  # fmt: skip
counter = itertools.count()


def _bbox(rng: random.Random) -> str:
    lon, lat = rng.uniform(10.35, 10.44), rng.uniform(63.40, 63.435)
    size = rng.choice([0.002, 0.01, 0.05])
    return f"{lon:.5f},{lat:.5f},{lon + size:.5f},{lat + size / 2:.5f}"


@events.request.add_listener
def count_server_errors(response: Any = None, **kwargs: Any) -> None:
    if response is not None and getattr(response, "status_code", 0) >= 500:
        SERVER_ERRORS["count"] += 1


@events.quitting.add_listener
def report_server_errors(environment: Any, **kwargs: Any) -> None:
    path = os.environ.get("LOAD_SERVER_ERRORS_FILE")
    if path:
        with open(path, "w") as handle:
            json.dump(SERVER_ERRORS, handle)


class RegistryVisitor(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.rng = random.Random()  # noqa: S311 (load pattern, not security)

    def _get(self, path: str, params: dict, name: str) -> None:
        with self.client.get(path, params=params, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:200]}")

    @task(40)
    def sites_in_bbox(self) -> None:
        params = {"bbox": _bbox(self.rng)}
        if self.rng.random() < 0.5:
            params["kind"] = self.rng.choice(["test_arena", "shared_lab"])
        if self.rng.random() < 0.3:
            params["status"] = "operational,planned"
        self._get("/api/v1/sites/", params, "sites bbox+filters")

    @task(20)
    def sites_geojson_in_bbox(self) -> None:
        params = {"bbox": _bbox(self.rng), "format": "geojson", "limit": 500}
        self._get("/api/v1/sites/", params, "sites bbox geojson")

    @task(15)
    def pilots_in_bbox(self) -> None:
        params = {"bbox": _bbox(self.rng), "status": "published"}
        self._get("/api/v1/pilots/", params, "pilots bbox+filters")

    @task(5)
    def organizations(self) -> None:
        self._get("/api/v1/organizations/", {"limit": 50}, "organizations")

    @task(15)
    def search(self) -> None:
        path = self.rng.choice(["/api/v1/sites/", "/api/v1/pilots/"])
        self._get(path, {"q": self.rng.choice(WORDS)}, "search")

    @task(5)
    def create_site(self) -> None:
        n = next(counter)
        token = f"{os.getpid()}-{n}-{self.rng.randrange(10**9)}"
        body = {
            "name": f"Load written site {token}",
            "slug": f"load-written-{token}",
            "kind": "test_arena",
            "host": CREDENTIALS.get("organization", "load-org-0"),
            "location": {
                "type": "Point",
                "coordinates": [self.rng.uniform(10.36, 10.44), 63.42],
            },
        }
        with self.client.post(
            "/api/v1/sites/",
            json=body,
            headers=CREDENTIALS.get("headers", {}),
            cookies=CREDENTIALS.get("cookies", {}),
            name="create site",
            catch_response=True,
        ) as r:
            if r.status_code != 201:
                r.failure(f"{r.status_code}: {r.text[:200]}")
