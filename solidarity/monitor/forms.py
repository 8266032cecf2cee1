"""Forms of the monitor: dashboard filters, analyst review and the ACLED comparison upload."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from solidarity.core.forms import CalendarDateField, with_names
from solidarity.core.text import persian_sort_key
from solidarity.monitor.models import Source, SubEventType
from solidarity.monitor.pipeline.sectors import SECTORS
from solidarity.monitor.selectors import EventFilters


def _province_choices() -> list[tuple[str, object]]:
    from solidarity.monitor.pipeline.places import default_gazetteer

    # Named in the reader's language only (the form is made per request), in that language's order.
    if (get_language() or "").startswith("fa"):
        named = [(p.iso, p.name_fa or p.name_en) for p in default_gazetteer().provinces.values()]
        named.sort(key=lambda choice: persian_sort_key(choice[1]))
    else:
        named = sorted(((p.iso, p.name_en) for p in default_gazetteer().provinces.values()), key=lambda c: c[1])
    return [("", _("All provinces")), *named]


def _sector_choices() -> list[tuple[str, str]]:
    """Return the sectors named in the page's language (the taxonomy carries English and Persian)."""
    persian = (get_language() or "").startswith("fa")
    return [(slug, fa if persian else en) for slug, en, fa, _pattern in SECTORS]


