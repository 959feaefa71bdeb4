"""bench/results/latest.md and latest.json, and the table in README.md."""

import json
from pathlib import Path
from typing import Any

from . import report_plain
from .formatting import ms, rate, ratio

README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def rerender(directory: Path, notes: str = "") -> Path:
    """latest.md again from latest.json (e.g. after a change of layout)."""
    result = json.loads((directory / "latest.json").read_text())
    return write(result, directory, notes)


def _verdict(row: dict[str, Any]) -> str:
    if not row["measured"]:
        return "not measured"
    return report_plain.verdict(row["ratio_median"], row.get("target_ratio"))


def table(result: dict[str, Any]) -> str:
    lines = [
        "| query | rows | app median / p95 ms | floor median / p95 ms | ratio | "
        "app req/s | floor req/s | req/s ratio | app / floor bytes | "
        "peak worker RSS app / floor MB | same features | latency target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in result["queries"]:
        if not row["measured"]:
            lines.append(
                f"| {row['key']} {row['title']} | {row['size']} | "
                f"not measured: {row['reason']} | | | | | | | | | |"
            )
            continue
        app, floor = row["app"], row["floor"]
        lines.append(
            f"| {row['key']} {row['title']} | {row['size']} | "
            f"{ms(app['median_ms'])} / {ms(app['p95_ms'])} | "
            f"{ms(floor['median_ms'])} / {ms(floor['p95_ms'])} | "
            f"{ratio(row['ratio_median'])} | {rate(app['requests_per_s'])} | "
            f"{rate(floor['requests_per_s'])} | {ratio(row['ratio_throughput'])} | "
            f"{app['bytes']} / {floor['bytes']} | "
            f"{app['peak_worker_rss_mb']:.0f} / {floor['peak_worker_rss_mb']:.0f} | "
            f"{'yes' if row['same_features'] else 'NO'}: "
            f"{row['same_features_detail']} | {_verdict(row)} |"
        )
    return "\n".join(lines)


def _scaling(result: dict[str, Any]) -> list[str]:
    """Q1 and Q3 at the largest size against the smallest (target ≤ 1.25x)."""
    sizes = result["settings"]["sizes"]
    if len(sizes) < 2:
        return []
    small, large = min(sizes), max(sizes)
    rows = {(r["key"], r["size"]): r for r in result["queries"] if r["measured"]}
    lines = []
    for key in ("Q1", "Q3"):
        a, b = rows.get((key, small)), rows.get((key, large))
        if a is None or b is None:
            lines.append(f"- {key}: not measured at both sizes.")
            continue
        growth = b["app"]["median_ms"] / a["app"]["median_ms"]
        floor_growth = b["floor"]["median_ms"] / a["floor"]["median_ms"]
        verdict = "met" if growth <= 1.25 else f"missed by {(growth / 1.25 - 1):.0%}"
        lines.append(
            f"- {key} at {large} rows / at {small} rows: app {growth:.2f}x "
            f"(floor {floor_growth:.2f}x); target ≤ 1.25x: {verdict}."
        )
    return lines


def _matching(result: dict[str, Any]) -> list[str]:
    matching = result["matching"]
    if not matching.get("measured"):
        return [f"Q6 not measured: {matching.get('reason', '')}."]
    lines = [
        f"Q6 matching one opportunity against {matching['subscriptions']} "
        f"subscriptions: {matching['statements']} statement(s), median "
        f"{matching['median_ms']:.1f} ms, {matching['matches']} matches, "
        f"{(matching['matches_per_s'] or 0):.0f} matches/s. Index nodes in the plan: "
        + ("; ".join(matching["index_nodes"]) if matching["index_nodes"] else "none")
        + ".",
        "",
        "```",
        matching["plan"],
        "```",
    ]
    return lines


def _availability(result: dict[str, Any]) -> list[str]:
    found = result.get("availability", {})
    if not found.get("measured"):
        return [f"Q7 not measured: {found.get('reason', '')}."]
    return [
        f"Q7 availability of one resource over a month with {found['bookings']} "
        f"bookings in the table: {found['booking_statements']} statement(s) "
        f"reading bookings, median {found['median_ms']:.1f} ms for the whole "
        f"answer ({found['segments']} segments). Index nodes in the plan: "
        + ("; ".join(found["index_nodes"]) or "none (the planner read the table)")
        + ".",
        "",
        "```",
        found["plan"],
        "```",
    ]


def _rss(result: dict[str, Any]) -> list[str]:
    lines = []
    for row in result["queries"]:
        if row["measured"] and row["key"] == "Q2" and row["ratio_rss"] is not None:
            verdict = "met" if row["ratio_rss"] <= 1.5 else "missed"
            lines.append(
                f"- Q2 at {row['size']} rows: peak worker RSS app / floor "
                f"{row['ratio_rss']:.2f}x (target ≤ 1.5x: {verdict})."
            )
        if row["measured"] and row["key"] == "Q1" and row["ratio_throughput"]:
            verdict = "met" if row["ratio_throughput"] >= 0.75 else "missed"
            lines.append(
                f"- Q1 at {row['size']} rows: throughput app / floor "
                f"{row['ratio_throughput']:.2f}x (target ≥ 0.75x: {verdict})."
            )
    return lines


def _memory(result: dict[str, Any]) -> list[str]:
    """Worker memory after each query: PSS (pages shared with the master and
    the other workers counted once, split between them) beside RSS."""
    rows = [
        row
        for row in result["queries"]
        if row["measured"] and "worker_pss_mb" in row["app"]
    ]
    if not rows:
        return []
    lines = [
        "Worker memory after each query (gunicorn `preload_app`: the code is "
        "loaded once in the master and shared): PSS counts a page shared by n "
        "processes as 1/n in each, RSS counts it fully in each; all processes = "
        "master and workers, PSS summed.",
        "",
        "| query | rows | largest worker PSS app / floor MB | largest worker RSS "
        "app / floor MB | all processes PSS app / floor MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        app, floor = row["app"], row["floor"]
        lines.append(
            f"| {row['key']} | {row['size']} | "
            f"{app['worker_pss_mb']:.0f} / {floor['worker_pss_mb']:.0f} | "
            f"{app['worker_rss_mb']:.0f} / {floor['worker_rss_mb']:.0f} | "
            f"{app['total_pss_mb']:.0f} / {floor['total_pss_mb']:.0f} |"
        )
    return lines


def markdown(result: dict[str, Any], notes: str = "") -> str:
    machine = result["machine"]
    settings = result["settings"]
    parts = [
        f"Measured {result['date']} on {machine['cores']} cores; gunicorn "
        f"{machine['workers']} {machine['worker_class']} workers for the app and "
        f"the floor; {settings['requests']} sequential requests per candidate "
        f"(Q2: 40 %) after {settings['warmups']} warm-ups, interleaved A B A B "
        "on new connections; req/s: wrk, "
        f"16 connections, median of {settings['wrk_rounds']} interleaved runs of "
        f"{settings['wrk_seconds']:.0f} s. Run took {result['duration_s']:.0f} s.",
        "",
        table(result),
        "",
        *_scaling(result),
        *_rss(result),
        "",
        *_memory(result),
        "",
        "Against both floors (the plain one: one table holding exactly the "
        "answer's columns; targets against it):",
        "",
        report_plain.plain_table(result),
        "",
        *report_plain.plain_throughput(result),
        "",
        *report_plain.writes(result),
        "",
        *_matching(result),
        "",
        *_availability(result),
    ]
    if result.get("profiles"):
        parts += ["", "Profiles (pyinstrument) of the queries that missed:"]
        parts += [
            f"- {key}: `bench/results/{name}`"
            for key, name in result["profiles"].items()
        ]
    if notes:
        parts += ["", notes]
    return "\n".join(parts) + "\n"


def write(result: dict[str, Any], directory: Path, notes: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    path = directory / "latest.md"
    path.write_text(
        "# Benchmark: registry against the floor\n\n" + markdown(result, notes)
    )
    return path


def update_readme(result: dict[str, Any], readme: Path) -> bool:
    """Replace the table between the bench markers; False if there are none."""
    text = readme.read_text()
    if README_START not in text or README_END not in text:
        return False
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    machine = result["machine"]
    block = (
        f"{README_START}\nLatest run: {result['date']}, {machine['cores']} cores "
        "(full report: `bench/results/latest.md`).\n\n"
        f"{table(result)}\n\n" + "\n".join(_scaling(result) + _rss(result)) + "\n\n"
        "Against both floors (targets against the plain one):\n\n"
        f"{report_plain.plain_table(result)}\n\n"
        + "\n".join(
            [*report_plain.plain_throughput(result), "", *report_plain.writes(result)]
        )
        + f"\n{README_END}"
    )
    memory = _memory(result)  # worker PSS, after the lines above
    if memory:
        block = block.replace(README_END, "\n" + "\n".join(memory) + "\n" + README_END)
    readme.write_text(head + block + tail)
    return True
