"""The forms of the sign-up, sign-in and password-reset pages; the rules (the
password validators, who gets which email) live in pilots.services.accounts."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _


def _email() -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SignUpForm(forms.Form):
    email = _email()
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )


class SignInForm(forms.Form):
    email = _email()
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PasswordResetRequestForm(forms.Form):
    email = _email()
