import pytest


@pytest.mark.django_db
def test_healthz_answers_while_up(api_client):
    assert api_client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_200_when_postgis_and_broker_answer(api_client):
    response = api_client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["database"].startswith("ok (PostGIS 3")
    assert response.json()["checks"]["broker"] == "ok"


@pytest.mark.django_db
def test_readyz_is_503_naming_the_broker_when_redis_is_unreachable(
    api_client, settings
):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    response = api_client.get("/readyz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["checks"]["broker"].startswith("unavailable")
    assert body["checks"]["database"].startswith("ok")
    assert "broker" in body["detail"]
