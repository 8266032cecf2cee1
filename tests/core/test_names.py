"""Codes shown by name in the reader's language, and values of either direction isolated."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from solidarity.core import names
from solidarity.core.forms import ScriptTaggedSelect, ScriptTaggedSelectMultiple, ScriptTaggedTextarea, with_codes
from solidarity.core.text import persian_sort_key, script_language


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


def test_marked_tags_the_latin_runs_of_mixed_text_and_writes_lone_digits_in_the_readers_digits() -> None:
    text = "«گروه» فعال در Paris, Berlin <i> از سال 2024."
    with translation.override("fa"):
        rendered = Template("{{ text|marked }}").render(Context({"text": text}))
        isolated = Template('{{ text|isolate:"en" }}').render(Context({"text": "Rue 12 (تهران)"}))
    assert rendered == (
        '«گروه» فعال در <bdi lang="und-Latn">Paris, Berlin</bdi> &lt;<bdi lang="und-Latn">i</bdi>&gt; از سال ۲۰۲۴.'
    )
    assert isolated == '<bdi><bdi lang="en">Rue 12</bdi> (تهران)</bdi>'
    with translation.override("en"):
        assert Template("{{ text|marked }}").render(Context({"text": "سال 2024"})) == "سال 2024"
    # Paragraphs still break where the person broke them.
    paragraphs = Template("{{ text|marked|linebreaks }}").render(Context({"text": "Paris\n\nتهران"}))
    assert paragraphs == '<p><bdi lang="und-Latn">Paris</bdi></p>\n\n<p>تهران</p>'


def test_persian_filters_write_persian_digits_and_units() -> None:
    with translation.override("fa"):
        rendered = Template("{{ band|digits }} {{ bytes|size }} {{ day|short_date }}").render(
            Context({"band": "10-24", "bytes": 1_677_721, "day": dt.date(2025, 3, 20)})
        )
    assert rendered == "۱۰-۲۴ ۱٫۶ مگابایت ۱۴۰۳/۱۲/۳۰"
    with translation.override("en"):
        assert Template("{{ day|short_date }}").render(Context({"day": dt.date(2025, 3, 20)})) == "2025-03-20"


def test_persian_lists_name_items_by_persian_letters_and_sort_in_the_alphabets_order() -> None:
    assert [names.list_letter(i, persian=True) for i in range(4)] == ["الف", "ب", "پ", "ت"]
    assert [names.list_letter(i, persian=False) for i in range(3)] == ["A", "B", "C"]
    assert names.list_letter(40, persian=True) == "41"
    provinces = ["گیلان", "کرمان", "تهران", "چهارمحال و بختیاری", "بوشهر", "آذربایجان غربی", "آذربایجان شرقی"]
    assert sorted(provinces, key=persian_sort_key) == [
        "آذربایجان شرقی",
        "آذربایجان غربی",
        "بوشهر",
        "تهران",
        "چهارمحال و بختیاری",
        "کرمان",
        "گیلان",
    ]


def test_codes_in_help_texts_are_shown_as_code_in_the_readers_language() -> None:
    message = with_codes(_("Two-letter codes separated by commas, e.g. %(example)s"), {"example": "IR, <DE>"})
    with translation.override("fa"):
        rendered = Template("{{ text }}").render(Context({"text": message}))
    assert rendered == 'کدهای دوحرفی جداشده با ویرگول، مانند <code lang="en" dir="ltr">IR, &lt;DE&gt;</code>'
    with translation.override("en"):
        assert str(message).startswith("Two-letter codes")


def test_choices_and_fields_in_latin_letters_say_so() -> None:
    from django import forms

    select = ScriptTaggedSelect(choices=[("Africa/Abidjan", "Africa/Abidjan"), ("Asia/Tehran", "تهران")])
    assert 'lang="und-Latn"' in select.render("zone", "Africa/Abidjan").split(">")[0]
    assert "lang=" not in select.render("zone", "Asia/Tehran").split(">")[0]
    names_only = ScriptTaggedSelectMultiple(choices=[(1, "Payam A."), (2, "Roya B.")])
    assert 'lang="und-Latn"' in names_only.render("speakers", []).split(">")[0]
    mixed = ScriptTaggedSelectMultiple(choices=[(1, "Payam A."), (2, "رویا")])
    assert "lang=" not in mixed.render("speakers", []).split(">")[0]
    area = ScriptTaggedTextarea(attrs={"dir": "auto"})
    assert 'lang="und-Latn"' in area.render("address", "Rue 12 Imaginaire")
    assert "lang=" not in area.render("address", "خیابان ۱۲")
    assert isinstance(area, forms.Textarea)
