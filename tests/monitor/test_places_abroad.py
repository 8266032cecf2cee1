"""A city or country abroad read from GeoNames (places_abroad.json), not from a hand list (issue 16, thirteenth round).

"A rally in London that names Zahedan placed in Zahedan" was read right only for the cities the lists named; these
sentences name cities none of the lists has (Lyon, Zurich, Lagos, «لیون», «دوسلدورف»). The sentences are written
for the tests.
"""

from __future__ import annotations

import datetime
import json

from solidarity.monitor.pipeline import abroad_build
from solidarity.monitor.pipeline.claims import find_tallies
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.places import DATA_DIR, default_gazetteer, names_place_abroad, placed_abroad
from solidarity.monitor.pipeline.records import DocumentInput, Evidence

DAY = datetime.date(2025, 2, 11)


def read(text: str, language: str = "en") -> tuple[list[tuple[str | None, int]], list[str]]:
    result = extract(DocumentInput(text=text, language=language, published=DAY))
    events = [(e.place.city if e.place else None, len(e.evidence)) for e in result.events]
    return events, [n.reason for n in result.non_events]


def test_a_rally_in_a_city_abroad_for_a_town_of_iran_is_not_an_event_in_that_town() -> None:
    for text, language in (
        ("Iranians rallied in Lyon in solidarity with the people of Zahedan.", "en"),
        ("Hundreds of Iranians gathered in Zurich on Saturday in support of the protesters in Mashhad.", "en"),
        ("ایرانیان مقیم لیون در حمایت از مردم زاهدان تجمع کردند.", "fa"),
        ("تجمع ایرانیان در دوسلدورف در حمایت از کارگران اهواز", "fa"),
    ):
        assert read(text, language) == ([], ["abroad"]), text


def test_a_rally_of_iranians_in_a_city_abroad_is_no_event_of_iran() -> None:
    for text, language in (
        ("Iranians in Lyon rallied outside the consulate on Saturday.", "en"),
        ("Hundreds of Iranians gathered in Lyon on Saturday.", "en"),
        ("ایرانیان مقیم لیون روز شنبه مقابل کنسولگری تجمع کردند.", "fa"),
        ("هزاران ایرانی روز شنبه در زوریخ تظاهرات کردند.", "fa"),
    ):
        assert read(text, language)[0] == [], text
    # told before a gathering in Iran, it is no evidence of that gathering
    assert read("Iranians rallied in Lyon on Saturday.\nTeachers rallied in Tehran on Monday.")[0] == [("Tehran", 1)]
    text = "هزاران ایرانی روز شنبه در لیون تظاهرات کردند. معلمان روز دوشنبه در مشهد تجمع کردند."
    assert read(text, "fa")[0] == [("Mashhad", 1)]


def test_another_countrys_protest_beside_news_of_iran_is_not_iranian() -> None:
    text = "Riot police clash with protesters in Mashhad.\nProtesters in Lagos blocked roads on Monday."
    assert read(text) == ([("Mashhad", 1)], ["abroad"])
    assert placed_abroad("Thousands of people demonstrate in Estonia after a protester was shot dead.")
    # a town too small for the list, then its country
    assert placed_abroad("Thousands marched in Tartu, Estonia, against fuel prices.")
    assert not placed_abroad("Thousands marched in Saqqez, Kurdistan province, on Monday.")
    # where a speaker is based places no event
    assert not placed_abroad("At least 92 people have been killed, the group IHR, based in Oslo, said.")


def test_where_a_toll_is_told_or_its_source_is_based_does_not_place_it_abroad() -> None:
    def tallies(sentence: str) -> list[tuple[int, str]]:
        evidence = Evidence(sentence=sentence, start=0, end=len(sentence))
        return [(c.count, c.unit) for c in find_tallies(evidence, "en", DAY, "IR", event_sentence=False)]

    assert tallies("A UN spokesman told reporters in Geneva that at least 326 people had been killed.") == [
        (326, "killed")
    ]
    assert tallies("At least 326 people have been killed, the UN rights office said in Geneva.") == [(326, "killed")]
    assert tallies("Speaking in Zurich, the envoy said at least 500 protesters had been arrested.") == [
        (500, "arrested")
    ]
    assert not names_place_abroad("سخنگوی دفتر حقوق بشر سازمان ملل در ژنو گفت ۳۲۶ نفر کشته شده‌اند.")
    assert not names_place_abroad("سازمان حقوق بشری مستقر در اسلو اعلام کرد")
    # what is told there is still placed there
    assert names_place_abroad("Activists said protesters in Lagos blocked roads.")
    assert names_place_abroad("Iranians living in Zurich rallied outside the consulate.")


