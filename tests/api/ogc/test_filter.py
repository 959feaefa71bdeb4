"""Part 3: queryables and CQL2 filters (text and JSON)."""

import json
from urllib.parse import quote

import pytest

from pilots.models import Site

from .conftest import OGC, body, slugs_of

SITES = f"{OGC}/collections/sites/items"
PILOTS = f"{OGC}/collections/pilots/items"


def _text(client, url: str, expression: str):
    return client.get(f"{url}?filter={quote(expression)}")


def _json(client, url: str, expression: dict):
    return client.get(
        f"{url}?filter-lang=cql2-json&filter={quote(json.dumps(expression))}"
    )


def test_queryables_are_a_json_schema_of_the_filterable_properties(client, db):
    response = client.get(f"{OGC}/collections/sites/queryables")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    schema = body(response)
    assert schema["$id"] == "http://testserver/ogc/collections/sites/queryables"
    assert schema["type"] == "object"
    properties = schema["properties"]
    assert properties["kind"]["enum"] == Site.Kind.values
    assert properties["trl_min"]["type"] == "integer"
    assert properties["updated_at"]["format"] == "date-time"
    assert properties["geometry"]["x-ogc-role"] == "primary-geometry"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("kind = 'shared_lab'", ["oya-lab"]),
        ("kind <> 'shared_lab'", ["gloshaugen-arena", "sluppen-arena"]),
        ("trl_max >= 9", ["gloshaugen-arena"]),
        ("trl_min < 5 OR status = 'planned'", ["oya-lab", "sluppen-arena"]),
        ("NOT (kind = 'test_arena') AND trl_min IS NOT NULL", ["oya-lab"]),
        ("trl_min IS NULL", ["sluppen-arena"]),
        ("trl_min BETWEEN 4 AND 5", ["gloshaugen-arena"]),
        ("slug IN ('oya-lab', 'sluppen-arena')", ["oya-lab", "sluppen-arena"]),
        ("name LIKE 'Gl%'", ["gloshaugen-arena"]),
        ("name LIKE '%arena'", ["gloshaugen-arena", "sluppen-arena"]),
        ("name LIKE 'S_uppen%'", ["sluppen-arena"]),
        ("name LIKE 'sluppen%'", []),  # LIKE is case-sensitive
        ("S_INTERSECTS(geometry, POINT(10.389 63.4205))", ["oya-lab"]),
        (
            "S_INTERSECTS(geometry, POLYGON((10.38 63.41, 10.41 63.41, "
            "10.41 63.43, 10.38 63.43, 10.38 63.41)))",
            ["gloshaugen-arena", "oya-lab"],
        ),
        (
            "S_INTERSECTS(geometry, BBOX(10.39, 63.39, 10.41, 63.42))",
            ["gloshaugen-arena", "sluppen-arena"],
        ),
    ],
)
def test_cql2_text_filters(client, district, expression, expected):
    response = _text(client, SITES, expression)

    assert response.status_code == 200, body(response)
    assert sorted(slugs_of(response)) == expected
    assert body(response)["numberMatched"] == len(expected)


def test_filter_applies_to_the_pilot_area(client, district):
    response = _text(
        client, PILOTS, "S_INTERSECTS(geometry, POINT(10.392 63.428)) AND trl = 4"
    )

    assert slugs_of(response) == ["smart-street"]


def test_temporal_comparisons_in_cql2_text(client, district):
    Site.objects.filter(slug="oya-lab").update(updated_at="2020-05-05T12:00:00Z")

    before = _text(client, SITES, "updated_at < TIMESTAMP('2021-01-01T00:00:00Z')")
    planned = _text(client, PILOTS, "planned_start >= DATE('2026-01-01')")

    assert slugs_of(before) == ["oya-lab"]
    assert slugs_of(planned) == ["smart-street"]


