"""Names a reader reads in place of a code: languages and time zones, in the active language.

A language code ("ku") or a time-zone key ("Europe/Paris") is stored as it is and shown by name:
"کردی", "پاریس" on a Persian page, "Kurdish", "Paris" on an English one. A code with no name here
is shown as Django knows it, and a zone with no city name here by its offset from UTC.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from solidarity.core import calendars
from solidarity.core.text import to_persian_digits

LANGUAGE_NAMES: dict[str, Promise] = {
    "fa": _("Persian"),
    "fa-Latn": _("Finglish (Persian in Latin letters)"),
    "und": _("language unknown"),
    "en": _("English"),
    "ku": _("Kurdish"),
    "ckb": _("Central Kurdish"),
    "kmr": _("Kurmanji Kurdish"),
    "az": _("Azerbaijani Turkish"),
    "bal": _("Baluchi"),
    "ar": _("Arabic"),
    "tr": _("Turkish"),
    "fr": _("French"),
    "de": _("German"),
    "es": _("Spanish"),
    "it": _("Italian"),
    "nl": _("Dutch"),
    "sv": _("Swedish"),
    "no": _("Norwegian"),
    "da": _("Danish"),
    "pt": _("Portuguese"),
    "ru": _("Russian"),
    "hy": _("Armenian"),
    "lrc": _("Luri"),
    "glk": _("Gilaki"),
    "mzn": _("Mazandarani"),
    "tk": _("Turkmen"),
}

# The city each time zone is named after, for the zones the coalition's venues use most.
ZONE_CITIES: dict[str, Promise] = {
    "Asia/Tehran": _("Tehran"),
    "Asia/Baghdad": _("Baghdad"),
    "Asia/Dubai": _("Dubai"),
    "Asia/Yerevan": _("Yerevan"),
    "Asia/Baku": _("Baku"),
    "Asia/Tbilisi": _("Tbilisi"),
    "Asia/Kabul": _("Kabul"),
    "Asia/Karachi": _("Karachi"),
    "Asia/Qatar": _("Qatar"),
    "Asia/Tokyo": _("Tokyo"),
    "Europe/Istanbul": _("Istanbul"),
    "Europe/London": _("London"),
    "Europe/Dublin": _("Dublin"),
    "Europe/Paris": _("Paris"),
    "Europe/Berlin": _("Berlin"),
    "Europe/Stockholm": _("Stockholm"),
    "Europe/Oslo": _("Oslo"),
    "Europe/Copenhagen": _("Copenhagen"),
    "Europe/Helsinki": _("Helsinki"),
    "Europe/Amsterdam": _("Amsterdam"),
    "Europe/Brussels": _("Brussels"),
    "Europe/Vienna": _("Vienna"),
    "Europe/Zurich": _("Zurich"),
    "Europe/Rome": _("Rome"),
    "Europe/Madrid": _("Madrid"),
    "Europe/Lisbon": _("Lisbon"),
    "Europe/Athens": _("Athens"),
    "Europe/Moscow": _("Moscow"),
    "America/Toronto": _("Toronto"),
    "America/Vancouver": _("Vancouver"),
    "America/New_York": _("New York"),
    "America/Chicago": _("Chicago"),
    "America/Denver": _("Denver"),
    "America/Los_Angeles": _("Los Angeles"),
    "Australia/Sydney": _("Sydney"),
    "Australia/Melbourne": _("Melbourne"),
    "UTC": _("Coordinated Universal Time"),
}


# Countries by ISO 3166 code, for where senders write from and where venues are.
COUNTRY_NAMES: dict[str, Promise] = {
    "IR": _("Iran"), "AF": _("Afghanistan"), "AM": _("Armenia"), "AE": _("United Arab Emirates"),
    "AR": _("Argentina"), "AT": _("Austria"), "AU": _("Australia"), "AZ": _("Azerbaijan"),
    "BE": _("Belgium"), "BR": _("Brazil"), "CA": _("Canada"), "CH": _("Switzerland"),
    "DE": _("Germany"), "DK": _("Denmark"), "ES": _("Spain"), "FI": _("Finland"), "FR": _("France"),
    "GB": _("United Kingdom"), "GE": _("Georgia"), "GR": _("Greece"), "IE": _("Ireland"),
    "IQ": _("Iraq"), "IT": _("Italy"), "JO": _("Jordan"), "JP": _("Japan"), "LB": _("Lebanon"),
    "MX": _("Mexico"), "NZ": _("New Zealand"), "NL": _("Netherlands"), "NO": _("Norway"), "PT": _("Portugal"),
    "SE": _("Sweden"), "TR": _("Turkey"), "US": _("United States"),
}  # fmt: skip


# Letters that name items of a list in order (opinion groups "A", "B"…): Persian lists use the
# alphabet's letters by their names, "الف", "ب", "پ"….
PERSIAN_LETTERS = ["الف", "ب", "پ", "ت", "ث", "ج", "چ", "ح", "خ", "د", "ذ", "ر", "ز", "ژ", "س", "ش", "ص", "ض"]


def list_letter(index: int, *, persian: bool | None = None) -> str:
    """Name the item at `index` (from 0) of a list by a letter of the reader's alphabet: "A" or "الف"."""
    if persian is None:
        persian = calendars.is_persian()
    letters = PERSIAN_LETTERS if persian else [chr(ord("A") + i) for i in range(26)]
    return letters[index] if 0 <= index < len(letters) else str(index + 1)


def country_name(code: str) -> str:
    """Name a country code in the active language; an unknown code stays a code."""
    name = COUNTRY_NAMES.get(code.strip().upper())
    return str(name) if name is not None else code


def language_name(code: str) -> str:
    """Name a language code in the active language; a code no one knows stays a code."""
    code = code.strip()
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_names(codes: list[str] | str) -> str:
    """Name several language codes ("en,ku" or a list), joined by the active language's comma."""
    items = [code for code in (codes.split(",") if isinstance(codes, str) else codes) if code.strip()]
    return ("، " if calendars.is_persian() else ", ").join(language_name(code) for code in items)


def utc_offset(moment: dt.datetime) -> str:
    """The offset from UTC of an aware datetime: "UTC+01:00", or "+۰۱:۰۰ گرینویچ" in Persian."""
    text = moment.strftime("%z")
    text = f"{text[:-2]}:{text[-2:]}" if len(text) == 5 else text
    if calendars.is_persian():
        # Persian readers say "Greenwich time"; the sign stays before the digits.
        return "\u2068" + to_persian_digits(text) + "\u2069 " + str(_("Greenwich"))
    return f"UTC{text}"


def zone_name(key: str, *, at: dt.datetime | None = None) -> str:
    """Name a time zone by its city ("Paris"), or by its offset from UTC when it has none here."""
    if key in ZONE_CITIES:
        return str(ZONE_CITIES[key])
    try:
        zone = zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return key
    if not calendars.is_persian():
        return key.rsplit("/", 1)[-1].replace("_", " ")
    return utc_offset((at or timezone.now()).astimezone(zone))


def zone_label(key: str) -> str:
    """Label a time zone in a list of choices: its city where it has a name here, else its key."""
    if key in ZONE_CITIES:
        return str(ZONE_CITIES[key])
    return key.replace("_", " ")