def test_a_city_name_that_is_also_a_word_or_a_name_needs_more_than_a_preposition() -> None:
    # "Nice", "Reading", "Mobile" are cities of GeoNames and English words: read as cities with stronger context
    assert not names_place_abroad("Protesters gathered in Nice weather on Monday.")
    assert not names_place_abroad("In Reading the statement, the union asked for higher pay.")
    assert not names_place_abroad("In Mobile phone footage, police beat the drivers.")
    assert names_place_abroad("Iranians rallied in Nice, France, on Saturday.")
    assert names_place_abroad("Iranians rallied in the city of Nice on Saturday.")
    # a first name followed by a surname is a person, not the city ("Florence Nightingale")
    assert not names_place_abroad("Nurses gathered in Florence Nightingale's name.")
    assert names_place_abroad("Nurses gathered in Florence on Saturday.")
    # «امان» (safe) is also Amman: only «مقیم امان», «شهر امان» are the city
    assert not names_place_abroad("معترضان گفتند در امان نیستند.")
    assert names_place_abroad("ایرانیان مقیم امان تجمع کردند.")
    text = "Drivers went on strike in Bandar Abbas on Monday.\nIn Mobile phone footage, police beat the drivers."
    assert read(text)[0] == [("Bandar Abbas", 2)]


def test_the_shipped_places_abroad_hold_no_town_of_iran_and_no_common_word_unmarked() -> None:
    data = json.loads((DATA_DIR / "places_abroad.json").read_text(encoding="utf-8"))
    gazetteer = default_gazetteer()
    assert not [name for name in data["cities"] + data["cities_fa"] if abroad_build._in_iran(name, gazetteer)]
    assert {"nice", "reading", "mobile"} <= set(data["common_en"]) and "lyon" in data["cities"]
    assert "امان" in data["common_fa"] and "لیون" in data["cities_fa"]
    assert "iran" not in data["countries"] and "zahedan" not in data["cities"]
    assert all(data[key] == sorted(data[key]) for key in ("countries", "cities", "common_en", "cities_fa"))


def test_the_build_keeps_big_cities_abroad_tiers_words_and_drops_iran(tmp_path) -> None:
    def city(name: str, country: str, population: int, *alternates: str) -> dict[str, object]:
        return {"name": name, "countrycode": country, "population": population, "alternatenames": list(alternates)}

    cities = {
        "1": city("Lyon", "FR", 520_774, "Lion", "لیون", "ليون", "لیۆن"),  # Kurdish «لیۆن» is no Persian spelling
        "2": city("Nice", "FR", 342_669, "نیس"),  # three Persian letters, under a million: left out
        "3": city("Zahedan", "PK", 200_000, "زاهدان"),  # a town of Iran's name: Iran wins
        "4": city("Mashhad", "IR", 2_307_177, "مشهد"),
        "5": city("Lagos", "NG", 15_388_000, "Eko", "LOS", "لاگوس"),  # an airport code is no name
        "6": city("Amman", "JO", 1_275_857, "امان", "عمان"),
        "7": city("Smallville", "US", 99_999, "اسمالویل"),
    }
    (tmp_path / "cities15000.json").write_text(json.dumps(cities), encoding="utf-8")
    countries = {"FR": {"name": "France", "iso": "FR"}, "IR": {"name": "Iran", "iso": "IR"}}
    (tmp_path / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (tmp_path / "words").write_text("nice\nNice\nlion\n", encoding="utf-8")
    (tmp_path / "words_fa").write_text("امان/A\nکار\n", encoding="utf-8")
    built = abroad_build.build(tmp_path, tmp_path / "words", tmp_path / "words_fa")
    assert built["countries"] == ["france"]
    # Latin alternate names ("Eko") only for a city of a million: Lyon's "Lion" is not read
    assert built["cities"] == ["amman", "eko", "lagos", "lyon"] and built["common_en"] == ["nice"]
    # «عمان» (Amman, Oman) is also a village of Iran in the gazetteer: left out
    assert built["cities_fa"] == ["لاگوس", "لیون"] and built["common_fa"] == ["امان"]
