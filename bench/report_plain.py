"""The report's parts about the plain floor (issue 17) and the write costs."""

from typing import Any

from .formatting import ms, rate, ratio
from .queries import PLAIN_THROUGHPUT_TARGET


def verdict(ratio: float, target: float | None) -> str:
    """A latency ratio against its target (at most), in words."""
    if target is None:
        return ""
    if ratio <= target:
        return f"met (≤ {target}x)"
    return f"missed by {(ratio / target - 1) * 100:.0f} % (target ≤ {target}x)"


def _verdict(row: dict[str, Any]) -> str:
    return verdict(row["ratio_median_plain"], row.get("plain_target_ratio"))


def plain_table(result: dict[str, Any]) -> str:
    """Every query against both floors; the targets are the plain floor's."""
    lines = [
        "| query | rows | app median ms | floor median ms | plain median ms | "
        "ratio to floor | ratio to plain | app req/s | plain req/s | "
        "req/s ratio to plain | same features as plain | target (plain) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in result["queries"]:
        if not row["measured"] or "ratio_median_plain" not in row:
            lines.append(
                f"| {row['key']} {row['title']} | {row['size']} | not measured "
                f"{row.get('reason', '')} | | | | | | | | | |"
            )
            continue
        app, floor, plain = row["app"], row["floor"], row["plain"]
        same = "yes" if row["same_features_plain"] else "NO"
        lines.append(
            f"| {row['key']} {row['title']} | {row['size']} | "
            f"{ms(app['median_ms'])} | {ms(floor['median_ms'])} | "
            f"{ms(plain['median_ms'])} | {ratio(row['ratio_median'])} | "
            f"{ratio(row['ratio_median_plain'])} | "
            f"{rate(app['requests_per_s'])} | {rate(plain['requests_per_s'])} | "
            f"{ratio(row['ratio_throughput_plain'])} | "
            f"{same}: {row['same_features_plain_detail']} | {_verdict(row)} |"
        )
    return "\n".join(lines)


def plain_throughput(result: dict[str, Any]) -> list[str]:
    lines = []
    for row in result["queries"]:
        throughput = row.get("ratio_throughput_plain")
        if row["measured"] and row["key"] == "Q1" and throughput:
            met = "met" if throughput >= PLAIN_THROUGHPUT_TARGET else "missed"
            lines.append(
                f"- Q1 at {row['size']} rows: throughput app / plain floor "
                f"{throughput:.2f}x (target ≥ {PLAIN_THROUGHPUT_TARGET}x: {met})."
            )
    return lines


def writes(result: dict[str, Any]) -> list[str]:
    found = result.get("writes", {})
    if not found.get("measured"):
        return []
    on, off = found["with_triggers"], found["without_triggers"]
    names = {
        "create_site_3_partners_ms": "create a site with 3 partners",
        "update_site_3_partners_ms": "update a site (name, 3 other partners)",
        "rename_organisation_ms": (
            f"rename an organisation hosting {found['hosted_sites']} sites"
        ),
    }
    lines = [
        f"Write costs (median of {found['rounds']}, services on the largest "
        "dataset, each rolled back), with the read-column triggers and without:",
        "",
        "| write | with triggers ms | without ms |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {label} | {on[key]:.1f} | {off[key]:.1f} |" for key, label in names.items()
    ]
    return lines
