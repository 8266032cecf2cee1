"""Forms for defining elections, appointing trustees and uploading what the trustee tool wrote."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from solidarity.coalition.models import Delegate
from solidarity.core.forms import CalendarDateTimeField, ScriptTaggedSelect
from solidarity.core.models import User
from solidarity.core.roles import Role
from solidarity.elections.models import GENDER_CHOICES, Election


def assembly_choices() -> list[tuple[str, str]]:
    """The assemblies by name (the electorate is who checked in there), newest first."""
    from django.utils.translation import get_language

    from solidarity.assemblies.models import Assembly

    persian = get_language() == "fa"
    return [("", str(_("none: every accredited delegate")))] + [
        (str(pk), f"{name_fa if persian else name_en} ({starts_on:%Y-%m-%d})")
        for pk, name_en, name_fa, starts_on in Assembly.objects.values_list("pk", "name_en", "name_fa", "starts_on")
    ]


def charter_choices() -> list[tuple[str, str]]:
    """The deliberation's charters by title, for a motion that puts one to the vote."""
    from django.utils.translation import get_language

    from solidarity.deliberation.models import Charter

    persian = get_language() == "fa"
    return [("", str(_("none")))] + [
        (str(pk), (title_fa or title_en) if persian else title_en)
        for pk, title_en, title_fa in Charter.objects.values_list("pk", "title_en", "title_fa")
    ]


class ElectionForm(forms.ModelForm):  # type: ignore[type-arg]  # ModelForm generics are stub-only
    assembly_id = forms.TypedChoiceField(
        choices=assembly_choices,
        coerce=int,
        empty_value=None,
        required=False,
        label=_("assembly (electorate: checked in there)"),
    )
    charter_id = forms.TypedChoiceField(
        choices=charter_choices,
        coerce=int,
        empty_value=None,
        required=False,
        label=_("charter put to the vote (a motion only; frozen with the definition)"),
    )
    min_women = forms.IntegerField(label=_("at least this many women"), min_value=0, required=False)
    max_per_organization = forms.IntegerField(
        label=_("at most this many per organization"), min_value=1, required=False
    )
    quorum = forms.CharField(
        label=_("quorum: share of the voter roll that must cast a ballot"),
        help_text=_("A fraction such as 1/2 or 2/3, or a percentage such as 40%. Leave empty for no quorum."),
        max_length=20,
        required=False,
    )

    def clean_quorum(self) -> str:
        """Read a fraction p/q or a percentage; empty is no quorum ("0/1")."""
        from fractions import Fraction

        from solidarity.core.text import to_ascii_digits
        from solidarity.elections import tally

        # A Persian reader writes "۱/۲" or "۴۰٪", as the Persian hint shows.
        text = to_ascii_digits(str(self.cleaned_data.get("quorum", ""))).strip().replace(" ", "").replace("٪", "%")
        if not text:
            return tally.NO_QUORUM
        if text.endswith("%") and text[:-1].isascii() and text[:-1].isdigit():
            share = Fraction(int(text[:-1]), 100)
            text = f"{share.numerator}/{share.denominator}"
        try:
            tally.parse_quorum(text)
        except tally.CountError as error:
            raise forms.ValidationError(
                _("Write the quorum as a fraction p/q between 0 and 1, such as 1/2, or as a percentage such as 40%.")
            ) from error
        return text

    class Meta:
        model = Election
        fields = (
            "slug",
            "title_en",
            "title_fa",
            "rule",
            "seats",
            "threshold",
            "motion_en",
            "motion_fa",
            "assembly_id",
            "charter_id",
            "opens_at",
            "closes_at",
            "trustee_threshold",
            "trustee_count",
        )
        labels = {"slug": _("Short name in addresses")}  # noqa: RUF012 -- Django reads Meta.labels as a dict
        field_classes = {  # noqa: RUF012 -- Django reads Meta.field_classes as a dict
            "opens_at": CalendarDateTimeField,
            "closes_at": CalendarDateTimeField,
        }


class CandidateForm(forms.Form):
    delegate = forms.ModelChoiceField(
        queryset=Delegate.objects.filter(is_accredited=True), label=_("delegate"), widget=ScriptTaggedSelect
    )
    name_fa = forms.CharField(label=_("name in Persian"), max_length=120, required=False)
    gender = forms.ChoiceField(choices=GENDER_CHOICES, label=_("gender"), required=False)


class CandidateEditForm(forms.Form):
    name_en = forms.CharField(label=_("name in English"), max_length=120)
    name_fa = forms.CharField(label=_("name in Persian"), max_length=120, required=False)
    gender = forms.ChoiceField(choices=GENDER_CHOICES, label=_("gender"), required=False)


class TrusteeForm(forms.Form):
    trustee = forms.ModelChoiceField(
        queryset=User.objects.filter(groups__name=Role.TRUSTEE.value).order_by("username"),
        label=_("trustee"),
        widget=ScriptTaggedSelect,
    )


class TrusteeMessageForm(forms.Form):
    message = forms.FileField(label=_("the file the trustee tool wrote (message.json)"))
