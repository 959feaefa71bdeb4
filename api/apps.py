from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "HTTP API"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        from .cors import anonymous_read_from_any_origin
        from .tile_versions import connect_signals

        connect_signals()
        check_request_enabled.connect(anonymous_read_from_any_origin)
