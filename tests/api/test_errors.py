import pytest
from django.urls import path
from rest_framework.decorators import api_view

pytestmark = pytest.mark.django_db


@api_view(["GET"])
def boom(request):
    raise RuntimeError("secret internals /etc/passwd")


urlpatterns = [path("api/v1/boom/", boom)]


def test_unknown_api_path_is_a_problem_404(api_client):
    response = api_client.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["title"] == "Not Found"


@pytest.mark.urls("tests.api.test_errors")
def test_unhandled_error_is_a_problem_500_without_traceback(client):
    client.raise_request_exception = False

    response = client.get("/api/v1/boom/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    text = response.content.decode()
    assert "Traceback" not in text
    assert "secret internals" not in text
    assert response.json()["status"] == 500


def test_method_not_allowed_is_a_problem(api_client, zones, django_user_model):
    user = django_user_model.objects.create_user("editor", password="x-long-password")
    api_client.force_authenticate(user)

    response = api_client.delete("/api/v1/zones/oya/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_too_many_query_parameters_is_a_problem_400(api_client, zones):
    query = "&".join(f"f{index}=1" for index in range(1200))

    response = api_client.get(f"/api/v1/zones/?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in response.json()["detail"]
