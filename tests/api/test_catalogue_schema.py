import pytest
import yaml

from api.filters.catalogue import PilotFilterSet, SiteFilterSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(api_client):
    return yaml.safe_load(api_client.get("/api/schema/").content)


@pytest.mark.parametrize(
    ("path", "filterset"),
    [("/api/v1/sites/", SiteFilterSet), ("/api/v1/pilots/", PilotFilterSet)],
)
def test_every_query_parameter_is_described(document, path, filterset):
    operation = document["paths"][path]["get"]
    described = {
        parameter["name"]: parameter
        for parameter in operation["parameters"]
        if parameter["in"] == "query"
    }

    expected = set(filterset.base_filters) | {"cursor", "limit", "format"}
    assert expected <= set(described)
    for name in expected:
        assert described[name].get("description"), name
        assert described[name]["schema"].get("type"), name


def resolve(document, schema):
    if "$ref" in schema:
        return document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


@pytest.mark.parametrize("path", ["/api/v1/sites/", "/api/v1/pilots/"])
def test_lists_describe_json_geojson_and_csv(document, path):
    content = document["paths"][path]["get"]["responses"]["200"]["content"]

    assert set(content) == {"application/json", "application/geo+json", "text/csv"}
    geojson = resolve(document, content["application/geo+json"]["schema"])
    assert resolve(document, geojson["properties"]["type"])["enum"] == [
        "FeatureCollection"
    ]
    assert "links" in geojson["properties"]
    page = resolve(document, content["application/json"]["schema"])
    assert set(page["properties"]) == {"next", "previous", "results"}
    assert resolve(document, content["text/csv"]["schema"])["type"] == "string"


@pytest.mark.parametrize("path", ["/api/v1/sites/{slug}/", "/api/v1/pilots/{slug}/"])
def test_details_describe_a_geojson_feature(document, path):
    content = document["paths"][path]["get"]["responses"]["200"]["content"]

    feature = resolve(document, content["application/geo+json"]["schema"])
    assert resolve(document, feature["properties"]["type"])["enum"] == ["Feature"]
