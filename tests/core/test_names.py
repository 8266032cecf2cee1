"""Codes shown by name in the reader's language, and values of either direction isolated."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.template import Context, Template
from django.utils import translation

from solidarity.core import names
from solidarity.core.text import script_language


def test_language_country_and_zone_codes_are_named_in_persian() -> None:
    with translation.override("fa"):
        assert names.language_name("ku") == "کردی"
        assert names.language_names("fa,ku") == "فارسی، کردی"
        assert names.country_name("TR") == "ترکیه"
        assert names.zone_name("Europe/Paris") == "پاریس"
        assert names.zone_name("Asia/Tehran") == "تهران"
    with translation.override("en"):
        assert names.language_names("fa,ku") == "Persian, Kurdish"
        assert names.zone_name("Europe/Paris") == "Paris"


def test_a_zone_with_no_city_here_is_named_by_its_offset_without_latin() -> None:
    moment = dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC)
    with translation.override("fa"):
        text = names.zone_name("Pacific/Chatham", at=moment)
    assert "گرینویچ" in text
    assert not any(character.isascii() and character.isalnum() for character in text)
    with translation.override("en"):
        assert names.utc_offset(moment.astimezone(zoneinfo.ZoneInfo("Europe/Paris"))) == "UTC+02:00"


def test_unknown_codes_stay_codes() -> None:
    assert names.language_name("xx") == "xx"
    assert names.country_name("ZZ") == "ZZ"
    assert names.zone_name("Not/AZone") == "Not/AZone"


def test_isolate_tags_latin_names_and_escapes() -> None:
    template = Template("{{ name|isolate }}")
    assert template.render(Context({"name": "Rue 12 <b>"})) == '<bdi lang="und-Latn">Rue 12 &lt;b&gt;</bdi>'
    assert template.render(Context({"name": "خیابان ۱۲"})) == "<bdi>خیابان ۱۲</bdi>"
    assert script_language("Tehran (تهران)") == ""
    assert script_language("Léa") == "und-Latn"


def test_persian_filters_write_persian_digits_and_units() -> None:
    with translation.override("fa"):
        rendered = Template("{{ band|digits }} {{ bytes|size }} {{ day|short_date }}").render(
            Context({"band": "10-24", "bytes": 1_677_721, "day": dt.date(2025, 3, 20)})
        )
    assert rendered == "۱۰-۲۴ ۱٫۶ مگابایت ۱۴۰۳/۱۲/۳۰"
    with translation.override("en"):
        assert Template("{{ day|short_date }}").render(Context({"day": dt.date(2025, 3, 20)})) == "2025-03-20"
