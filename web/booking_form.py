"""The portal's booking request form, and booking errors as page messages.

The form only gathers the fields; the booking service decides (membership,
rules, conflicts), exactly as for the API."""

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pilots.booking_emails import local_time
from pilots.models import Organization, PilotProject
from pilots.selectors.permissions import organization_member_ids
from pilots.selectors.portal import pilots_of
from pilots.services.booking_rules import BookingRuleBroken
from pilots.services.bookings import BookingConflict, BookingInvalid
from pilots.services.transitions import (
    ReasonRequired,
    TransitionForbidden,
    TransitionNotAllowed,
)


class AwareDateTimeField(forms.CharField):
    """An RFC 3339 time with its offset (the slot links carry it)."""

    def to_python(self, value: Any) -> datetime | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise forms.ValidationError(_("Choose a free slot in the week.")) from None
        if moment.tzinfo is None:
            raise forms.ValidationError(_("Choose a free slot in the week."))
        return moment


class BookingRequestForm(forms.Form):
    organization = forms.ChoiceField(label=gettext_lazy("On behalf of"))
    purpose = forms.CharField(
        label=gettext_lazy("Purpose"), max_length=500, widget=forms.Textarea
    )
    pilot = forms.ChoiceField(label=gettext_lazy("Pilot (optional)"), required=False)
    start = AwareDateTimeField(widget=forms.HiddenInput)
    end = AwareDateTimeField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organizations = list(
            Organization.objects.filter(pk__in=organization_member_ids(user)).order_by(
                "name"
            )
        )
        self.pilots = list(pilots_of(user=user))
        self.fields["organization"].choices = [  # type: ignore[attr-defined]
            (org.slug, org.name) for org in self.organizations
        ]
        self.fields["pilot"].choices = [("", "—")] + [  # type: ignore[attr-defined]
            (pilot.slug, pilot.title) for pilot in self.pilots
        ]

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        organization = next(
            org for org in self.organizations if org.slug == data["organization"]
        )
        pilot: PilotProject | None = next(
            (pilot for pilot in self.pilots if pilot.slug == data["pilot"]), None
        )
        return {
            "organization": organization,
            "pilot": pilot,
            "start": data["start"],
            "end": data["end"],
            "purpose": data["purpose"],
        }


def booking_error(error: Exception) -> tuple[int, str]:
    """The status and the message a page shows for a booking service error
    (the API answers the same cases with problem details)."""
    if isinstance(error, BookingRuleBroken | BookingInvalid | ReasonRequired):
        return 400, error.message
    if isinstance(error, TransitionForbidden):
        return 403, error.message
    if isinstance(error, TransitionNotAllowed):
        return 409, error.message
    if isinstance(error, BookingConflict):
        return 409, _("The resource is taken from %(start)s to %(end)s.") % {
            "start": local_time(error.start),
            "end": local_time(error.end),
        }
    raise error


BOOKING_ERRORS = (
    BookingRuleBroken,
    BookingInvalid,
    BookingConflict,
    ReasonRequired,
    TransitionForbidden,
    TransitionNotAllowed,
)
