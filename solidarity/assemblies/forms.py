"""Forms of the assemblies pages: issuing invitations, checking in, syncing and live updates."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.assemblies.models import Invitation, Update, Venue
from solidarity.coalition.models import Delegate


class IssueInvitationForm(forms.Form):
    venue = forms.ModelChoiceField(queryset=Venue.objects.none(), label=_("Venue"))
    role = forms.TypedChoiceField(choices=Invitation.Role.choices, coerce=int, label=_("Role"))
    delegate = forms.ModelChoiceField(
        queryset=Delegate.objects.filter(is_accredited=True), required=False, label=_("Delegate")
    )
    guest_name = forms.CharField(max_length=120, required=False, label=_("or a guest's display name"))

    def __init__(self, *args: object, venues: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["venue"].queryset = venues  # type: ignore[attr-defined]  # a ModelChoiceField

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("delegate") and not str(data.get("guest_name") or "").strip():
            raise forms.ValidationError(_("Choose a delegate or give a guest's display name."))
        return data


class RevokeForm(forms.Form):
    reason = forms.CharField(max_length=40, required=False, label=_("Reason (a short code, no names)"))


class CheckInForm(forms.Form):
    token = forms.CharField(max_length=400, label=_("Invitation token or short code"), strip=True)


class SyncForm(forms.Form):
    queue = forms.FileField(label=_("Queue file from the door device"))


class UpdateForm(forms.ModelForm[Update]):
    class Meta:
        model = Update
        fields = ("kind", "text_en", "text_fa", "venue")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "text_en": forms.Textarea(attrs={"rows": 3}),
            "text_fa": forms.Textarea(attrs={"rows": 3, "dir": "rtl"}),
        }

    def __init__(self, *args: object, venues: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["venue"].queryset = venues  # type: ignore[attr-defined]  # a ModelChoiceField
        self.fields["venue"].required = False


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=[], label=_("Status"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        from solidarity.assemblies.models import Assembly

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # Form's signature is untyped
        self.fields["status"].choices = Assembly.Status.choices  # type: ignore[attr-defined]  # a ChoiceField
