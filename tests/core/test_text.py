"""Persian text folding, digits and the Solar Hijri calendar."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from solidarity.core import calendars
from solidarity.core.text import fold_for_search, normalize_for_display, to_ascii_digits, to_persian_digits


def test_arabic_and_persian_letter_variants_fold_together():
    assert fold_for_search("كيان") == fold_for_search("کیان")
    assert fold_for_search("می‌خواهیم") == fold_for_search("میخواهیم")  # ZWNJ
    assert fold_for_search("۱۴۰۵") == fold_for_search("١٤٠٥") == "1405"
    assert fold_for_search("Café  TEHRAN") == "cafe tehran"


def test_display_normalization_removes_bidi_overrides_but_keeps_zwnj():
    assert normalize_for_display("\u202eabc\u202c") == "abc"
    assert "\u200c" in normalize_for_display("می\u200cخواهیم")
    assert normalize_for_display("علي") == "علی"


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(number):
    assert to_ascii_digits(to_persian_digits(str(number))) == str(number)


@given(st.text())
def test_folding_is_idempotent(text):
    assert fold_for_search(fold_for_search(text)) == fold_for_search(text)


def test_dates_follow_the_readers_calendar():
    assert calendars.format_date(date(2026, 11, 23), language="fa") == "۲ آذر ۱۴۰۵"
    assert calendars.format_date(date(2026, 3, 21), language="fa") == "۱ فروردین ۱۴۰۵"
    assert calendars.format_date(date(2026, 11, 23), language="en") == "23 Nov 2026"


def test_numbers_use_persian_digits_and_separators():
    assert calendars.format_number(12345, language="fa") == "۱۲٬۳۴۵"
    assert calendars.format_number(12345, language="en") == "12,345"


def test_exact_decimals_render_without_trailing_zeros():
    from django.utils import translation

    from solidarity.core.templatetags.solidarity import decimal

    with translation.override("en"):
        assert decimal("2.00000") == "2"
        assert decimal("1234.50000") == "1,234.5"
        assert decimal("not a number") == "not a number"
    with translation.override("fa"):
        assert decimal("1.33333") == "۱٫۳۳۳۳۳"


def test_an_english_date_is_english_whatever_language_is_active():
    from django.utils import translation

    with translation.override("fa"):
        assert calendars.format_date(date(2026, 11, 23), language="en") == "23 Nov 2026"
    with translation.override("en"):
        assert calendars.format_date(date(2026, 11, 23), language="fa") == "۲ آذر ۱۴۰۵"
