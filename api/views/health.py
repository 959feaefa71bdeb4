"""Liveness and readiness probes."""

import redis
from django.conf import settings
from django.db import connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ..errors import PROBLEM_CONTENT_TYPE, problem

_checks = inline_serializer(
    "Readiness",
    fields={
        "status": serializers.CharField(),
        "checks": serializers.DictField(child=serializers.CharField()),
    },
)


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT postgis_lib_version()")
        return f"ok (PostGIS {cursor.fetchone()[0]})"


def _broker() -> str:
    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_timeout=1, socket_connect_timeout=1
    )
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


class HealthView(APIView):
    """200 while the process is up; touches nothing else."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    @extend_schema(
        operation_id="healthz",
        responses=inline_serializer("Health", {"status": serializers.CharField()}),
    )
    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class ReadinessView(APIView):
    """200 only when PostGIS and the Celery broker answer; 503 names the failure."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    @extend_schema(operation_id="readyz", responses={200: _checks, 503: _checks})
    def get(self, request: Request) -> Response:
        checks: dict[str, str] = {}
        for name, check in (("database", _database), ("broker", _broker)):
            try:
                checks[name] = check()
            except Exception as error:  # any failure means not ready
                checks[name] = f"unavailable: {type(error).__name__}"
        failed = [name for name, value in checks.items() if not value.startswith("ok")]
        if not failed:
            return Response({"status": "ready", "checks": checks})
        body = problem(503, f"Not ready: {', '.join(failed)} unavailable.")
        body.update(status_text="unavailable", checks=checks)
        return Response(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
