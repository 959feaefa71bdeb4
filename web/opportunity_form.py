"""The opportunity form of the organisation pages: the API's fields and checks
(api.serializers.opportunities: TRL range, a fixed deadline needs a date after
the opening), written through pilots.services.opportunities. The publisher is
the organisation; the footprint comes from the sites picked."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pilots.models import Opportunity, Organization, Site
from pilots.models.fields import no_control_characters
from pilots.selectors.catalogue import sdg_list, sector_list, trl_level_list

from .localized import norwegian, sector_name

TEXT_FIELDS = (
    "title",
    "title_no",
    "summary",
    "summary_no",
    "description",
    "description_no",
    "contact_name",
    "contact_email",
)
OTHER_FIELDS = (
    "call_type",
    "deadline_type",
    "opens_at",
    "deadline",
    "sectors",
    "sdgs",
    "trl_min",
    "trl_max",
)
WHEN = "%Y-%m-%dT%H:%M"


def _text(label: Any, **options: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, **options)


def _when(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        input_formats=[WHEN],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=WHEN),
    )


def _trl(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, required=False, coerce=int, empty_value=None
    )


class OpportunityForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, validators=[no_control_characters]
    )
    title_no = _text(
        _("Title in Norwegian"), max_length=200, validators=[no_control_characters]
    )
    summary = _text(_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    summary_no = _text(
        _("Summary in Norwegian"), widget=forms.Textarea(attrs={"rows": 3})
    )
    description = _text(_("Description"), widget=forms.Textarea(attrs={"rows": 5}))
    description_no = _text(
        _("Description in Norwegian"), widget=forms.Textarea(attrs={"rows": 5})
    )
    call_type = forms.ChoiceField(label=_("Kind of call"))
    deadline_type = forms.ChoiceField(label=_("Deadline"))
    opens_at = _when(_("Opens"))
    deadline = _when(_("Deadline date and time"))
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"),
        required=False,
        queryset=Site.objects.none(),
        widget=forms.CheckboxSelectMultiple,
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
    trl_min = _trl(_("Lowest TRL"))
    trl_max = _trl(_("Highest TRL"))
    contact_name = _text(_("Contact name"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        nb = norwegian()
        fields: Any = self.fields
        fields["call_type"].choices = [
            (value, _(label)) for value, label in Opportunity.CallType.choices
        ]
        fields["deadline_type"].choices = [
            (value, _(label)) for value, label in Opportunity.DeadlineType.choices
        ]
        # Public sites, and the organisation's own even while unpublished.
        fields["sites"].queryset = Site.objects.filter(
            Q(unpublished_at__isnull=True) | Q(host=organization)
        ).order_by("name", "id")
        fields["sectors"].choices = [(s.slug, sector_name(s)) for s in sector_list()]
        fields["sdgs"].choices = [
            (g.number, f"{g.number}. {g.name_no if nb else g.name_en}")
            for g in sdg_list()
        ]
        levels = [("", "—")] + [
            (t.level, f"TRL {t.level}: {t.name_no if nb else t.name_en}")
            for t in trl_level_list()
        ]
        fields["trl_min"].choices = fields["trl_max"].choices = levels

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("trl_min"), data.get("trl_max")
        if low is not None and high is not None and high < low:
            self.add_error("trl_max", _("The highest TRL must be at least the lowest."))
        opens, deadline = data.get("opens_at"), data.get("deadline")
        fixed = data.get("deadline_type") == Opportunity.DeadlineType.FIXED
        if fixed and deadline is None and "deadline" not in self.errors:
            self.add_error("deadline", _("A fixed deadline needs a date and time."))
        if opens is not None and deadline is not None and deadline <= opens:
            self.add_error("deadline", _("The deadline must come after the opening."))
        return data

    def service_fields(self) -> dict[str, Any]:
        """The keyword arguments of opportunity_create / opportunity_update."""
        data = self.cleaned_data
        fields = {name: data[name] for name in (*TEXT_FIELDS, *OTHER_FIELDS)}
        return {**fields, "sites": data["sites"]}


def opportunity_initial(opportunity: Opportunity) -> dict[str, Any]:
    initial = {
        name: getattr(opportunity, name) for name in (*TEXT_FIELDS, *OTHER_FIELDS)
    }
    initial["sites"] = list(opportunity.sites.all())
    return initial
