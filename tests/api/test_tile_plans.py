"""A tile is one statement that finds its rows through the spatial indexes."""

import pytest
from django.db import connection

from api.tiles.layers import PILOTS, SITES
from geo.tiles import tile_query
from tests.api.catalogue_support import point_at
from tests.api.tile_support import X, Y, Z, decoded, tile_url
from tests.factories import (
    GLOSHAUGEN,
    SiteFactory,
)

pytestmark = pytest.mark.django_db


def test_tile_is_one_statement_whatever_the_row_count(
    client, django_assert_num_queries
):
    for index in range(40):
        SiteFactory.create(
            location=point_at(*GLOSHAUGEN, metres=10 * index, azimuth_deg=0)
        )

    # the layer's version, then the tile itself
    with django_assert_num_queries(2):
        response = client.get(tile_url("sites"))

    assert len(decoded(response)["sites"]["features"]) == 40


def gist_indexes(table: str, column: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s "
            "AND indexdef LIKE %s",
            [table, f"%USING gist ({column})"],
        )
        return {row[0] for row in cursor.fetchall()}


def plan_of(layer, queryset) -> str:
    sql, params = tile_query(queryset, layer.spec, layer=layer.name, z=Z, x=X, y=Y)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_tile_query_finds_rows_through_the_spatial_index():
    plan = plan_of(SITES, SITES.rows())

    [index] = gist_indexes("pilots_site", "location")
    assert (
        f"Index Scan using {index}" in plan or f"Bitmap Index Scan on {index}" in plan
    )
    assert "&&" in plan


def test_pilot_tile_query_uses_the_point_and_the_area_index():
    plan = plan_of(PILOTS, PILOTS.rows())

    for column in ("location", "area"):
        [index] = gist_indexes("pilots_pilotproject", column)
        assert index in plan, plan
