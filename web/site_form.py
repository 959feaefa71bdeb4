"""The site form of the organisation pages: the API's fields and checks (a
point, an optional footprint drawn on the map, vocabularies, partners),
written through pilots.services.sites. The host is the organisation."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from geo.validation import GeometryError, parse_geometry
from pilots.models import Site
from pilots.models.fields import no_control_characters
from pilots.selectors.catalogue import organization_list, sector_list

from .localized import sector_name

TEXT_FIELDS = ("name", "name_no", "description", "description_no")
CHOICE_FIELDS = ("kind", "status", "access")


class SiteForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, validators=[no_control_characters]
    )
    name_no = forms.CharField(
        label=_("Name in Norwegian"),
        max_length=200,
        required=False,
        validators=[no_control_characters],
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Site.Kind.choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=Site.Status.choices, initial=Site.Status.OPERATIONAL
    )
    access = forms.ChoiceField(
        label=_("Access"),
        choices=Site.Access.choices,
        initial=Site.Access.ON_APPLICATION,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    description_no = forms.CharField(
        label=_("Description in Norwegian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        required=False,
        queryset=organization_list(),
        widget=forms.CheckboxSelectMultiple,
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        help_text=_("Click the map to place the site, or type the coordinates."),
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    latitude = forms.FloatField(
        label=_("Latitude"), widget=forms.NumberInput(attrs={"step": "any"})
    )
    # GeoJSON of the footprint drawn on the map (web/static/web/pick-place.js).
    area = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Labels as the pages translate them (web/choice_labels.py).
        for name in CHOICE_FIELDS:
            field: Any = self.fields[name]
            field.choices = [(value, _(label)) for value, label in field.choices]
        self.fields["sectors"].choices = [  # type: ignore[attr-defined]
            (s.slug, sector_name(s)) for s in sector_list()
        ]
        self.fields["partners"].queryset = organization_list(  # type: ignore[attr-defined]
            user=user
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lon, lat = data.get("longitude"), data.get("latitude")
        data["location"] = None
        if lon is not None and lat is not None:
            try:
                data["location"] = parse_geometry(
                    {"type": "Point", "coordinates": [lon, lat]},
                    allowed_types=["Point"],
                )
            except GeometryError as error:
                self.add_error("longitude", str(error))
        data["footprint"] = None
        if (data.get("area") or "").strip():
            try:
                data["footprint"] = parse_geometry(
                    data["area"], allowed_types=["Polygon", "MultiPolygon"]
                )
            except GeometryError as error:
                self.add_error(None, _("The drawn area: %(error)s") % {"error": error})
        return data

    def service_fields(self) -> dict[str, Any]:
        """The keyword arguments of site_create / site_update (host aside)."""
        data = self.cleaned_data
        names = (*TEXT_FIELDS, *CHOICE_FIELDS, "sectors", "location", "footprint")
        return {**{name: data[name] for name in names}, "partners": data["partners"]}


def site_initial(site: Site) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(site, name) for name in (*TEXT_FIELDS, *CHOICE_FIELDS)
    }
    initial.update(
        sectors=site.sectors,
        partners=list(site.partners.all()),
        longitude=site.location.x,
        latitude=site.location.y,
    )
    if site.footprint is not None:
        initial["area"] = site.footprint.json
    return initial
