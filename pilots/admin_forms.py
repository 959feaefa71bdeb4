"""Admin forms that count a field as changed only when its value changed."""

from typing import Any

from django import forms
from django.contrib.gis.geos import GEOSGeometry

# About a tenth of a millimetre in degrees: the widget writes 7 decimals, and a
# round trip through GeoJSON may move the last bit of a coordinate.
GEOMETRY_TOLERANCE = 1e-9


def same_value(old: Any, new: Any) -> bool:
    """Geometries compare by value within the tolerance, the rest by equality."""
    if isinstance(old, GEOSGeometry) and isinstance(new, GEOSGeometry):
        if old.srid and new.srid and old.srid != new.srid:
            new = new.transform(old.srid, clone=True)
        return old.geom_type == new.geom_type and old.equals_exact(
            new, GEOMETRY_TOLERANCE
        )
    return bool(old == new)


class ValueComparingModelForm(forms.ModelForm):
    """`changed_data` lists only fields whose saved value would differ.

    Django compares a field's posted text with its initial value; for a
    geometry re-read from the widget or a JSON list such as `[]` it reports a
    change where none is, so the admin logged "Changed location" and stored a
    new history record on every save."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stored = {
            field.name: field.value_from_object(self.instance)
            for field in self.instance._meta.concrete_fields
            if field.name in self.fields
        }

    @property
    def changed_data(self) -> list[str]:
        changed = super().changed_data
        if self.instance._state.adding or not hasattr(self, "cleaned_data"):
            return changed
        return [
            name
            for name in changed
            if name not in self._stored
            or name not in self.cleaned_data
            or not same_value(self._stored[name], self.cleaned_data[name])
        ]
