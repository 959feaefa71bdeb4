"""/tiles/<layer>/<z>/<x>/<y>.mvt and /tiles/<layer>.json for every tile layer."""

from django.urls import path, register_converter

from .layers import TILE_LAYERS
from .views import layer_views


class SignedIntConverter:
    """Digits with an optional minus, so a negative x is a 400, not a 404."""

    regex = "-?[0-9]{1,12}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(SignedIntConverter, "signed")

app_name = "tiles"

urlpatterns = []
for _layer in TILE_LAYERS.values():
    _tile_view, _tilejson_view = layer_views(_layer)
    urlpatterns += [
        path(
            f"{_layer.name}/<signed:z>/<signed:x>/<signed:y>.mvt",
            _tile_view.as_view(),
            name=f"{_layer.name}-tile",
        ),
        path(f"{_layer.name}.json", _tilejson_view.as_view(), name=f"{_layer.name}"),
    ]
