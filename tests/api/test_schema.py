import re

import pytest
import yaml
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_openapi_document_validates(api_client):
    response = api_client.get("/api/schema/")

    assert response.status_code == 200
    document = yaml.safe_load(response.content)
    validate(document)
    assert document["openapi"].startswith("3.")
    assert "/api/v1/zones/" in document["paths"]


def test_geojson_media_type_is_described(api_client):
    document = yaml.safe_load(api_client.get("/api/schema/").content)

    content = document["paths"]["/api/v1/zones/"]["get"]["responses"]["200"]["content"]
    assert "application/geo+json" in content


@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_docs_load_every_asset_from_the_app(client, page):
    html = client.get(page).content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("/static/drf_spectacular_sidecar/" in url for url in assets)
    assert not [url for url in assets if url.startswith(("http:", "https:", "//"))]
    for url in assets:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url
