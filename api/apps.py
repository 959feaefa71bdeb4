from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_login_failed

        from .throttling import record_failed_sign_in
        from .tile_versions import connect_signals

        connect_signals()
        user_login_failed.connect(record_failed_sign_in, dispatch_uid="api-sign-in")
