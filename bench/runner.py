"""The benchmark run: datasets, both servers, Q1-Q5 interleaved, Q6, profiles."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import data, measure, plain_floor
from .queries import QUERIES, Query
from .servers import WORKER_CLASS, WORKERS, Server
from .tile_cache import TileCache


@dataclass(frozen=True)
class Settings:
    """How much to measure; `quick` is the variant `make test` runs."""

    sizes: tuple[int, ...] = (10_000, 100_000)
    subscriptions: int = 100_000
    requests: int = 40
    warmups: int = 5
    wrk_rounds: int = 2
    wrk_seconds: float = 3.0
    profile_misses: bool = True
    database_url: str | None = None  # quick: one ready database (the test one)
    results_dir: Path = data.ROOT / "bench" / "results"


QUICK = Settings(
    sizes=(300,),
    subscriptions=500,
    requests=1,
    warmups=1,
    wrk_rounds=1,
    wrk_seconds=1.0,
    profile_misses=False,
)


@dataclass
class Result:
    size: int
    query: Query
    measured: bool = False
    reason: str = ""
    numbers: dict[str, Any] = field(default_factory=dict)


def _log(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def _dataset_url(settings: Settings, size: int) -> str:
    if settings.database_url:
        return settings.database_url
    return data.database_url(data.default_name(f"bench_{size}"))


def _available(app: Server, query: Query) -> str:
    """Empty when the registry answers the query with 200, else why not."""
    response = measure.fetch(app.base_url + query.candidate)
    if response.status == 200:
        return ""
    return f"the registry answers {response.status} (endpoint not there)"


def measure_query(
    settings: Settings,
    app: Server,
    floor: Server,
    query: Query,
    size: int,
    plain: Server | None = None,
) -> Result:
    """`plain`: the floor app serving the plain floor's paths (by default the
    floor's own server; its own one keeps a wrk backlog of one from the other)."""
    result = Result(size=size, query=query)
    reason = _available(app, query)
    if reason:
        result.reason = reason
        return result
    urls = {
        "app": app.base_url + query.candidate,
        "floor": floor.base_url + query.floor,
        "plain": (plain or floor).base_url + query.plain,
    }
    servers = {"app": app, "floor": floor, "plain": plain or floor}
    for server in servers.values():
        server.reset_peak_rss()
    emptied: list[int] = []  # tiles dropped before each cold request

    def empty_tile_cache(name: str) -> None:
        if name == "app":
            emptied.append(TileCache(app.database_url).empty())

    latencies, last = measure.interleaved(
        urls,
        requests=max(1, round(settings.requests * query.weight)),
        warmups=max(1, round(settings.warmups * query.weight)),
        before=empty_tile_cache if query.cold else None,
    )
    peak = {name: server.peak_rss() for name, server in servers.items()}
    rates: dict[str, float | None] = dict.fromkeys(urls)
    if measure.wrk_available() and not query.cold:
        rates = {
            **measure.interleaved_rates(
                urls, rounds=settings.wrk_rounds, seconds=settings.wrk_seconds
            )
        }
    memory = {name: server.memory() for name, server in servers.items()}
    same, detail = measure.same_features(
        query.kind, last["app"].body, last["floor"].body
    )
    numbers: dict[str, Any] = {}
    for name in urls:
        numbers[name] = {
            "median_ms": latencies[name].median_ms,
            "p95_ms": latencies[name].p95_ms,
            "requests_per_s": rates[name],
            "bytes": len(last[name].body),
            "peak_worker_rss_mb": peak[name] / 2**20,
            **memory[name],
        }
    numbers["ratio_median"] = latencies["app"].median_ms / latencies["floor"].median_ms
    app_rate, floor_rate = rates["app"], rates["floor"]
    numbers["ratio_throughput"] = (
        app_rate / floor_rate if app_rate and floor_rate else None
    )
    numbers["ratio_rss"] = peak["app"] / peak["floor"] if peak["floor"] else None
    numbers["requests"] = len(latencies["app"].seconds)
    if query.cold:
        numbers["tile_cache_entries_emptied"] = sum(emptied)
    numbers["same_features"] = same
    numbers["same_features_detail"] = detail
    numbers.update(_against_plain(query, latencies, rates, last))
    result.measured = True
    result.numbers = numbers
    return result


def _against_plain(
    query: Query,
    latencies: dict[str, measure.Latencies],
    rates: dict[str, float | None],
    last: dict[str, measure.Response],
) -> dict[str, Any]:
    """The ratios to the plain floor, and whether it answers the same features."""
    same, detail = measure.same_features(
        query.kind, last["app"].body, last["plain"].body
    )
    app_rate, plain_rate = rates["app"], rates["plain"]
    return {
        "plain_target_ratio": query.plain_target_ratio,
        "ratio_median_plain": latencies["app"].median_ms / latencies["plain"].median_ms,
        "ratio_throughput_plain": (
            app_rate / plain_rate if app_rate and plain_rate else None
        ),
        "same_features_plain": same,
        "same_features_plain_detail": detail,
    }


