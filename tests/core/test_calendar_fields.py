"""Dates and times typed in the reader's calendar: Solar Hijri on Persian pages, ISO on English ones."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django import forms
from django.utils import timezone, translation

from solidarity.core.forms import CalendarDateField, CalendarDateTimeField, parse_calendar_date


class DateForm(forms.Form):
    day = CalendarDateField()
    moment = CalendarDateTimeField(required=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1403/12/30", dt.date(2025, 3, 20)),  # 1403 is a leap year: its Esfand has 30 days
        ("۱۴۰۳/۱۲/۳۰", dt.date(2025, 3, 20)),
        ("١٤٠٣/١٢/٣٠", dt.date(2025, 3, 20)),  # Arabic-Indic digits from an Arabic keyboard
        ("1404/01/01", dt.date(2025, 3, 21)),  # Nowruz
        ("1399/12/30", dt.date(2021, 3, 20)),  # another leap year
        ("1405/9/15", dt.date(2026, 12, 6)),
        ("2025-03-20", dt.date(2025, 3, 20)),  # ISO, as English pages and date pickers send it
        ("2024-02-29", dt.date(2024, 2, 29)),
    ],
)
def test_either_calendar_reads_to_the_same_day(text: str, expected: dt.date) -> None:
    assert parse_calendar_date(text) == (expected, None)


@pytest.mark.parametrize("text", ["1404/12/30", "1402/12/30", "2025-02-29", "1403/13/01", "yesterday", "1403/12", ""])
def test_a_day_its_calendar_lacks_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_calendar_date(text)


def test_a_time_is_read_beside_the_date() -> None:
    assert parse_calendar_date("۱۴۰۳/۱۲/۳۰ ۱۴:۳۰") == (dt.date(2025, 3, 20), dt.time(14, 30))
    assert parse_calendar_date("2025-03-20T14:30") == (dt.date(2025, 3, 20), dt.time(14, 30))


def test_the_form_stores_the_same_instant_in_both_languages() -> None:
    tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    with timezone.override(tehran):
        with translation.override("fa"):
            persian = DateForm({"day": "۱۴۰۳/۱۲/۳۰", "moment": "۱۴۰۳/۱۲/۳۰ ۲۳:۵۹"})
            assert persian.is_valid(), persian.errors
        with translation.override("en"):
            english = DateForm({"day": "2025-03-20", "moment": "2025-03-20T23:59"})
            assert english.is_valid(), english.errors
    assert persian.cleaned_data == english.cleaned_data
    assert persian.cleaned_data["moment"] == dt.datetime(2025, 3, 20, 23, 59, tzinfo=tehran)


def test_a_non_leap_esfand_30_is_a_form_error_not_a_crash() -> None:
    with translation.override("fa"):
        form = DateForm({"day": "۱۴۰۴/۱۲/۳۰"})
        assert not form.is_valid()
        assert "day" in form.errors


def test_persian_pages_show_a_plain_text_field_in_solar_hijri_and_round_trip() -> None:
    instant = dt.datetime(2025, 3, 20, 10, 30, tzinfo=dt.UTC)
    with timezone.override(dt.UTC), translation.override("fa"):
        form = DateForm(initial={"day": dt.date(2025, 3, 20), "moment": instant})
        html = str(form["day"]) + str(form["moment"])
        assert 'type="text"' in html
        assert 'value="۱۴۰۳/۱۲/۳۰"' in html
        assert 'value="۱۴۰۳/۱۲/۳۰ ۱۰:۳۰"' in html
        assert not any(character.isascii() and character.isdigit() for character in html.split("value=")[1][:14])
        again = DateForm({"day": "۱۴۰۳/۱۲/۳۰", "moment": "۱۴۰۳/۱۲/۳۰ ۱۰:۳۰"})
        assert again.is_valid(), again.errors
    assert again.cleaned_data["moment"] == instant


def test_english_pages_keep_the_iso_date_picker() -> None:
    with timezone.override(dt.UTC), translation.override("en"):
        form = DateForm(
            initial={"day": dt.date(2025, 3, 20), "moment": dt.datetime(2025, 3, 20, 10, 30, tzinfo=dt.UTC)}
        )
        html = str(form["day"]) + str(form["moment"])
    assert 'type="date"' in html
    assert 'value="2025-03-20"' in html
    assert 'type="datetime-local"' in html
    assert 'value="2025-03-20T10:30"' in html


def test_a_refused_entry_is_shown_again_as_typed() -> None:
    with translation.override("fa"):
        form = DateForm({"day": "۱۴۰۴/۱۲/۳۰"})
        assert 'value="۱۴۰۴/۱۲/۳۰"' in str(form["day"])


def test_iso_with_seconds_and_an_offset_is_still_read() -> None:
    form = DateForm({"day": "2025-03-20", "moment": "2026-11-23T09:00:00+00:00"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["moment"] == dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
