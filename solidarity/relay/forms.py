"""Forms of the relay: the public message form and the staff forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.core.forms import CalendarDateField, FixedChoiceField
from solidarity.relay import services
from solidarity.relay.models import Transmission

COUNTRIES = (
    ("", "—"), ("AF", "Afghanistan"), ("AR", "Argentina"), ("AM", "Armenia"), ("AU", "Australia"), ("AT", "Austria"),
    ("AZ", "Azerbaijan"), ("BE", "Belgium"), ("BR", "Brazil"), ("CA", "Canada"), ("CL", "Chile"), ("CN", "China"),
    ("CO", "Colombia"), ("CZ", "Czechia"), ("DK", "Denmark"), ("EG", "Egypt"), ("FI", "Finland"), ("FR", "France"),
    ("GE", "Georgia"), ("DE", "Germany"), ("GR", "Greece"), ("IN", "India"), ("ID", "Indonesia"), ("IR", "Iran"),
    ("IQ", "Iraq"), ("IE", "Ireland"), ("IL", "Israel"), ("IT", "Italy"), ("JP", "Japan"), ("JO", "Jordan"),
    ("KR", "Korea"), ("LB", "Lebanon"), ("MY", "Malaysia"), ("MX", "Mexico"), ("NL", "Netherlands"),
    ("NZ", "New Zealand"), ("NG", "Nigeria"), ("NO", "Norway"), ("PK", "Pakistan"), ("PL", "Poland"),
    ("PT", "Portugal"), ("RO", "Romania"), ("RU", "Russia"), ("ZA", "South Africa"), ("ES", "Spain"),
    ("SE", "Sweden"), ("CH", "Switzerland"), ("TJ", "Tajikistan"), ("TR", "Türkiye"), ("UA", "Ukraine"),
    ("AE", "United Arab Emirates"), ("GB", "United Kingdom"), ("US", "United States"), ("ZZ", "Elsewhere"),
)  # fmt: skip


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 1000, "dir": "auto"}),
    )
    display_name = forms.CharField(
        label=_("Name to show (optional)"), max_length=80, required=False, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    country = FixedChoiceField(label=_("Country (optional)"), choices=COUNTRIES, required=False)
    city = forms.CharField(
        label=_("City (optional)"), max_length=80, required=False, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    contact = forms.CharField(
        label=_("Contact for follow-up (optional)"),
        max_length=200,
        required=False,
        help_text=_(
            "Sealed at once to a key that is not on this server; only the coalition's offline team can read it."
        ),
    )
    consent = forms.BooleanField(label=_("I agree that this message may be published and broadcast."), required=True)
    # Proof of work: one of the two lanes must be satisfied (see pow.py).
    altcha = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    wait_token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=300)
    website = forms.CharField(required=False, label=_("Leave this empty"), max_length=100)  # a honeypot

    def __init__(self, *args: Any, contact_enabled: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not contact_enabled:
            del self.fields["contact"]

    def submission(self) -> services.Submission:
        data = self.cleaned_data
        return services.Submission(
            text=data["text"],
            display_name=data.get("display_name", ""),
            country=data.get("country", "") if data.get("country") != "ZZ" else "",
            city=data.get("city", ""),
            consent=bool(data["consent"]),
            contact=data.get("contact", ""),
        )


DECISIONS = (("approve", _("Approve")), ("reject", _("Reject")), ("hold", _("Hold")))
REASON_LABELS = {
    "fine": _("Fine to publish"),
    "spam": _("Spam"),
    "commercial": _("Commercial advertising"),
    "dating": _("Dating advertising"),
    "abuse": _("Abuse or hate"),
    "off-topic": _("Off topic"),
    "personal-data": _("Personal data"),
    "link": _("Link, handle or number"),
    "duplicate": _("Duplicate"),
    "other": _("Other"),
    "unsure": _("Unsure, a second look"),
    "needs-translation": _("Needs a translation first"),
}


# What each screening reason (solidarity.relay.screening.Reason) says to a moderator.
SCREENING_LABELS = {
    "empty": _("empty"),
    "too-long": _("too long"),
    "link": _("link"),
    "handle": _("account handle"),
    "phone": _("phone number"),
    "email": _("e-mail address"),
    "commercial": _("commercial"),
    "dating": _("dating"),
    "crypto": _("cryptocurrency"),
    "spam": _("spam"),
    "abuse": _("abuse"),
    "off-language": _("language not on the list"),
    "off-topic": _("off topic"),
    "bidi-control": _("direction controls"),
    "mixed-script": _("mixed scripts"),
    "shouting": _("shouting"),
    "advertising": _("reads like advertising (classifier)"),
}
DECISION_LABELS = dict(DECISIONS)
# The channels a transmission goes out on (services.CHANNELS), by name.
CHANNEL_LABELS = {"public-download": _("public download (signed bundle)")}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS)
    reason = forms.ChoiceField(label=_("Reason"), choices=list(REASON_LABELS.items()))
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True)
    whole_clusters = forms.BooleanField(label=_("Apply to their whole clusters"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raw = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        ids_field = self.fields["ids"]
        assert isinstance(ids_field, forms.TypedMultipleChoiceField)  # noqa: S101  # declared above
        ids_field.choices = [(value, value) for value in raw if str(value).isdigit()][:500]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reason") not in services.REASONS.get(data.get("decision", ""), ()):
            raise forms.ValidationError(_("This reason does not fit this decision."))
        return data


class TranslationForm(forms.Form):
    text = forms.CharField(
        label=_("Translation"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"})
    )


class TransmissionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Transmission.Kind.choices)
    day = CalendarDateField(label=_("Day"))


class SignedFileForm(forms.Form):
    signed = forms.FileField(label=_("Signed file (.signed.zip)"))


class ReferenceForm(forms.Form):
    """The reference shown after sending: all a sender needs to check on their message."""

    reference = forms.CharField(label=_("Reference"), max_length=24, widget=forms.TextInput(attrs={"dir": "ltr"}))
