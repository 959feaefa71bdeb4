import pytest

from pilots.models import SDG, TRLLevel
from tests.api.catalogue_support import sectors

pytestmark = pytest.mark.django_db


def test_sectors_list_and_detail(api_client):
    sectors("mobility", "energy")

    listed = api_client.get("/api/v1/sectors/").json()
    detail = api_client.get("/api/v1/sectors/energy/").json()

    assert [row["slug"] for row in listed] == ["energy", "mobility"]
    assert detail["name_en"] == "Energy"


def test_sdgs_in_number_order(api_client):
    for number in (13, 7):
        SDG.objects.create(
            number=number, code=f"SDG{number}", name_en=f"Goal {number}", name_no="Mål"
        )

    listed = api_client.get("/api/v1/sdgs/").json()

    assert [row["number"] for row in listed] == [7, 13]
    assert api_client.get("/api/v1/sdgs/13/").json()["name_en"] == "Goal 13"


def test_trl_levels(api_client):
    TRLLevel.objects.create(level=4, name_en="Validated in lab", name_no="Validert")

    assert api_client.get("/api/v1/trl-levels/4/").json()["name_en"] == (
        "Validated in lab"
    )


def test_vocabularies_are_read_only(api_client, django_user_model):
    api_client.force_authenticate(django_user_model.objects.create_user("u"))

    response = api_client.post("/api/v1/sectors/", {"slug": "x"})

    assert response.status_code == 405
