"""Lists of places and scaled numbers (issue 16, error kinds 1 and 2).

A sentence listing several towns makes one event per town with the list's shared date and sub-type;
a province listed beside towns is a place of its own unless a listed town lies in it; "۴۰ هزار" and
"40 thousand" are 40,000. The sentences marked "written for the test" are the project's own
(development); the others are copied from the real-text development part (Wikipedia, CC BY-SA 4.0,
attributed in evaluation/monitor/gold/README.md).
"""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.claims import find_tallies
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import normalize
from solidarity.monitor.pipeline.numbers import crowd_size, parse_number, victims
from solidarity.monitor.pipeline.records import DocumentInput, Evidence

PUBLISHED = datetime.date(2019, 11, 20)


def ev(sentence: str) -> Evidence:
    sentence = normalize(sentence)
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def towns(text: str, published: datetime.date | None = None) -> list[tuple[str | None, str]]:
    result = extract(DocumentInput(text=text, published=published))
    return [(e.place.city, e.place.province_iso) for e in result.events if e.place]


def test_a_persian_list_after_a_colon_is_one_event_per_town_with_the_shared_day_and_sub_type() -> None:
    # written for the test: small towns (under the 50,000 people a bare Persian name needs) right after
    # the colon, and an unknown name (کوزران) and a never-read one (قدس) inside the list
    text = (
        "روز ۲۵ آبان ۱۳۹۸ ماموران تجمعات اعتراضی را در این شهرها با گاز اشک‌آور متفرق کردند: "
        "روانسر، کوزران، گیلانغرب، قدس، ثلاث باباجانی، سرپل‌ذهاب و اسلام‌آباد غرب."
    )
    result = extract(DocumentInput(text=text))
    rows = {(e.place.city, e.date.date if e.date else None, e.sub_event_type.value) for e in result.events if e.place}
    day = datetime.date(2019, 11, 16)
    assert rows == {
        ("Ravānsar", day, "Protest with intervention"),
        ("Gīlān-e Gharb", day, "Protest with intervention"),
        ("Sarpol-e Z̄ahāb", day, "Protest with intervention"),
        ("Eslāmābād-e Gharb", day, "Protest with intervention"),
    }


def test_an_english_list_after_a_colon_reads_its_first_small_town() -> None:
    # written for the test: towns of fewer than 5,000 people need a cue; the colon opening the list is one
    read = towns("Protests on 16 November 2019 in the following towns: Likak, Charam, Landeh, Basht.")
    assert [city for city, _ in read] == ["Līkak", "Charām", "Landeh", "Bāsht"]


def test_a_list_told_one_town_a_line_under_its_opening_sentence_is_that_sentences_list() -> None:
    # written for the test: each line alone would be page furniture (a short line that is no sentence)
    text = "گزارش روز\nمردم روز ۲۵ آبان ۱۳۹۸ در این شهرها تظاهرات کردند:\n- ایذه\n- بوکان\n- مهاباد\n- جوانرود"
    assert [city for city, _ in towns(text)] == ["Īz̄eh", "Būkān", "Mahābād", "Javānrūd"]
    # a list of demands under a colon is no list of places and stays as it was
    demands = (
        "Workers' demands:\n- higher wages\n- pay arrears\n- contracts\nWorkers protested in Ahvaz on 2 March 2020."
    )
    assert towns(demands) == [("Ahvaz", "IR-06")]


def test_a_province_and_a_town_that_share_a_name_is_the_town_in_a_list_of_that_provinces_towns() -> None:
    # written for the test: Golestan is a province and a town of Tehran province
    text = "اعتراضات روز ۲۵ آبان ۱۳۹۸ به این شهرها کشیده شد: شهریار، ملارد، کهریزک، گلستان."
    assert ("Golestān", "IR-23") in towns(text)
    # a list of towns of several provinces keeps a province as a province
    assert (None, "IR-27") in towns(
        "Protests were held in Tehran, Isfahan, Golestan and Mazandaran on 16 November 2019."
    )


def test_a_province_listed_after_one_town_is_kept_unless_the_town_lies_in_it() -> None:
    # written for the test
    assert towns("Truckers went on strike in Mashhad and in Khuzestan province on 22 May 2018.") == [
        ("Mashhad", "IR-09"),
        (None, "IR-06"),
    ]
    assert towns("رانندگان کامیون روز ۱ خرداد ۱۳۹۷ در مشهد و استان خوزستان اعتصاب کردند.") == [
        ("Mashhad", "IR-09"),
        (None, "IR-06"),
    ]
    # the province of the town only locates it
    assert towns("Workers rallied in Ahvaz, Khuzestan province, on 15 July 2021.") == [("Ahvaz", "IR-06")]
    assert towns("Workers from Kurdistan province rallied in Tehran on 15 July 2021.") == [("Tehran", "IR-23")]


