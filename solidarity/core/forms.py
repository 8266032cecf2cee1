"""Forms of the shared kernel: sign-in and the second factor."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.core.text import to_ascii_digits


class SignInForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=200)


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app; Persian digits are accepted."""

    code = forms.CharField(
        label=_("Six-digit code"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = to_ascii_digits(self.cleaned_data["code"]).replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the six digits your authenticator app shows."))
        return code
