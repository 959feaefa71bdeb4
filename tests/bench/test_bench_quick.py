"""The quick benchmark (few rows, one round) runs end to end, so it cannot rot.

It asserts that the harness works and that the registry and the floor return
the same features for every query; timings are recorded, never asserted.
"""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from django.db import connection

from bench import measure, report, runner
from bench.queries import QUERIES


def _test_database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.mark.django_db(transaction=True)
def test_quick_benchmark_serves_the_floors_features_and_reports(
    tmp_path: Path,
) -> None:
    # Given the quick settings on the test database (the servers need rows
    # committed, hence a transactional test)
    settings = replace(
        runner.QUICK, database_url=_test_database_url(), results_dir=tmp_path
    )

    # When the benchmark runs and writes its report
    result = runner.run(settings)
    text = report.write(result, tmp_path).read_text()

    # Then every query was measured on both servers (and the plain floor) with
    # the same features
    rows = {row["key"]: row for row in result["queries"]}
    assert set(rows) == {query.key for query in QUERIES}
    for key, row in rows.items():
        assert row["measured"], f"{key}: {row['reason']}"
        assert row["same_features"], f"{key}: {row['same_features_detail']}"
        assert row["same_features_plain"], row["same_features_plain_detail"]
        assert row["ratio_median_plain"] > 0
        for candidate in ("app", "floor", "plain"):
            numbers = row[candidate]
            assert numbers["bytes"] > 0
            assert numbers["median_ms"] > 0
            assert numbers["peak_worker_rss_mb"] > 0
            # PSS: a worker's share of the pages it shares is less than all
            assert 0 < numbers["worker_pss_mb"] < numbers["worker_rss_mb"]
            if result["settings"]["wrk"] and not key.endswith("-cold"):
                assert numbers["requests_per_s"] > 0
    # (the synthetic rows really fall in the bbox and the tile)
    assert not rows["Q1"]["same_features_detail"].startswith("0 ")
    assert not rows["Q4"]["same_features_detail"].startswith("0 ")
    assert rows["Q4-cold"]["same_features_detail"] == rows["Q4"]["same_features_detail"]
    # (cold: each of its requests found the tile of the one before and dropped it)
    assert rows["Q4-cold"]["tile_cache_entries_emptied"] >= 1
    # and matching ran as one statement whose plan is reported
    matching = result["matching"]
    assert matching["measured"], matching.get("reason")
    assert matching["statements"] == 1
    assert matching["subscriptions"] == settings.subscriptions
    assert "Insert on pilots_notification" in matching["plan"]
    # and the write costs were measured with the read-column triggers and without
    writes = result["writes"]
    assert writes["triggers"] > 0
    for timings in (writes["with_triggers"], writes["without_triggers"]):
        assert set(timings) == {
            "create_site_3_partners_ms",
            "update_site_3_partners_ms",
            "rename_organisation_ms",
        }
    # and the report names every query, next to its JSON
    for query in QUERIES:
        assert f"| {query.key} " in text
    assert "largest worker PSS app / floor MB" in text
    assert "Against both floors" in text
    assert "rename an organisation hosting" in text
    saved = json.loads((tmp_path / "latest.json").read_text())
    assert saved["machine"]["workers"] == result["machine"]["workers"]


def test_different_features_are_told_apart() -> None:
    ours = b'{"features":[{"id":"a","geometry":{"coordinates":[10.4,63.4]}}]}'
    theirs = b'{"features":[{"id":"b","geometry":{"coordinates":[10.4,63.4]}}]}'
    same, detail = measure.same_features("geojson", ours, theirs)
    assert not same
    assert "1 missing, 1 extra" in detail
