import pytest

from pilots.models import Organization
from tests.api.catalogue_support import error_fields
from tests.factories import OrganizationFactory, SiteFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(api_client):
    user = UserFactory(is_superuser=True)  # manages every organisation (issue 5)
    api_client.force_authenticate(user)
    return user


def test_list_filter_by_kind(api_client):
    OrganizationFactory(slug="ntnu", kind="university")
    OrganizationFactory(slug="acme", kind="company")

    response = api_client.get("/api/v1/organizations/?kind=university")

    assert [row["slug"] for row in response.json()["results"]] == ["ntnu"]


def test_create_checks_the_organisation_number(api_client, editor):
    bad = api_client.post(
        "/api/v1/organizations/",
        {"slug": "bad", "name": "Bad", "org_number": "974767881"},
    )
    good = api_client.post(
        "/api/v1/organizations/",
        {
            "slug": "ntnu",
            "name": "NTNU",
            "kind": "university",
            "org_number": "974767880",
        },
    )

    assert bad.status_code == 400
    assert error_fields(bad) == {"org_number"}
    assert good.status_code == 201, good.content
    assert list(Organization.objects.values_list("slug", flat=True)) == ["ntnu"]


def test_delete_while_hosting_a_site_is_a_409(api_client, editor):
    host = OrganizationFactory(slug="host")
    SiteFactory(host=host)

    response = api_client.delete("/api/v1/organizations/host/")

    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert Organization.objects.filter(slug="host").exists()


def test_update_and_delete(api_client, editor):
    OrganizationFactory(slug="acme", name="Acme")

    patched = api_client.patch("/api/v1/organizations/acme/", {"name": "Acme AS"})
    deleted = api_client.delete("/api/v1/organizations/acme/")

    assert patched.json()["name"] == "Acme AS"
    assert deleted.status_code == 204
    assert not Organization.objects.exists()
