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


class InviteStaffForm(forms.Form):
    username = forms.RegexField(
        regex=r"^[\w.@+-]+\Z",
        max_length=150,
        label=_("Username"),
        help_text=_("Letters, digits and . @ + - _ only."),
    )
    display_name = forms.CharField(max_length=120, required=False, label=_("Display name"))
    role = forms.ChoiceField(choices=[], label=_("Role"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        from solidarity.core.roles import STAFF_ROLES

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["role"].choices = [(role.value, role.label) for role in sorted(STAFF_ROLES)]  # type: ignore[attr-defined]  # a ChoiceField

    def clean_username(self) -> str:
        from solidarity.core.models import User

        username = str(self.cleaned_data["username"])
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(choices=[], required=False, widget=forms.CheckboxSelectMultiple, label=_("Roles"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        from solidarity.core.roles import STAFF_ROLES

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["roles"].choices = [(role.value, role.label) for role in sorted(STAFF_ROLES)]  # type: ignore[attr-defined]  # a MultipleChoiceField


class EnrolForm(forms.Form):
    code = forms.CharField(
        max_length=20,
        label=_("One-time code (given to you apart from the link)"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "ltr", "autocapitalize": "characters"}),
    )
    password = forms.CharField(
        label=_("New password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), max_length=200
    )
    password_again = forms.CharField(
        label=_("New password, again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=200,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return data
