"""`make backup` / `make restore` round trip into a fresh database.

The catalogue is committed (transactional_db), dumped with scripts/backup.sh,
restored with scripts/restore.sh into a database that does not exist yet, and
compared: the same tables, the same row counts, byte-identical geometries.
"""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.db import connection

from tests.factories import OrganizationFactory, PilotProjectFactory, SiteFactory

from .conftest import FIGURES
from .servers import ROOT


def _url(name: str) -> str:
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT'] or 5432}/{name}"
    )


def _run(script: str, **env: str) -> str:
    done = subprocess.run(
        ["bash", f"scripts/{script}"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _scalar(db: psycopg.Connection, query: str) -> Any:
    row = db.execute(query).fetchone()
    assert row is not None
    return row[0]


def _fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Per table: row count and an md5 over its geometries (or its rows)."""
    result = {}
    with psycopg.connect(url) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                "ORDER BY 1"
            )
        ]
        geometry_columns: dict[str, str] = dict(
            db.execute(
                "SELECT f_table_name, "
                "string_agg(f_geometry_column, ',' ORDER BY f_geometry_column) "
                "FROM geometry_columns WHERE f_table_schema = 'public' GROUP BY 1"
            ).fetchall()
        )
        for table in tables:
            count = _scalar(db, f'SELECT count(*) FROM "{table}"')
            columns = geometry_columns.get(table)
            if columns:
                parts = " || ".join(
                    f"coalesce(ST_AsEWKB(\"{c}\"), '')" for c in columns.split(",")
                )
                aggregate = f"string_agg({parts}, '' ORDER BY {parts})"
            else:
                aggregate = "string_agg(t::text, '|' ORDER BY t::text)"
            query = f'SELECT md5({aggregate}) FROM "{table}" t'
            digest = _scalar(db, query) or ""
            result[table] = (count, digest)
    return result


@pytest.fixture
def restore_target() -> Iterator[str]:
    name = f"{connection.settings_dict['NAME']}_restored"
    with psycopg.connect(_url("postgres"), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_a_fresh_database(
    zones: int, restore_target: str, tmp_path: Path
) -> None:
    hosts = OrganizationFactory.create_batch(3)
    footprint = MultiPolygon(Polygon.from_bbox((10.40, 63.41, 10.41, 63.42)), srid=4326)
    sites = [SiteFactory(host=host) for host in hosts]
    SiteFactory(host=hosts[0], footprint=footprint)
    PilotProjectFactory.create_batch(2, sites=sites[:2])
    source = _url(connection.settings_dict["NAME"])
    archive = tmp_path / "registry.dump"

    _run("backup.sh", DATABASE_URL=source, BACKUP_FILE=str(archive))
    _run("restore.sh", DATABASE_URL=_url(restore_target), BACKUP_FILE=str(archive))

    before, after = _fingerprint(source), _fingerprint(_url(restore_target))
    assert before["pilots_site"][0] == 4
    assert zones > 0
    assert after == before
    FIGURES["backup/restore tables compared"] = len(after)
    FIGURES["backup/restore rows compared"] = sum(count for count, _ in after.values())


def test_restore_refuses_a_missing_archive(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", "scripts/restore.sh"],
        cwd=ROOT,
        env={**os.environ, "BACKUP_FILE": str(tmp_path / "none.dump")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "no backup file" in done.stderr
