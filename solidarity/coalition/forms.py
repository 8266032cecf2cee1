"""Forms of the coalition registry."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.coalition.models import Delegate, Organization, Term
from solidarity.coalition.services import OrganizationData
from solidarity.core.forms import with_codes


class TermChoiceField(forms.ModelMultipleChoiceField[Term]):
    def label_from_instance(self, obj: Term) -> str:
        from django.utils.translation import get_language

        return obj.name_fa if (get_language() or "").startswith("fa") and obj.name_fa else obj.name_en


class OrganizationChoiceField(forms.ModelMultipleChoiceField[Organization]):
    """Member organizations by their name in the reader's language."""

    def label_from_instance(self, obj: Organization) -> str:
        from django.utils.translation import get_language

        return obj.name_fa if (get_language() or "").startswith("fa") and obj.name_fa else obj.name_en


def _terms(kind: str) -> Any:
    return Term.objects.filter(kind=kind, is_active=True).order_by("position", "name_en")


class OrganizationForm(forms.Form):
    """The public application form, also used by organizers to edit an organization."""

    name_en = forms.CharField(label=_("Name in English"), max_length=200, widget=forms.TextInput(attrs={"dir": "ltr"}))
    name_fa = forms.CharField(
        label=_("Name in Persian"), max_length=200, required=False, widget=forms.TextInput(attrs={"dir": "rtl"})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Organization.Kind.choices)
    base = forms.ChoiceField(label=_("Where it works"), choices=Organization.Base.choices)
    families = TermChoiceField(
        label=_("Political families"),
        queryset=_terms(Term.Kind.FAMILY),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    ties = TermChoiceField(
        label=_("Ethnic and regional ties"),
        queryset=_terms(Term.Kind.TIE),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = TermChoiceField(
        label=_("Social sectors"),
        queryset=_terms(Term.Kind.SECTOR),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.CharField(
        label=_("Countries"),
        max_length=200,
        required=False,
        help_text=with_codes(_("Two-letter codes separated by commas, e.g. %(example)s"), {"example": "IR, DE"}),
    )
    cities = forms.CharField(label=_("Cities"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("Description in English"),
        widget=forms.Textarea(attrs={"lang": "en", "dir": "ltr"}),
        max_length=4000,
        required=False,
    )
    description_fa = forms.CharField(
        label=_("Description in Persian"), widget=forms.Textarea, max_length=4000, required=False
    )
    contact = forms.CharField(
        label=_("Public contact"), max_length=200, required=False, help_text=_("Shown publicly. Leave empty if unsafe.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Re-evaluate the term lists per form: organizers edit taxonomies while the server runs.
        for name, kind in (("families", Term.Kind.FAMILY), ("ties", Term.Kind.TIE), ("sectors", Term.Kind.SECTOR)):
            self.fields[name].queryset = _terms(kind)  # type: ignore[attr-defined]  # ModelMultipleChoiceField

    def clean_countries(self) -> str:
        codes = [code.strip().upper() for code in self.cleaned_data["countries"].split(",") if code.strip()]
        bad = [code for code in codes if not (len(code) == 2 and code.isascii() and code.isalpha())]
        if bad:
            raise forms.ValidationError(
                _("Use two-letter country codes such as IR or DE, not: %(codes)s"), params={"codes": ", ".join(bad)}
            )
        return ",".join(codes)

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        # On a new server the coalition has not named its families, ties and sectors yet: nothing to choose.
        named = any(self.fields[name].queryset.exists() for name in ("families", "ties", "sectors"))  # type: ignore[attr-defined]
        if data is not None and named and not (data.get("families") or data.get("ties") or data.get("sectors")):
            raise forms.ValidationError(_("Choose at least one political family, tie or sector."))
        return data

    def to_data(self) -> OrganizationData:
        data = self.cleaned_data
        return OrganizationData(
            name_en=data["name_en"],
            name_fa=data["name_fa"],
            kind=data["kind"],
            base=data["base"],
            families=list(data["families"]),
            ties=list(data["ties"]),
            sectors=list(data["sectors"]),
            countries=data["countries"],
            cities=data["cities"],
            description_en=data["description_en"],
            description_fa=data["description_fa"],
            contact=data["contact"],
        )


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(value, label) for value, label in Organization.Status.choices],
    )
    reason = forms.CharField(label=_("Reason (recorded)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, with a header row"))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from error


class TermForm(forms.Form):
    kind = forms.ChoiceField(label=_("Taxonomy"), choices=Term.Kind.choices)
    slug = forms.SlugField(label=_("Key"), max_length=60)
    name_en = forms.CharField(label=_("Name in English"), max_length=120)
    name_fa = forms.CharField(label=_("Name in Persian"), max_length=120)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=1000, initial=0)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class DelegateForm(forms.Form):
    display_name = forms.CharField(
        label=_("Public display name"), max_length=120, help_text=_("A pseudonym is normal.")
    )
    organizations = OrganizationChoiceField(
        label=_("Organizations represented"),
        queryset=Organization.objects.filter(status=Organization.Status.MEMBER).order_by("name_en"),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Delegate.Role.choices)
    lives_inside = forms.BooleanField(label=_("Lives inside the country"), required=False)
    legal_name = forms.CharField(label=_("Legal name (encrypted)"), max_length=200, required=False)
    contact = forms.CharField(label=_("Private contact (encrypted)"), max_length=200, required=False)
