"""Latency of sequential requests, throughput under wrk, and same-features checks."""

import http.client
import json
import re
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import mapbox_vector_tile


@dataclass
class Response:
    status: int
    body: bytes
    seconds: float


def fetch(url: str, timeout: float = 60.0) -> Response:
    """One GET on a new connection (sync workers close it after each answer)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    started = time.perf_counter()
    connection = http.client.HTTPConnection(
        parts.hostname or "127.0.0.1", parts.port, timeout=timeout
    )
    try:
        connection.request("GET", target, headers={"Accept-Encoding": "identity"})
        answer = connection.getresponse()
        body = answer.read()
    finally:
        connection.close()
    return Response(answer.status, body, time.perf_counter() - started)


@dataclass
class Latencies:
    seconds: list[float] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.seconds)
        index = max(0, min(len(ordered) - 1, round(0.95 * len(ordered)) - 1))
        return ordered[index] * 1000


def interleaved(
    urls: dict[str, str],
    *,
    requests: int,
    warmups: int,
    before: Callable[[str], object] | None = None,
) -> tuple[dict[str, Latencies], dict[str, Response]]:
    """A B A B ... sequential requests; warm-ups are not counted.

    `before(name)` runs ahead of each request, untimed (e.g. emptying a cache).
    Returns the latencies per candidate and each candidate's last response.
    """
    latencies = {name: Latencies() for name in urls}
    last: dict[str, Response] = {}
    for round_number in range(warmups + requests):
        order = list(urls.items())
        if round_number % 2:  # alternate who goes first, too
            order.reverse()
        for name, url in order:
            if before is not None:
                before(name)
            response = fetch(url)
            if response.status != 200:
                raise RuntimeError(
                    f"{name} answered {response.status} for {url}: "
                    f"{response.body[:300]!r}"
                )
            last[name] = response
            if round_number >= warmups:
                latencies[name].seconds.append(response.seconds)
    return latencies, last


_RATE = re.compile(r"Requests/sec:\s+([0-9.]+)")
_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def wrk_rate(
    url: str, *, seconds: float, connections: int = 16, threads: int = 2
) -> float:
    """Requests per second with `connections` concurrent connections (wrk)."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = _ERRORS.search(output)
    if errors and int(errors.group(1)):
        raise RuntimeError(f"wrk saw {errors.group(1)} error answers from {url}")
    rate = _RATE.search(output)
    if rate is None:
        raise RuntimeError(f"wrk printed no rate for {url}: {output}")
    return float(rate.group(1))


def interleaved_rates(
    urls: dict[str, str], *, rounds: int, seconds: float
) -> dict[str, float]:
    """wrk per candidate, A B A B ...; the median rate of the rounds."""
    rates: dict[str, list[float]] = {name: [] for name in urls}
    for round_number in range(rounds):
        order = list(urls.items())
        if round_number % 2:
            order.reverse()
        for name, url in order:
            rates[name].append(wrk_rate(url, seconds=seconds))
    return {name: statistics.median(values) for name, values in rates.items()}


# -- same features -----------------------------------------------------------


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list):
        return [_rounded(item) for item in value]
    return value


def geojson_features(body: bytes) -> list[tuple[Any, Any]]:
    document = json.loads(body)
    return [
        (feature.get("id"), _rounded(feature["geometry"]["coordinates"]))
        for feature in document["features"]
    ]


def mvt_features(body: bytes) -> list[tuple[Any, Any]]:
    layers = mapbox_vector_tile.decode(body)
    features = [
        (feature.get("id"), feature["geometry"]["coordinates"])
        for layer in layers.values()
        for feature in layer["features"]
    ]
    return sorted(features, key=lambda item: str(item[0]))


def same_features(kind: str, candidate: bytes, floor: bytes) -> tuple[bool, str]:
    """Whether both bodies hold the same features (ids and geometries)."""
    read = mvt_features if kind == "mvt" else geojson_features
    ours, theirs = read(candidate), read(floor)
    if ours == theirs:
        return True, f"{len(ours)} features, same ids, geometries and order"
    if sorted(map(str, ours)) == sorted(map(str, theirs)):
        return True, f"{len(ours)} features, same set (order differs)"
    missing = {str(item[0]) for item in theirs} - {str(item[0]) for item in ours}
    extra = {str(item[0]) for item in ours} - {str(item[0]) for item in theirs}
    return False, (
        f"candidate {len(ours)} vs floor {len(theirs)} features; "
        f"{len(missing)} missing, {len(extra)} extra"
    )
