"""The pilot form of the portal: the API's fields and checks (vocabularies,
public sites, TRL 1-9, a point or an area), written through
pilots.services.pilots."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from geo.validation import GeometryError, parse_geometry
from pilots.models import PilotProject, Site
from pilots.selectors.catalogue import (
    organization_list,
    sdg_list,
    sector_list,
    trl_level_list,
)

from .localized import norwegian, sector_name

TEXT_FIELDS = ("title", "summary", "description")


class PilotForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    trl = forms.TypedChoiceField(
        label=_("Technology readiness level (TRL)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"),
        required=False,
        queryset=Site.objects.public().order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        required=False,
        queryset=organization_list(),
        widget=forms.CheckboxSelectMultiple,
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        help_text=_("Click the map to place the pilot, or type the coordinates."),
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    # GeoJSON of a polygon drawn on the map (web/static/web/pick-place.js).
    area = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nb = norwegian()
        self.fields["sectors"].choices = [  # type: ignore[attr-defined]
            (s.slug, sector_name(s)) for s in sector_list()
        ]
        self.fields["sdgs"].choices = [  # type: ignore[attr-defined]
            (g.number, f"{g.number}. {g.name_no if nb else g.name_en}")
            for g in sdg_list()
        ]
        self.fields["trl"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (t.level, f"TRL {t.level}: {t.name_no if nb else t.name_en}")
            for t in trl_level_list()
        ]
        self.fields["partners"].queryset = organization_list(  # type: ignore[attr-defined]
            user=user
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["location"] = self._point(data.get("longitude"), data.get("latitude"))
        data["area"] = self._area(data.get("area") or "")
        if data["location"] is None and data["area"] is None and not self.errors:
            self.add_error(
                "longitude", _("A pilot needs a location: a point or an area.")
            )
        return data

    def _point(self, lon: float | None, lat: float | None) -> Any:
        if lon is None and lat is None:
            return None
        if lon is None or lat is None:
            self.add_error("longitude", _("Give both the longitude and the latitude."))
            return None
        try:
            return parse_geometry(
                {"type": "Point", "coordinates": [lon, lat]}, allowed_types=["Point"]
            )
        except GeometryError as error:
            self.add_error("longitude", str(error))
            return None

    def _area(self, text: str) -> Any:
        if not text.strip():
            return None
        try:
            return parse_geometry(text, allowed_types=["Polygon", "MultiPolygon"])
        except GeometryError as error:
            self.add_error(None, _("The drawn area: %(error)s") % {"error": error})
            return None

    def service_fields(self) -> dict[str, Any]:
        """The keyword arguments of pilot_create / pilot_update."""
        data = self.cleaned_data
        names = (*TEXT_FIELDS, "sectors", "sdgs", "trl", "location", "area")
        fields = {name: data[name] for name in names}
        return {**fields, "sites": data["sites"], "partners": data["partners"]}


def initial_for(pilot: PilotProject) -> dict[str, Any]:
    initial: dict[str, Any] = {name: getattr(pilot, name) for name in TEXT_FIELDS}
    initial.update(
        sectors=pilot.sectors,
        sdgs=pilot.sdgs,
        trl=pilot.trl,
        sites=list(pilot.sites.all()),
        partners=list(pilot.partners.all()),
    )
    if pilot.location is not None:
        initial.update(longitude=pilot.location.x, latitude=pilot.location.y)
    if pilot.area is not None:
        initial["area"] = pilot.area.json
    return initial