def test_cql2_json_comparisons_in_like_and_spatial(client, district):
    expression = {
        "op": "and",
        "args": [
            {"op": "in", "args": [{"property": "kind"}, ["test_arena"]]},
            {"op": "like", "args": [{"property": "name"}, "%arena"]},
            {
                "op": "s_intersects",
                "args": [
                    {"property": "geometry"},
                    {
                        "type": "Polygon",
                        "coordinates": [
                            [
                                [10.39, 63.41],
                                [10.41, 63.41],
                                [10.41, 63.43],
                                [10.39, 63.43],
                                [10.39, 63.41],
                            ]
                        ],
                    },
                ],
            },
        ],
    }

    response = _json(client, SITES, expression)

    assert slugs_of(response) == ["gloshaugen-arena"]


@pytest.mark.parametrize(
    ("operator", "moment", "expected"),
    [
        ("t_before", "2021-01-01T00:00:00Z", ["oya-lab"]),
        ("t_after", "2021-01-01T00:00:00Z", ["gloshaugen-arena", "sluppen-arena"]),
        ("t_equals", "2020-05-05T12:00:00Z", ["oya-lab"]),
        ("t_intersects", "2020-05-05T12:00:00Z", ["oya-lab"]),
    ],
)
def test_cql2_json_temporal_functions_on_instants(
    client, district, operator, moment, expected
):
    Site.objects.filter(slug="oya-lab").update(updated_at="2020-05-05T12:00:00Z")
    expression = {
        "op": operator,
        "args": [{"property": "updated_at"}, {"timestamp": moment}],
    }

    response = _json(client, SITES, expression)

    assert response.status_code == 200, body(response)
    assert sorted(slugs_of(response)) == expected


def test_cql2_json_t_during_an_open_interval(client, district):
    Site.objects.filter(slug="oya-lab").update(updated_at="2020-05-05T12:00:00Z")
    expression = {
        "op": "t_during",
        "args": [
            {"property": "updated_at"},
            {"interval": ["2020-01-01T00:00:00Z", ".."]},
        ],
    }

    response = _json(client, SITES, expression)

    assert sorted(slugs_of(response)) == [
        site.slug for site in sorted(district.sites, key=lambda site: site.slug)
    ]


def test_filter_combines_with_bbox_and_paging(client, district):
    response = client.get(
        f"{SITES}?bbox=10.38,63.41,10.41,63.43&limit=1&filter={quote('trl_min >= 3')}"
    )

    document = body(response)
    assert document["numberMatched"] == 2
    next_link = next(link for link in document["links"] if link["rel"] == "next")
    assert "filter=trl_min" in next_link["href"]


@pytest.mark.parametrize(
    ("url", "expression", "message"),
    [
        (SITES, "kind = ", "does not parse"),
        (SITES, "colour = 'red'", "unknown property 'colour'"),
        (SITES, "host__password = 'x'", "unknown property"),
        (SITES, "trl_min = 'high'", "expected a number"),
        (SITES, "S_INTERSECTS(geometry, POINT(200 95))", "longitude, latitude"),
        (
            SITES,
            "S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))",
            "invalid geometry",
        ),
        (SITES, "S_INTERSECTS(geometry, FOO(1))", "not supported"),
    ],
)
def test_bad_filter_is_a_400_problem_with_the_reason(
    client, district, url, expression, message
):
    response = _text(client, url, expression)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = body(response)
    assert message in problem["detail"]
    assert problem["errors"][0]["field"] == "filter"