class FilterForm(forms.Form):
    start = CalendarDateField(label=_("From"), required=False)
    end = CalendarDateField(label=_("Until"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    grade = forms.ChoiceField(label=_("Source grade"), required=False)
    corroborated = forms.ChoiceField(
        label=_("Corroboration"),
        required=False,
        choices=[("", _("All")), ("yes", _("Corroborated")), ("no", _("Unverified"))],
    )
    month = forms.CharField(required=False, widget=forms.HiddenInput, max_length=10)
    city = forms.CharField(required=False, widget=forms.HiddenInput, max_length=120)
    min_sources = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0, max_value=50)
    calendar = forms.ChoiceField(
        label=_("Months"),
        required=False,
        choices=[("", _("Default")), ("gregorian", _("Gregorian")), ("jalali", _("Solar Hijri"))],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # forwarded unchanged to Form
        self.fields["sector"].choices = [("", _("All sectors")), *_sector_choices()]  # type: ignore[attr-defined]  # ChoiceField
        self.fields["province"].choices = _province_choices()  # type: ignore[attr-defined]  # ChoiceField
        self.fields["type"].choices = [("", _("All types")), *SubEventType.choices]  # type: ignore[attr-defined]  # ChoiceField
        self.fields["grade"].choices = [("", _("Any grade"))] + [c for c in Source.Grade.choices if c[0]]  # type: ignore[attr-defined]  # ChoiceField

    def filters(self) -> EventFilters:
        """Return the valid filters (invalid ones are ignored)."""
        if not self.is_valid():
            return EventFilters()
        data = self.cleaned_data
        return EventFilters(
            start=data.get("start"),
            end=data.get("end"),
            sector=data.get("sector") or "",
            province=data.get("province") or "",
            city=data.get("city") or "",
            sub_event_type=data.get("type") or "",
            grade=data.get("grade") or "",
            corroborated=data.get("corroborated") or "",
            month=data.get("month") or "",
            min_sources=data.get("min_sources") or 0,
        )


class CorrectionForm(forms.Form):
    """A review form: `changes` names the fields (of NAMES) that the analyst actually changed."""

    NAMES: tuple[str, ...] = ()

    def changes(self, initial: Mapping[str, object]) -> dict[str, object]:
        """Return the fields the analyst changed."""
        return {
            n: self.cleaned_data[n]
            for n in self.NAMES
            if self.cleaned_data.get(n) not in (None, "") and self.cleaned_data[n] != initial.get(n)
        }


class ReviewForm(CorrectionForm):
    action = forms.ChoiceField(
        label=_("Decision"), choices=[("confirm", _("Confirm")), ("correct", _("Correct")), ("reject", _("Reject"))]
    )
    sub_event_type = forms.ChoiceField(label=_("Type"), choices=SubEventType.choices, required=False)
    event_date = CalendarDateField(label=_("Date"), required=False)
    city = forms.CharField(
        label=_("City"),
        required=False,
        max_length=120,
        help_text=_("In English or Persian; the gazetteer gives its province and coordinates."),
    )
    province_iso = forms.ChoiceField(label=_("Province"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    crowd_low = forms.IntegerField(label=_("Crowd size (low)"), required=False, min_value=0)
    crowd_high = forms.IntegerField(label=_("Crowd size (high)"), required=False, min_value=0)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    NAMES = ("sub_event_type", "event_date", "city", "province_iso", "sector", "crowd_low", "crowd_high")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # forwarded unchanged to Form
        self.fields["province_iso"].choices = _province_choices()[1:]  # type: ignore[attr-defined]  # ChoiceField
        self.fields["sector"].choices = [("", "—"), *_sector_choices()]  # type: ignore[attr-defined]  # ChoiceField

    def clean(self) -> dict[str, object]:
        """Refuse a town the gazetteer does not know (in the chosen province, when it was changed)."""
        from solidarity.monitor.pipeline.places import geocode

        data = super().clean() or {}
        city = data.get("city")
        if city and city != self.initial.get("city"):
            province = data.get("province_iso")
            changed_province = province if province and province != self.initial.get("province_iso") else None
            if geocode(str(city), str(changed_province) if changed_province else None) is None:
                self.add_error("city", _("No town of that name in the gazetteer (or not in the chosen province)."))
        return data


class ClaimReviewForm(CorrectionForm):
    """Correct a misread claim: what the claimant said, never a count of ours."""

    claimant = forms.CharField(label=_("Claimant"), required=False, max_length=300)
    count = forms.IntegerField(label=_("Claimed number"), required=False, min_value=0)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=60)
    places = forms.IntegerField(label=_("Number of places"), required=False, min_value=0)
    period_start = CalendarDateField(label=_("Period from"), required=False)
    period_end = CalendarDateField(label=_("Period until"), required=False)
    area_iso = forms.ChoiceField(label=_("Area"), required=False)

    NAMES = ("claimant", "count", "unit", "places", "period_start", "period_end", "area_iso")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # forwarded unchanged to Form
        self.fields["area_iso"].choices = [("IR", _("All of Iran")), *_province_choices()[1:]]  # type: ignore[attr-defined]  # ChoiceField

    def clean(self) -> dict[str, object]:
        """Refuse a period that ends before it starts."""
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date) and start > end:
            self.add_error("period_end", _("The period ends before it starts."))
        return data


class CompareForm(forms.Form):
    file = forms.FileField(label=_("ACLED CSV export"))


class GradeForm(forms.Form):
    source = forms.IntegerField(widget=forms.HiddenInput)
    grade = forms.ChoiceField(label=_("Grade"), choices=Source.Grade.choices, required=False)
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.TextInput)


class AddReportForm(forms.Form):
    """A report an analyst adds from the web: pasted text or a file; its address is kept as text only."""

    source = forms.CharField(
        label=_("Source"), required=False, max_length=200, help_text=_("The outlet or group it comes from.")
    )
    url = forms.CharField(
        label=_("Address (URL)"),
        required=False,
        max_length=2000,
        help_text=_("Stored as text; the platform never opens it. Paste the report's text or send its file."),
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=500)
    # In the reader's calendar (Solar Hijri on Persian pages, Persian digits accepted), without script.
    published = CalendarDateField(label=_("Published on"), required=False)
    text = forms.CharField(label=_("Text of the report"), required=False, widget=forms.Textarea(attrs={"rows": 10}))
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=with_names(
            _(
                "%(html)s, text, RSS/Atom or %(warc)s, %(gzip)s-compressed or not; "
                "read under the same caps as the command line."
            ),
            {"html": "HTML", "warc": "WARC", "gzip": "gzip"},
        ),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        has_text = bool((data.get("text") or "").strip())
        if has_text == bool(data.get("file")):
            raise forms.ValidationError(_("Paste the text of the report or send a file (one of the two)."))
        return data
