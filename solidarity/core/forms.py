"""Forms of the shared kernel: sign-in and the second factor."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, time
from typing import Any

import jdatetime
from django import forms
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from solidarity.core import calendars
from solidarity.core.text import script_language, to_ascii_digits, to_persian_digits


def _with_codes(message: str | Promise, codes: dict[str, str]) -> SafeString:
    html = escape(str(message)) % {
        name: format_html('<code lang="en" dir="ltr">{}</code>', code) for name, code in codes.items()
    }
    return mark_safe(html)  # noqa: S308  # nosec B308 B703  (the message is escaped and each code is escaped)


# A label, help text or error that cites what a person types ("e.g. IR, DE", "paris-2027"): the
# message is translated when shown, and each code is shown as code (`<code lang="en">`) in any
# language, since a person types it as it is. `with_codes(_("e.g. %(example)s"), {"example": "IR"})`.
with_codes = lazy(_with_codes, SafeString)


def _with_names(message: str | Promise, names: dict[str, str]) -> SafeString:
    html = escape(str(message)) % {name: format_html('<bdi lang="en">{}</bdi>', text) for name, text in names.items()}
    return mark_safe(html)  # noqa: S308  # nosec B308 B703  (the message is escaped and each name is escaped)


# The same for names kept in English in any language (file formats with no Persian name: "WARC"),
# marked as English (`<bdi lang="en">`) so a screen reader reads them so.
with_names = lazy(_with_names, SafeString)


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


# Dates and times entered in the reader's calendar ------------------------------------------------

_DATE_TIME = re.compile(
    r"^\s*(\d{3,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s*(?:[T،,]|\s)\s*(\d{1,2})[:٫.](\d{2}))?\s*$"
)
# A year below this is a Solar Hijri year (1403), at or above it a Gregorian one (2025): the two
# calendars are more than six centuries apart, so one text field takes either without a switch.
_FIRST_GREGORIAN_YEAR = 1700


def parse_calendar_date(text: str) -> tuple[date, time | None]:
    """Read "1403/12/30", "۱۴۰۳/۱۲/۳۰ ۱۴:۳۰" or ISO "2025-03-20T14:30" into a Gregorian date and a time.

    Raise ValueError when the text is no date or names a day its calendar lacks (1404/12/30).
    """
    match = _DATE_TIME.match(to_ascii_digits(text))
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.group(1, 2, 3))
    if year < _FIRST_GREGORIAN_YEAR:
        gregorian = jdatetime.date(year, month, day).togregorian()
    else:
        gregorian = date(year, month, day)
    clock = None
    if match.group(4) is not None:
        clock = time(int(match.group(4)), int(match.group(5)))
    return gregorian, clock


class CalendarDateInput(forms.DateInput):
    """A date (or date and time) in the reader's calendar, working without JavaScript.

    In Persian a plain text field shows and takes Solar Hijri ("۱۴۰۳/۱۲/۳۰ ۱۴:۳۰"; Persian or Latin
    digits); in English the browser's ISO date or date-time field.
    """

    def __init__(self, attrs: dict[str, Any] | None = None, *, with_time: bool = False) -> None:
        super().__init__(attrs)
        self.with_time = with_time

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        if calendars.is_persian():
            widget["type"] = "text"
            example = "۱۴۰۵/۰۹/۱۵ ۱۴:۳۰" if self.with_time else "۱۴۰۵/۰۹/۱۵"
            widget["attrs"].setdefault("placeholder", example)
            widget["attrs"].setdefault("size", 16 if self.with_time else 10)
        else:
            widget["type"] = "datetime-local" if self.with_time else "date"
        return context

    def format_value(self, value: Any) -> str | None:
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value  # what the reader typed, shown again beside its error
        moment = value
        if isinstance(moment, datetime) and timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        day = moment.date() if isinstance(moment, datetime) else moment
        clock = moment.strftime("%H:%M") if isinstance(moment, datetime) and self.with_time else ""
        if calendars.is_persian():
            text = calendars.format_short_date(day)
            return f"{text} {to_persian_digits(clock)}" if clock else text
        return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


class CalendarDateField(forms.DateField):
    """A date typed in either calendar (Solar Hijri or ISO), stored as a Gregorian date."""

    widget = CalendarDateInput

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            day, _clock = parse_calendar_date(str(value))
        except ValueError:
            return super().to_python(value)  # Django's own formats, or its "invalid" error
        return day


class CalendarDateTimeField(forms.DateTimeField):
    """A date and time typed in either calendar, read in the current time zone, stored as an instant."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", CalendarDateInput(with_time=True))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return from_current_timezone(value)
        try:
            day, clock = parse_calendar_date(str(value))
        except ValueError:
            # ISO with seconds or an offset ("2026-11-23T09:00:00+00:00"), or Django's "invalid" error.
            return super().to_python(value)
        return from_current_timezone(datetime.combine(day, clock or time(0, 0)))


class FixedChoiceField(forms.ChoiceField):
    """A choice field whose choices never change per form: each form shares them.

    Django deep-copies every field of a form when the form is made, and a choice field's copy
    copies its choices and normalizes them again for the widget. For the relay's country list that
    was three quarters of making the message form, and making and checking the form about a
    third of the CPU of accepting a message (issue 12). This copies the field as Django's
    `Field.__deepcopy__` and `ChoiceWidget.__deepcopy__` do, minus the choices, which stay shared:
    nothing may change them on a form instance.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> FixedChoiceField:
        result = copy.copy(self)
        memo[id(self)] = result
        widget = copy.copy(self.widget)
        widget.attrs = self.widget.attrs.copy()
        memo[id(self.widget)] = widget
        result.widget = widget
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class ScriptTaggedSelect(forms.Select):
    """A choice whose options in Latin letters say so (`lang`), as does the closed list when the
    option it shows is one of them: a screen reader reads "Africa/Abidjan" with a Latin voice."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        language = script_language(str(option["label"]))
        if language:
            option["attrs"]["lang"] = language
        return option

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        shown = [
            option
            for _group, options, _index in context["widget"]["optgroups"]
            for option in options
            if option["selected"]
        ]
        languages = {option["attrs"].get("lang", "") for option in shown}
        if shown and len(languages) == 1 and "" not in languages:
            context["widget"]["attrs"]["lang"] = languages.pop()
        return context


class ScriptTaggedSelectMultiple(ScriptTaggedSelect, forms.SelectMultiple):
    """A list of names (people, organizations) whose options in Latin letters say so (`lang`); the
    list itself says so when every name it shows (its options) is in Latin letters."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = forms.SelectMultiple.get_context(self, name, value, attrs)
        options = [
            option for _group, group_options, _index in context["widget"]["optgroups"] for option in group_options
        ]
        languages = {option["attrs"].get("lang", "") for option in options}
        if options and len(languages) == 1 and "" not in languages:
            context["widget"]["attrs"]["lang"] = languages.pop()
        return context


class ScriptTaggedTextarea(forms.Textarea):
    """A text field of either direction whose text, when in Latin letters only, says so (`lang`):
    an address typed in Latin letters is edited on a Persian page as what it is."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        language = script_language(str(value or ""))
        if language and "lang" not in context["widget"]["attrs"]:
            context["widget"]["attrs"]["lang"] = language
        return context