def test_bad_cql2_json_and_unknown_language_are_400_problems(client, district):
    broken = client.get(f"{SITES}?filter-lang=cql2-json&filter={quote('{nope')}")
    unknown = client.get(f"{SITES}?filter-lang=ecql&filter=x")
    crs = client.get(
        f"{SITES}?filter=kind%3D%27x%27&filter-crs=http://www.opengis.net/def/crs/EPSG/0/25832"
    )

    assert broken.status_code == 400
    assert "does not parse" in body(broken)["detail"]
    assert body(unknown)["errors"][0]["field"] == "filter-lang"
    assert body(crs)["errors"][0]["field"] == "filter-crs"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (
            "S_WITHIN(geometry, BBOX(10.38, 63.41, 10.41, 63.43))",
            ["oya-lab", "gloshaugen-arena"],
        ),
        ("S_DISJOINT(geometry, BBOX(10.38, 63.41, 10.41, 63.43))", ["sluppen-arena"]),
        ("S_EQUALS(geometry, POINT(10.389 63.4205))", ["oya-lab"]),
        (
            "S_TOUCHES(geometry, POLYGON((10.389 63.4205, 10.39 63.4205, "
            "10.39 63.43, 10.389 63.4205)))",
            ["oya-lab"],
        ),
        ("S_CONTAINS(geometry, POINT(10.389 63.4205))", ["oya-lab"]),
        ("S_CROSSES(geometry, LINESTRING(10.38 63.41, 10.40 63.43))", []),
        ("S_OVERLAPS(geometry, POINT(10.389 63.4205))", []),
    ],
)
def test_every_spatial_function(client, district, expression, expected):
    response = _text(client, SITES, expression)

    assert response.status_code == 200, body(response)
    assert sorted(slugs_of(response)) == sorted(expected)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # The active pilot's square spans 10.390..10.394 E, 63.426..63.430 N.
        ("S_CONTAINS(geometry, POINT(10.392 63.428))", ["smart-street"]),
        (
            "S_CROSSES(geometry, LINESTRING(10.385 63.428, 10.392 63.428))",
            ["smart-street"],
        ),
        (
            "S_OVERLAPS(geometry, POLYGON((10.393 63.429, 10.40 63.429, 10.40 63.44, "
            "10.393 63.44, 10.393 63.429)))",
            ["smart-street"],
        ),
        ("S_TOUCHES(geometry, POINT(10.390 63.428))", ["smart-street"]),
        ("S_WITHIN(geometry, BBOX(10.38, 63.42, 10.40, 63.44))", ["smart-street"]),
    ],
)
def test_spatial_functions_on_pilot_areas(client, district, expression, expected):
    response = _text(client, PILOTS, expression)

    assert response.status_code == 200, body(response)
    assert slugs_of(response) == expected


@pytest.mark.parametrize(
    ("url", "expression", "expected"),
    [
        (SITES, "T_BEFORE(updated_at, TIMESTAMP('2021-01-01T00:00:00Z'))", ["oya-lab"]),
        (SITES, "T_BEFORE(updated_at, DATE('2020-05-06'))", ["oya-lab"]),
        (SITES, "T_BEFORE(updated_at, DATE('2020-05-05'))", []),
        (
            SITES,
            "T_INTERSECTS(updated_at, INTERVAL('2020-05-05', '2020-05-05'))",
            ["oya-lab"],
        ),
        (
            SITES,
            "T_AFTER(updated_at, TIMESTAMP('2021-01-01T00:00:00Z')) "
            "AND kind = 'test_arena'",
            ["gloshaugen-arena", "sluppen-arena"],
        ),
        (
            SITES,
            "T_DISJOINT(updated_at, INTERVAL('2020-01-01', '2020-12-31'))",
            ["gloshaugen-arena", "sluppen-arena"],
        ),
        (PILOTS, "T_AFTER(planned_start, DATE('2025-12-31'))", ["smart-street"]),
        (
            PILOTS,
            "T_DURING(planned_start, INTERVAL('2025-01-01', '..'))",
            ["drone-delivery", "smart-street"],
        ),
        (
            PILOTS,
            "T_INTERSECTS(planned_end, INTERVAL('..', '2025-12-31'))",
            ["drone-delivery"],
        ),
    ],
)
def test_cql2_text_temporal_functions(client, district, url, expression, expected):
    Site.objects.filter(slug="oya-lab").update(updated_at="2020-05-05T12:00:00Z")

    response = _text(client, url, expression)

    assert response.status_code == 200, body(response)
    assert sorted(slugs_of(response)) == expected


def test_unsupported_temporal_relation_is_a_400_problem(client, district):
    response = _text(
        client, SITES, "T_MEETS(updated_at, INTERVAL('2020-01-01', '2021-01-01'))"
    )

    assert response.status_code == 400
    assert "T_MEETS" in body(response)["detail"]
