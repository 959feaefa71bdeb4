"""The forms of the email landing pages; the rules live in pilots.services."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _


class EmailLinkForm(forms.Form):
    """The uid and token an email link carries (hidden fields)."""

    uid = forms.CharField(max_length=64, widget=forms.HiddenInput)
    token = forms.CharField(max_length=128, widget=forms.HiddenInput)


class NewPasswordForm(EmailLinkForm):
    new_password = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    new_password_again = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        first, second = data.get("new_password"), data.get("new_password_again")
        if first and second and first != second:
            self.add_error("new_password_again", _("The two passwords differ."))
        return data
