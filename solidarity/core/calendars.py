"""Dates and numbers as a reader expects them: Solar Hijri and Persian digits in Persian."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

import jdatetime
from django.utils import formats, timezone, translation
from django.utils.translation import get_language

from solidarity.core.months import solar_hijri_month
from solidarity.core.text import to_persian_digits

# The reader's language while a request is answered, read once (issue 12). Django keeps the active
# language in an asgiref Local, each read of which takes a lock (about 10 us on a loaded machine),
# and the filters of one programme page asked for it some 500 times. The pin always equals Django's
# active language: the middleware sets it from Django's, and `override` moves both together.
_pinned: ContextVar[str | None] = ContextVar("solidarity_reader_language", default=None)


def current_language() -> str:
    """Return the active language: the one pinned for this request, else Django's."""
    return _pinned.get() or get_language() or "en"


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Pin the reader's language while a request is answered (`ReaderLanguageMiddleware`)."""
    token = _pinned.set(language)
    try:
        yield
    finally:
        _pinned.reset(token)


@contextmanager
def override(language: str) -> Iterator[None]:
    """Switch the active language for a block, pin and all: use it instead of `translation.override`."""
    with translation.override(language), reading_in(language):
        yield


def is_persian(language: str | None = None) -> bool:
    return (language or current_language()).startswith("fa")


def to_jalali(value: date) -> jdatetime.date:
    """Convert a Gregorian date to the Solar Hijri calendar."""
    return jdatetime.date.fromgregorian(date=value)


def format_date(value: date | datetime | None, *, language: str | None = None, with_time: bool = False) -> str:
    """Format a date in the reader's calendar: "۲ آذر ۱۴۰۵" in Persian, "23 Nov 2026" in English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        clock = value.strftime("%H:%M")
        day = value.date()
    else:
        clock, day = "", value
    if is_persian(language):
        jalali = to_jalali(day)
        text = f"{jalali.day} {solar_hijri_month(jalali.month)} {jalali.year}"
        if with_time:
            text = f"{text}، {clock}"
        return to_persian_digits(text)
    # Django names the month in the active language: name it in the one asked for.
    with override(language or current_language()):
        text = formats.date_format(day, "j M Y", use_l10n=False)
    return f"{text}, {clock}" if with_time else text


def format_short_date(value: date | datetime | None, *, language: str | None = None) -> str:
    """Format a date as numbers, for tables: "۱۴۰۵/۰۹/۰۲" in Persian, ISO "2026-11-23" in English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if is_persian(language):
        jalali = to_jalali(value)
        return to_persian_digits(f"{jalali.year:04d}/{jalali.month:02d}/{jalali.day:02d}")
    return value.isoformat()


def format_number(value: int | float | None, *, language: str | None = None, decimals: int = 0) -> str:
    """Format a number with grouping, in Persian digits for a Persian reader."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return to_persian_digits(text) if is_persian(language) else text


def month_label(year: int, month: int, *, language: str | None = None) -> str:
    """Name a Gregorian month, or a Solar Hijri month when (year, month) is Solar Hijri in Persian."""
    if is_persian(language):
        return to_persian_digits(f"{solar_hijri_month(month)} {year}")
    return date(year, month, 1).strftime("%b %Y")