def run_size(settings: Settings, size: int, logs: Path) -> list[Result]:
    url = _dataset_url(settings, size)
    _log(f"dataset {size} sites at {url.rsplit('/', 1)[-1]}")
    if settings.database_url:
        data.load_sites(url, count=size)
        if data.has_table(url, "pilots_subscription"):
            data.load_subscriptions(url, count=settings.subscriptions)
        data.analyze(url)
    else:
        loaded = data.prepare_dataset(
            url, sites=size, subscriptions=settings.subscriptions
        )
        _log("loaded" if loaded else "already loaded (same seed and size)")
    data.vacuum(url, "pilots_site", "pilots_organization")
    plain_floor.load_plain_floor(url)
    app = Server("app", "config.wsgi:application", url, logs / f"app_{size}.log")
    floor = Server("floor", "bench.floor:application", url, logs / f"floor_{size}.log")
    plain = Server("plain", "bench.floor:application", url, logs / f"plain_{size}.log")
    results = []
    with app, floor, plain:
        for query in QUERIES:
            _log(f"{query.key} at {size}")
            results.append(measure_query(settings, app, floor, query, size, plain))
    return results


def _run_module(url: str, module: str, repeats: int) -> str:
    """A bench module's output, run in its own process against the dataset."""
    return subprocess.run(
        [sys.executable, "-m", module, str(repeats)],
        cwd=data.ROOT,
        env=data.django_env(url),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def run_matching(settings: Settings) -> dict[str, Any]:
    url = _dataset_url(settings, max(settings.sizes))
    if not data.has_table(url, "pilots_subscription"):
        return {"measured": False, "reason": "no subscription model"}
    probe = subprocess.run(
        [sys.executable, "-c", "import pilots.notifications.matching"],
        cwd=data.ROOT,
        env=data.django_env(url),
        capture_output=True,
    )
    if probe.returncode:
        return {"measured": False, "reason": "pilots.notifications.matching missing"}
    _log("Q6 matching")
    output = _run_module(url, "bench.matching", 3 if settings.requests > 1 else 1)
    return {"measured": True, **json.loads(output.strip().splitlines()[-1])}


def run_availability(settings: Settings) -> dict[str, Any]:
    url = _dataset_url(settings, max(settings.sizes))
    if not data.has_table(url, "pilots_booking"):
        return {"measured": False, "reason": "no booking model"}
    _log("Q7 availability")
    output = _run_module(url, "bench.availability", 5 if settings.requests > 1 else 1)
    return {"measured": True, **json.loads(output.strip().splitlines()[-1])}


def run_writes(settings: Settings) -> dict[str, Any]:
    """W1-W3 on the largest dataset, with and without the read-column triggers."""
    _log("W1-W3 write costs")
    url = _dataset_url(settings, max(settings.sizes))
    output = _run_module(url, "bench.writes", 9 if settings.requests > 1 else 1)
    data.vacuum(url, "pilots_site", "pilots_organization", "pilots_site_partners")
    return {"measured": True, **json.loads(output.strip().splitlines()[-1])}


def _missed(result: Result) -> bool:
    """Whether a latency target (floor or plain floor) was missed."""
    pairs = (
        (result.query.target_ratio, result.numbers["ratio_median"]),
        (result.query.plain_target_ratio, result.numbers["ratio_median_plain"]),
    )
    return any(target is not None and ratio > target for target, ratio in pairs)


def profile_misses(settings: Settings, results: list[Result]) -> dict[str, str]:
    """pyinstrument of each query that missed its latency target."""
    profiles: dict[str, str] = {}
    for result in results:
        if not result.measured or not _missed(result):
            continue
        name = f"profile_{result.query.key}_{result.size}.txt"
        output = settings.results_dir / name
        _log(f"profiling {result.query.key} at {result.size}")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.profiling",
                result.query.candidate,
                "10",
                str(output),
            ],
            cwd=data.ROOT,
            env=data.django_env(_dataset_url(settings, result.size)),
            check=False,
            capture_output=True,
        )
        profiles[f"{result.query.key}@{result.size}"] = name
    return profiles


def run(settings: Settings) -> dict[str, Any]:
    settings.results_dir.mkdir(parents=True, exist_ok=True)
    logs = settings.results_dir / "logs"
    logs.mkdir(exist_ok=True)
    started = datetime.now(UTC)
    results: list[Result] = []
    for size in settings.sizes:
        results.extend(run_size(settings, size, logs))
    matching = run_matching(settings)
    booking_availability = run_availability(settings)
    writes = run_writes(settings)
    profiles = profile_misses(settings, results) if settings.profile_misses else {}
    return {
        "date": started.isoformat(timespec="seconds"),
        "duration_s": (datetime.now(UTC) - started).total_seconds(),
        "machine": {
            "cores": os.cpu_count(),
            "workers": WORKERS,
            "worker_class": WORKER_CLASS,
        },
        "settings": {
            "sizes": list(settings.sizes),
            "subscriptions": settings.subscriptions,
            "requests": settings.requests,
            "warmups": settings.warmups,
            "wrk_rounds": settings.wrk_rounds,
            "wrk_seconds": settings.wrk_seconds,
            "wrk": measure.wrk_available(),
        },
        "queries": [
            {
                "key": r.query.key,
                "title": r.query.title,
                "size": r.size,
                "candidate": r.query.candidate,
                "floor": r.query.floor,
                "plain": r.query.plain,
                "target_ratio": r.query.target_ratio,
                "measured": r.measured,
                "reason": r.reason,
                **r.numbers,
            }
            for r in results
        ],
        "matching": matching,
        "availability": booking_availability,
        "writes": writes,
        "profiles": profiles,
    }
