"""The forms of the organisation's member pages: the API's fields and choices
(api.serializers.invitations); the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

ROLES = [("member", _("Member")), ("admin", _("Admin"))]


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=ROLES, initial="member")


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLES)
