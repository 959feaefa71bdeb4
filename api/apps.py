from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled
        from django.contrib.auth.signals import user_login_failed
        from django.db import models
        from rest_framework.serializers import ModelSerializer

        from .cors import anonymous_read_from_any_origin
        from .serializers.timestamps import TimestampField
        from .throttling import record_failed_sign_in
        from .tiles.versions import connect_signals

        connect_signals()
        # Every model serializer's date-times in the one format (UTC, `Z`):
        # DRF's documented mapping, set once for all (tests/api/test_timestamps).
        ModelSerializer.serializer_field_mapping[models.DateTimeField] = TimestampField
        user_login_failed.connect(record_failed_sign_in, dispatch_uid="api-sign-in")
        check_request_enabled.connect(anonymous_read_from_any_origin)
