"""Month names of the Solar Hijri and Gregorian calendars, in one place (pure Python, no Django).

The Solar Hijri names are jdatetime's (already the calendar arithmetic everywhere); the pipeline's
date parser, the gazetteer's stop words, the dashboard and the demo all read them from here.
"""

from __future__ import annotations

import jdatetime

# "فروردین" … "اسفند", and their usual Latin transliterations "Farvardin" … "Esfand".
SOLAR_HIJRI_FA: tuple[str, ...] = tuple(jdatetime.date.j_months_fa)
SOLAR_HIJRI_LATIN: tuple[str, ...] = tuple(jdatetime.date.j_months_en)
# English names, not the locale's: `calendar.month_name` follows LC_TIME, and parsers need English.
GREGORIAN_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def solar_hijri_month(month: int, *, latin: bool = False) -> str:
    """Name a Solar Hijri month (1–12) in Persian, or in Latin letters."""
    return (SOLAR_HIJRI_LATIN if latin else SOLAR_HIJRI_FA)[month - 1]