def test_real_lists_of_the_development_part_give_one_event_per_place() -> None:
    # real-en-207 (Wikipedia, "Mahsa Amini protests", a September 2022 revision)
    first = towns(
        "The protests began in the cities of Saqqez, Sanandaj, Divandarreh, Baneh and Bijar in Kurdistan province,"
        " and later spread to other parts of Iran."
    )
    assert [city for city, _ in first] == ["Saqqez", "Sanandaj", "Dīvāndarreh", "Bāneh", "Bījār"]
    # real-en-002 (Wikipedia, "2018–2019 Iranian general strikes and protests"): link text glued to its neighbours
    glued = towns(
        "Protests against the economic situation also occurred inShahriar,Karaj,Qeshm,Bandar Abbas, andMashhad.[14]"
    )
    assert {city for city, _ in glued} >= {"Shahrīār", "Karaj", "Bandar Abbas", "Mashhad"}
    # real-en-005 (Wikipedia, "2021 Iranian water protests"): provinces listed after towns are places of their own
    water = towns(
        "Protests broke out in Iran's Khuzestan province on 15 July 2021 due to the ongoing water crisis in Iran but"
        " spread across the country to other provinces and cities where people organised rallies in solidarity with"
        " Khuzestan, including Tehran, Kermanshah, Isfahan, Bushehr, Lorestan, Kurdistan, East Azerbaijan, North"
        " Khorasan and Alborz."
    )
    assert {(None, "IR-15"), (None, "IR-12"), (None, "IR-03"), (None, "IR-28"), (None, "IR-30")} <= set(water)
    assert {("Tehran", "IR-23"), ("Kermanshah", "IR-05"), ("Bushehr", "IR-18")} <= set(water)


def test_thousand_and_million_scale_the_number_before_them() -> None:
    assert parse_number("40 هزار") == 40_000
    assert parse_number("چهل هزار") == 40_000
    assert parse_number("forty thousand") == 40_000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("هزار") == 1000 and parse_number("دو هزار") == 2000
    assert parse_number("thousand") is None


def test_a_crowd_of_forty_thousand_is_forty_thousand_not_a_thousand() -> None:
    # written for the test
    crowd = crowd_size(ev("حدود ۴۰ هزار نفر روز جمعه در تبریز تجمع کردند."), "fa")
    assert crowd is not None and (crowd.low, crowd.high) == (40_000, 40_000)
    crowd = crowd_size(ev("More than 40 thousand people marched in Tabriz on Friday."), "en")
    assert crowd is not None and (crowd.low, crowd.high) == (40_000, None)
    crowd = crowd_size(ev("۳۰ تا ۴۰ هزار نفر در تبریز تجمع کردند."), "fa")
    assert crowd is not None and (crowd.low, crowd.high) == (30_000, 40_000)
    crowd = crowd_size(ev("Some 30 to 40 thousand people gathered in Tabriz."), "en")
    assert crowd is not None and (crowd.low, crowd.high) == (30_000, 40_000)
    crowd = crowd_size(ev("هزاران نفر در تبریز تجمع کردند."), "fa")
    assert crowd is not None and crowd.low == 1000  # "thousands" stays ACLED's low end
    count = victims(ev("۴۰ هزار نفر بازداشت شدند."), "fa", "arrests")
    assert count is not None and count.value == 40_000


def test_a_tally_in_thousands_is_a_claim_of_thousands() -> None:
    # written for the test
    def tallies(sentence: str, language: str) -> list[tuple[int, str, str]]:
        found = find_tallies(ev(sentence), language, PUBLISHED, "IR", event_sentence=False, about_protests=True)
        return [(c.count, c.unit, c.qualifier) for c in found]

    assert tallies("بیش از ۷ هزار نفر در جریان اعتراضات بازداشت شدند.", "fa") == [(7000, "arrested", "more than")]
    assert tallies("More than 7 thousand people were arrested across the country.", "en") == [
        (7000, "arrested", "more than")
    ]
    assert tallies("بازداشت دست کم ۴۰ هزار نفر", "fa") == [(40_000, "arrested", "at least")]
    assert tallies("The 2018 protests left 4,000 arrested.", "en") == [(4000, "arrested", "")]


