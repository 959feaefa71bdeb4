"""CQL2 as the standard writes it: CQL2-JSON bbox literals are
[minx, miny, maxx, maxy], `between` takes three arguments, BBOX(geometry, ...)
is exact, and a filter that does not parse is explained in words."""

import json
from urllib.parse import quote

import pytest
from django.contrib.gis.geos import Point

from tests.factories import SiteFactory

from .conftest import OGC, body, slugs_of

SITES = f"{OGC}/collections/sites/items"
GEOMETRY = {"property": "geometry"}


def _json(client, expression: dict):
    return client.get(
        f"{SITES}?filter-lang=cql2-json&filter={quote(json.dumps(expression))}"
    )


def _text(client, expression: str):
    return client.get(f"{SITES}?filter={quote(expression)}")


@pytest.mark.parametrize(
    "box",
    [[10.39, 63.39, 10.41, 63.42], [10.39, 63.39, 0, 10.41, 63.42, 100]],
)
def test_cql2_json_bbox_is_minx_miny_maxx_maxy(client, district, box):
    response = _json(client, {"op": "s_intersects", "args": [GEOMETRY, {"bbox": box}]})

    assert response.status_code == 200, body(response)
    assert sorted(slugs_of(response)) == ["gloshaugen-arena", "sluppen-arena"]


def test_cql2_json_bbox_matches_cql2_text_and_the_bbox_parameter(client, district):
    box = [10.39, 63.40, 10.41, 63.43]
    as_json = _json(client, {"op": "s_intersects", "args": [GEOMETRY, {"bbox": box}]})
    as_text = _text(client, f"S_INTERSECTS(geometry, BBOX({', '.join(map(str, box))}))")
    as_parameter = client.get(f"{SITES}?bbox={','.join(map(str, box))}")

    assert slugs_of(as_json) == slugs_of(as_text) == slugs_of(as_parameter)
    assert slugs_of(as_json) == ["gloshaugen-arena"]


def test_standard_cql2_json_between(client, district):
    response = _json(client, {"op": "between", "args": [{"property": "trl_min"}, 4, 5]})

    assert response.status_code == 200, body(response)
    assert slugs_of(response) == ["gloshaugen-arena"]


def test_cql2_text_bbox_predicate_is_exact(client, db):
    SiteFactory.create(slug="inside", location=Point(10.40, 63.425998, srid=4326))
    SiteFactory.create(slug="outside", location=Point(10.40, 63.426002, srid=4326))

    response = _text(client, "BBOX(geometry, 10.39, 63.41, 10.41, 63.426)")

    assert response.status_code == 200, body(response)
    assert slugs_of(response) == ["inside"]


@pytest.mark.parametrize(
    ("language", "expression", "message"),
    [
        ("cql2-text", "kind = ", "ends before"),
        ("cql2-text", "kind = 'x' AND", "ends before"),
        ("cql2-text", "kind == 'x'", "column 7"),
        ("cql2-text", "kind = 'x' $", "column 12"),
        ("cql2-json", "{nope", "not JSON"),
        ("cql2-json", '{"op": "nearby", "args": []}', "'nearby'"),
        ("cql2-json", '{"op": "between", "args": [{"property": "trl_min"}]}', ""),
        ("cql2-json", '{"op": "s_intersects", "args": [{"bbox": [1, 2]}]}', "bbox"),
        ("cql2-json", "[1, 2]", ""),
    ],
)
def test_unparsable_filters_are_explained_without_parser_internals(
    client, db, language, expression, message
):
    response = client.get(f"{SITES}?filter-lang={language}&filter={quote(expression)}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    detail = body(response)["detail"]
    assert message in detail
    assert "does not parse" in detail
    for internal in ("Token(", "$END", "Expected one of", "Traceback", "object"):
        assert internal not in detail