def test_in_a_passage_about_one_town_a_placeless_gathering_or_outcome_is_that_towns() -> None:
    # written for the test: the title names the one town; the riot is told only in sentences without it
    text = (
        "Workers protested in Arak on 3 March 2020 over unpaid wages.\n"
        "The governor said the wages would be paid.\n"
        "Later the crowd set fire to the company's offices and attacked the police.\n"
        "Students protested the next day, on 4 March 2020."
    )
    result = extract(DocumentInput(title="2020 Arak protests", text=text))
    rows = sorted(
        (e.place.city, e.date.date if e.date else None, e.sub_event_type.value) for e in result.events if e.place
    )
    assert rows == [
        ("Arāk", datetime.date(2020, 3, 3), "Violent demonstration"),
        ("Arāk", datetime.date(2020, 3, 4), "Peaceful protest"),
    ]
    # a title naming no town (or several) keeps the place-less sentences out of the town's event
    other = extract(DocumentInput(title="2020 Iranian protests", text=text))
    assert [(e.place.city, e.sub_event_type.value) for e in other.events if e.place] == [("Arāk", "Peaceful protest")]


def test_a_real_one_town_article_gives_its_placeless_riot_to_the_town() -> None:
    # real-en-208 (Wikipedia, "1978 Tabriz protests"), the lead
    text = (
        "1978 Tabriz protests refers to the events that occurred on 18 February 1978, 40 days after the 1978 Qom"
        " protest.\nThe most prominent of the developments occurred in Tabriz.\nOn the announced day, 18 February"
        " 1978, a large crowd was led by Ayatollah Seyyed Mohammad Ali Qazi Tabataba'ei towards the Qezelli mosque,"
        " which was closed by the police to prevent the 40th-day commemoration from being held.\nThe clash over the"
        " mosque closure, between police and the people, led to the death of a young student protester, Mohammad"
        " Tajalli, whose body was then taken to the streets.\nPeople attacked wine stores and cinemas and set fire to"
        " the Rastakhiz Party headquarters."
    )
    result = extract(DocumentInput(title="1978 Tabriz protests", text=text))
    assert [(e.place.city, e.sub_event_type.value) for e in result.events if e.place] == [
        ("Tabriz", "Violent demonstration")
    ]
    assert any("wine stores" in sentence.sentence for sentence in result.events[0].evidence)


def test_a_sentence_that_only_lists_the_towns_of_the_protest_before_it_is_read_with_it() -> None:
    # written for the test: the count of towns in one sentence, the towns in the next
    english = (
        "On Friday, 15 December 2023, protests were held in at least 15 cities. "
        "The cities were: Tehran, Mashhad, Isfahan, Shiraz and Tabriz."
    )
    persian = (
        "روز جمعه ۲۴ آذر ۱۴۰۲ تجمع اعتراضی در ۱۵ شهر برگزار شد. "
        "این شهرها عبارتند از: تهران، مشهد، اصفهان، شیراز و تبریز."
    )
    for text in (english, english.replace("The cities were:", "They included"), persian):
        result = extract(DocumentInput(text=text, published=datetime.date(2023, 12, 16)))
        assert [e.place.city for e in result.events if e.place] == ["Tehran", "Mashhad", "Isfahan", "Shiraz", "Tabriz"]
        assert {e.date.date for e in result.events if e.date} == {datetime.date(2023, 12, 15)}
        assert [c.count for c in result.claims] == [15]  # the place count stays a claim
        quoted = [e.evidence[0].sentence for e in result.events]  # the opener's words are kept in the quote
        assert all(any(words in sentence for words in ("ities were", "included", "عبارتند")) for sentence in quoted)
    # a sentence after it that names no places stays its own
    assert towns("Protests were held in Tehran on Friday. The cities were quiet on Saturday.") == [("Tehran", "IR-23")]


def test_people_who_took_to_the_streets_in_persian_protested() -> None:
    # written for the test
    assert towns("روز جمعه ۲۴ آذر ۱۴۰۲ مردم در زاهدان به خیابان آمدند.") == [("Zahedan", "IR-11")]
    assert towns("روز جمعه ۲۴ آذر ۱۴۰۲ جوانان در سنندج به خیابان‌ها ریختند.") == [("Sanandaj", "IR-12")]
