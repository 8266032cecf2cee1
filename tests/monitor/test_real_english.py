"""Unit tests of what real English news needed in issue 16's twelfth round (the eighth real-text part: days of
Wikipedia's "Current events" portal, Iranian items among other countries' news). Each test is one generic rule;
the sentences are written for the tests, in the shapes the development text showed."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.claims import find_tallies
from solidarity.monitor.pipeline.dates import find_date
from solidarity.monitor.pipeline.detection import read_cues
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.places import find_mentions, placed_abroad
from solidarity.monitor.pipeline.records import DocumentInput, Evidence

DAY = datetime.date(2010, 5, 3)


def ev(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def tallies(sentence: str) -> list[tuple[int, str]]:
    found = find_tallies(ev(sentence), "en", DAY, "IR", event_sentence=False)
    return [(claim.count, claim.unit) for claim in found]


def test_a_tally_placed_in_another_country_is_not_a_tally_of_iran() -> None:
    assert tallies("At least 40 people are killed and over 100 are injured in a car bombing near Mosul in Iraq.") == []
    assert tallies("Clashes between soldiers and a sect in Kano, Nigeria, result in at least 12 deaths.") == []
    assert tallies("At least nine people die in a blast outside a market in northern Pakistan.") == []
    assert tallies("An Afghan airstrike may have led to up to 30 civilian deaths.") == []
    # the same tallies in Iran, or naming Iran, are tallies
    assert tallies("At least 40 people are killed and over 100 are injured in the protests across the country.") == [
        (40, "killed"),
        (100, "injured"),
    ]
    assert tallies("At least 12 Iranian pilgrims are killed in a bus crash in Iraq, Iranian media say.") == [
        (12, "killed")
    ]
    # a claimant based abroad does not place the tally abroad
    assert tallies("At least 92 people have been killed in the crackdowns, the Norway-based group IHR said.") == [
        (92, "killed")
    ]


def test_placed_abroad_reads_where_a_sentence_puts_what_it_tells() -> None:
    assert placed_abroad("Thousands of protesters continue to demonstrate in the U.S. state of Wisconsin over taxes.")
    assert placed_abroad("Clashes take place for a third day in the Yemeni capital, amid demonstrations.")
    assert placed_abroad("Police detain three opposition figures at a demonstration in Khartoum.")
    assert placed_abroad("در عراق دست کم ۱۲ نفر کشته شدند.")
    assert not placed_abroad("Riot police clash with protesters in Tehran.")
    assert not placed_abroad("Iranian students rally in Ankara and in Tehran.")
    assert not placed_abroad("Iraq's prime minister visits Tehran.")


def test_protests_placed_in_another_country_beside_news_of_iran_are_no_events_of_iran() -> None:
    text = (
        "Riot police clash with protesters in Mashhad.\n"
        "At least five people are killed in a blast outside a court in Peshawar, Pakistan.\n"
        "Thousands of people demonstrate in Bahrain after a protester was shot dead at a funeral.\n"
        "Clashes take place for a fifth day in the Yemeni capital, amid demonstrations calling for reform.\n"
    )
    result = extract(DocumentInput(text=text, language="en"))
    assert [(e.place.city if e.place else None, len(e.evidence)) for e in result.events] == [("Mashhad", 1)]
    assert [n.reason for n in result.non_events] == ["abroad", "abroad"]
    # a text with no word of Iran (a news item from elsewhere) keeps its protests
    abroad = "Thousands of people demonstrate in Bahrain after a protester was shot dead at a funeral."
    assert len(extract(DocumentInput(text=abroad, language="en")).events) == 1


def test_security_forces_clashing_with_a_crowd_is_a_protest_met_by_intervention() -> None:
    for sentence in (
        "Riot police clash with protesters in Tehran.",
        "Iranian police clash with thousands of opposition supporters at the annual Student's Day in Tehran.",
    ):
        cues = read_cues(sentence, "en")
        assert cues.is_protest and cues.intervention and not cues.violent, sentence
    # the crowd clashing with the police is still violent
    assert read_cues("Hundreds of protesters clashed with police in Khorramshahr.", "en").violent


def test_protests_only_threatened_or_awaited_are_planned_not_held() -> None:
    for sentence in (
        'The governor of Shiraz vows to "smash" any new protests.',
        "The Revolutionary Guard warns that it will 'crush' any further protests in Tehran.",
        "Anti-regime protests are due to occur in Isfahan.",
    ):
        assert read_cues(sentence, "en").planned, sentence
        result = extract(DocumentInput(text=sentence, language="en"))
        assert result.events == () and [n.reason for n in result.non_events] == ["planned"], sentence
    assert not read_cues("Thousands of protesters marched in Shiraz.", "en").planned


def test_a_count_tied_to_the_protests_as_a_whole_is_a_tally_even_beside_the_protest_word() -> None:
    def event_tallies(sentence: str) -> list[tuple[int, str, str]]:
        found = find_tallies(ev(sentence), "en", DAY, "IR", event_sentence=True)
        return [(claim.count, claim.unit, claim.qualifier) for claim in found]

    assert event_tallies(
        "Around 170 people are arrested in connection with the post-election protests and street riots in Tabriz."
    ) == [(170, "arrested", "about")]
    assert event_tallies("State television says at least ten people are dead following protests over the vote.") == [
        (10, "killed", "at least")
    ]
    # one gathering's own account stays the gathering's
    assert event_tallies("Police arrested 12 protesters at the rally in Tabriz.") == []


def test_protesters_sentenced_tried_or_executed_are_no_gathering() -> None:
    for text, language in (
        ("A court in Tehran sentenced five protesters to death on Monday.", "en"),
        ("Two protesters were executed in Karaj on Saturday.", "en"),
        ("The trial of 30 protesters began in Shiraz on Sunday.", "en"),
        ("دادگاه انقلاب تهران روز دوشنبه پنج معترض را به اعدام محکوم کرد.", "fa"),
    ):
        assert extract(DocumentInput(text=text, language=language)).events == (), text
    # a gathering against the executions is a gathering
    for text, language in (
        ("Protesters in Karaj chanted against the execution of protesters.", "en"),
        ("معترضان در کرج روز شنبه در اعتراض به اعدام معترضان تجمع کردند.", "fa"),
    ):
        assert len(extract(DocumentInput(text=text, language=language)).events) == 1, text


def test_a_toll_of_the_protests_named_by_their_month_or_as_recent_is_a_tally() -> None:
    def claims_of(text: str, language: str) -> list[tuple[int, str, str]]:
        result = extract(DocumentInput(text=text, language=language))
        return [(claim.count, claim.unit, claim.qualifier) for claim in result.claims]

    assert claims_of("In 2019, more than 300 people were killed in the November protests, Amnesty said.", "en") == [
        (300, "killed", "more than")
    ]
    assert claims_of("به گزارش هرانا، در اعتراضات آبان ۹۸ بیش از ۳۰۰ نفر کشته شدند.", "fa") == [
        (300, "killed", "more than")
    ]
    # one day's protests in one town are that gathering's own dead, no tally
    assert claims_of("در اعتراضات روز جمعه در زاهدان دست کم ۶۶ نفر کشته شدند.", "fa") == []
    assert claims_of("At least 66 people were killed in the Zahedan protests on Friday.", "en") == []


def test_force_in_a_past_perfect_relative_or_time_clause_happened_before_the_protest() -> None:
    def kinds(text: str) -> list[str]:
        return [e.sub_event_type.value for e in extract(DocumentInput(text=text, language="en")).events]

    assert kinds(
        "Hundreds gathered in Abdanan on Thursday after the death of a student who had been beaten in custody."
    ) == ["Peaceful protest"]
    assert kinds("People in Izeh protested on Friday, a day after a boy had been shot dead by security forces.") == [
        "Peaceful protest"
    ]
    # reported speech's past perfect tells what happened at the protests
    assert kinds("The prosecutor in Karaj said on Monday that some of the protesters had been arrested.") == [
        "Protest with intervention"
    ]


def test_a_day_written_with_a_year_of_the_last_century_keeps_its_year() -> None:
    published = datetime.date(2022, 10, 5)
    for text, day in (
        ("Students protested in Qom on 8 January 1978.", "1978-01-08"),
        ("On July 9, 1999, students at Tehran University protested the closure of a newspaper.", "1999-07-09"),
        ("On 16 November 2019, protesters blocked roads in Shiraz.", "2019-11-16"),
    ):
        result = extract(DocumentInput(text=text, language="en", published=published))
        assert [e.date.date.isoformat() if e.date else None for e in result.events] == [day], text


def test_a_day_counted_from_another_event_is_not_the_pages_day() -> None:
    published = datetime.date(2022, 10, 5)

    def days(text: str, language: str = "en") -> list[str | None]:
        result = extract(DocumentInput(text=text, language=language, published=published))
        return [e.date.date.isoformat() if e.date else None for e in result.events]

    assert days("Students protested at Tehran University the following day.") == [None]
    assert days("A day later, hundreds of people rallied in Mashhad.") == [None]
    assert days("روز بعد صدها نفر در مشهد تجمع کردند.", "fa") == [None]
    # with no such words the page's day is still the fallback
    assert days("Hundreds of people rallied in Mashhad.") == ["2022-10-05"]


def test_a_rally_abroad_in_support_of_a_town_of_iran_is_not_an_event_in_that_town() -> None:
    for text, language in (
        ("Iranians in London rallied in solidarity with the people of Zahedan.", "en"),
        ("Iranian Kurds in Erbil, Iraq, rallied in solidarity with the protests in Saqqez.", "en"),
        ("Hundreds of Iranians gathered in Paris on Saturday in support of the protesters in Mashhad.", "en"),
        ("ایرانیان مقیم لندن در حمایت از مردم زاهدان تجمع کردند.", "fa"),
    ):
        result = extract(DocumentInput(text=text, language=language))
        assert result.events == () and [n.reason for n in result.non_events] == ["abroad"], text
    # a gathering in Iran in support of another town is still one
    result = extract(DocumentInput(text="Workers in Ahvaz rallied in support of the striking workers.", language="en"))
    assert [e.place.city if e.place else None for e in result.events] == ["Ahvaz"]


def test_a_town_named_as_whom_a_gathering_supports_gives_way_to_where_it_is() -> None:
    def towns(text: str, language: str) -> list[str | None]:
        return [e.place.city if e.place else None for e in extract(DocumentInput(text=text, language=language)).events]

    assert towns("Students in Tehran gathered in solidarity with the people of Zahedan.", "en") == ["Tehran"]
    assert towns("Workers in Ahvaz rallied in support of the striking workers in Shush and Dezful.", "en") == ["Ahvaz"]
    assert towns("دانشجویان در تهران در حمایت از مردم زاهدان تجمع کردند.", "fa") == ["Tehran"]
    # with no other town, the one named keeps the gathering
    assert towns("People rallied in solidarity with the people of Zahedan.", "en") == ["Zahedan"]


def places_of(text: str) -> list[tuple[str | None, str]]:
    events = extract(DocumentInput(text=text, published=datetime.date(2019, 11, 20))).events
    return [(event.place.city, event.place.province_en) for event in events if event.place is not None]


def test_the_three_english_province_names_with_and_are_read_alone_and_in_lists() -> None:
    """The lowercase "and" of "Sistan and Baluchestan", "Chaharmahal and Bakhtiari" and "Kohgiluyeh and Boyer-Ahmad"
    had made each no name (every word of an English name had to be capitalized)."""
    assert places_of("Protests were held in Sistan and Baluchestan province on 18 November 2019.") == [
        (None, "Sistan and Baluchestan")
    ]
    assert places_of(
        "Demonstrations were reported in Tehran, Karaj and Arak on 17 November 2019, as well as in Kurdistan, "
        "Khuzestan and Sistan and Baluchestan provinces."
    )[-3:] == [(None, "Kurdistan"), (None, "Khuzestan"), (None, "Sistan and Baluchestan")]
    assert places_of("Farmers gathered in Chaharmahal and Bakhtiari on 18 November 2019.") == [
        (None, "Chaharmahal and Bakhtiyari")
    ]
    # two towns joined by "and" stay two towns
    assert places_of("Protests were held in Tehran and Karaj on 18 November 2019.") == [
        ("Tehran", "Tehran"),
        ("Karaj", "Alborz"),
    ]


def test_the_provinces_of_an_english_list_are_provinces() -> None:
    """Each name of "the provinces of Tehran, Isfahan and Kermanshah" is the province, as after «استان‌های» in Persian
    (GeoNames files "Tehran" as an alternate name of Tiran, in Isfahan province, which the list names: it was read as
    that town)."""
    assert places_of("Protests spread to the provinces of Tehran, Isfahan and Kermanshah on 16 November 2019.") == [
        (None, "Tehran"),
        (None, "Isfahan"),
        (None, "Kermanshah"),
    ]
    # the same names with no "provinces of" before them are the towns
    assert places_of("Protests were held in Tehran, Isfahan and Kermanshah on 16 November 2019.") == [
        ("Tehran", "Tehran"),
        ("Isfahan", "Isfahan"),
        ("Kermanshah", "Kermanshah"),
    ]


def test_the_names_of_a_list_that_provinces_follows_are_provinces() -> None:
    """ "in Lorestan, Khuzestan, Isfahan, Markazi and Hamadan provinces": Isfahan and Hamadan were the towns."""
    assert places_of(
        "Protests were reported on 3 January 2018 in Lorestan, Khuzestan, Isfahan and Hamadan provinces."
    ) == [
        (None, "Lorestan"),
        (None, "Khuzestan"),
        (None, "Isfahan"),
        (None, "Hamadan"),
    ]
    # back to the first name that is no province: the towns before it stay towns
    assert places_of(
        "Protests were held in Karaj and Arak, and in Isfahan and Hamadan provinces, on 3 January 2018."
    ) == [
        ("Karaj", "Alborz"),
        ("Arāk", "Markazi"),
        (None, "Isfahan"),
        (None, "Hamadan"),
    ]
    # "province" after one name was read already; "provinces" after no list changes nothing before it
    assert places_of("Protests were held in Isfahan on 3 January 2018; the provinces were quiet.") == [
        ("Isfahan", "Isfahan")
    ]


def days_of(text: str, published: datetime.date | None) -> list[tuple[str | None, datetime.date | None]]:
    events = extract(DocumentInput(text=text, published=published)).events
    return [(event.place.city if event.place else None, event.date.date if event.date else None) for event in events]


def test_a_wire_datelines_day_is_when_the_report_was_filed_not_a_day_it_tells() -> None:
    """ "TEHRAN, Nov 17 (Reuters) - … on Saturday": the Saturday before the dateline's Sunday, not the 17th."""
    saturday = datetime.date(2019, 11, 16)
    text = "TEHRAN, Nov 17 (Reuters) - Protesters set fire to banks on Saturday, and police fired tear gas in Shiraz."
    assert days_of(text, datetime.date(2019, 11, 17)) == [("Shiraz", saturday)]  # Tehran: where it was filed
    text = "TEHRAN (Reuters) - Police fired tear gas at protesters in Shiraz on Saturday."
    assert days_of(text, datetime.date(2019, 11, 17)) == [("Shiraz", saturday)]
    # a dateline's town alone is the report's place, as a headline's is
    text = "TEHRAN (Reuters) - Protesters set fire to banks in several cities on Saturday."
    assert days_of(text, datetime.date(2019, 11, 17)) == [("Tehran", saturday)]
    # with no publication date, a dateline that writes its year is the day a weekday is counted from
    text = "TEHRAN, Nov. 17, 2019 (AP) — Police fired tear gas at protesters in Shiraz on Saturday."
    assert days_of(text, None) == [("Shiraz", saturday)]
    # a day told in the sentence itself, not in a dateline, still dates the event
    assert days_of("On 17 November 2019, police fired tear gas at protesters in Shiraz.", None) == [
        ("Shiraz", datetime.date(2019, 11, 17))
    ]


def test_a_claims_source_is_named_without_the_sentences_full_stop_and_in_lowercase() -> None:
    """ "according to Reuters." was the claimant "Reuters." (the full stop kept); "…, state media said" had none."""

    def claimants(sentence: str) -> list[str | None]:
        return [claim.claimant for claim in find_tallies(ev(sentence), "en", DAY, "IR", event_sentence=False)]

    assert claimants("About 1,500 people were killed during the protests, according to Reuters.") == ["Reuters"]
    assert claimants("About 300 people were killed during the protests, according to the U.N.") == ["U.N."]
    assert claimants("At least 7 people were killed in the protests, state media said.") == ["state media"]
    assert claimants("More than 500 protesters have been killed, rights groups say.") == ["rights groups"]
    assert claimants("At least 7 people were killed in the protests.") == [None]


def test_protests_told_as_the_largest_since_or_in_decades_are_a_summary_not_a_gathering() -> None:
    """ "The protests were the largest since the 1979 revolution": the movement summed up, so the toll after it is a
    claim of its own, not the casualties of a place-less gathering."""
    text = (
        "The protests were the largest since the 1979 revolution. About 1,500 people were killed, according to Reuters."
    )
    done = extract(DocumentInput(text=text, published=datetime.date(2019, 12, 23)))
    assert done.events == ()
    assert [(claim.count, claim.unit, claim.claimant) for claim in done.claims] == [(1500, "killed", "Reuters")]
    text = "The unrest was the deadliest in decades, and 1,500 people were killed, according to Reuters."
    assert [claim.count for claim in extract(DocumentInput(text=text)).claims] == [1500]
    # one town's gathering compared with earlier ones is still that gathering
    text = "On 16 November 2019, protests in Mashhad were the largest since 2009, and police fired tear gas."
    assert [event.place.city for event in extract(DocumentInput(text=text)).events if event.place] == ["Mashhad"]


def test_a_line_labelled_as_a_caption_or_a_link_to_another_report_is_no_event() -> None:
    """Lines labelled "Image caption: …", "File photo: …" or «عکس: …» describe a picture; "Read more: …" is another
    report's headline."""
    for text in (
        "Image caption: Women remove their headscarves at a protest in Sari, 21 September 2022",
        "File photo: Iranian students protest in Tehran in 2009.",
        "Read more: Truckers strike in Bandar Abbas for a third day",
        "عکس: تجمع معلمان در تهران، ۲۲ اسفند ۱۴۰۰",
        "بیشتر بخوانید: تجمع بازنشستگان در اهواز",
    ):
        assert extract(DocumentInput(text=text, published=datetime.date(2022, 11, 20))).events == (), text
    # the report's own sentence after such a line is read
    text = "Image caption: A file photo of a rally.\nTeachers gathered in Shiraz on Monday, 14 November 2022."
    assert [event.place.city for event in extract(DocumentInput(text=text)).events if event.place] == ["Shiraz"]


def test_a_range_is_counted_by_its_lower_end() -> None:
    """Issue 16, thirteenth round (real-dev9, Wikipedia's tallies): the gold counts a range by its lower end."""
    assert tallies("Between 25,000 to 40,000 Iranians were arrested in the protests.") == [(25000, "arrested")]
    assert tallies("Rights groups say 1,000 to 30,000 executions followed the protests.") == [(1000, "executed")]
    assert tallies("Rights groups say between 300 and 1,500 protesters were killed in the protests.") == [
        (300, "killed")
    ]
    # a period told before the number is no range of it
    assert tallies("From 2019 to 2020 more than 1,500 were killed in the protests, rights groups say.") == [
        (1500, "killed")
    ]


def test_a_tally_told_with_a_gathering_is_an_aggregate_across_iran_or_during_protests() -> None:
    """A rally's sentence that counts the dead of the unrest across Iran, or the detained during demonstrations."""
    found = find_tallies(
        ev(
            "The rally followed a week of unrest across Iran that has seen more than 20 people die and more than "
            "1,000 arrested, according to Iranian officials."
        ),
        "en",
        DAY,
        "IR",
        event_sentence=True,
    )
    assert [(claim.count, claim.unit, claim.qualifier) for claim in found] == [
        (20, "killed", "more than"),
        (1000, "arrested", "more than"),
    ]
    found = find_tallies(
        ev("A lawmaker said about 90 students had been detained during demonstrations."),
        "en",
        DAY,
        "IR",
        event_sentence=True,
    )
    assert [(claim.count, claim.unit, claim.qualifier) for claim in found] == [(90, "arrested", "about")]


def test_a_claimant_named_with_a_possessive_is_named_without_it() -> None:
    found = find_tallies(
        ev("According to Tucker's estimations, 8,000 Iranians were executed after the protests."),
        "en",
        DAY,
        "IR",
        event_sentence=False,
    )
    assert [(claim.count, claim.claimant) for claim in found] == [(8000, "Tucker")]


def test_a_rally_warned_against_is_no_gathering() -> None:
    """Issue 16, thirteenth round (real-dev9, a Voice of America report): a warning before a rally tells none held."""
    published = datetime.date(2011, 2, 14)
    text = "Authorities warned the reformists against proceeding with the rally in Tehran, calling it a ploy."
    assert extract(DocumentInput(text=text, published=published)).events == ()
    fa = "دادستان تهران نسبت به برگزاری تجمع در میدان آزادی هشدار داد."
    assert extract(DocumentInput(text=fa, published=published)).events == ()
    # the rally held, then dispersed, is one
    held = "Police fired tear gas to disperse thousands rallying in Tehran."
    assert len(extract(DocumentInput(text=held, published=published)).events) == 1


def test_a_gathering_told_in_an_earlier_year_with_no_day_is_history() -> None:
    """'led the last major protests in 2009' in a report of 2011 recounts what came before; a day of 2009 is kept."""
    published = datetime.date(2011, 2, 14)
    before = "Mousavi led the last major anti-government protests in Tehran in 2009, mobilizing hundreds of thousands."
    assert extract(DocumentInput(text=before, published=published)).events == ()
    dated = "On 15 June 2009, hundreds of thousands marched in Tehran."
    events = extract(DocumentInput(text=dated, published=published)).events
    assert [e.date.date for e in events if e.date] == [datetime.date(2009, 6, 15)]
    # a year naming something is no time of the gathering
    named = "Protesters in Tehran chanted slogans for the monarchy that ruled before the 1979 revolution."
    assert len(extract(DocumentInput(text=named, published=published)).events) == 1


def test_the_body_tells_the_force_a_headline_sums_up() -> None:
    """Issue 16, thirteenth round (real-dev9): 'Protesters Clash with Police' over a body telling the police's force."""
    published = datetime.date(2009, 6, 20)
    body = (
        "Riot police in large numbers have clashed with thousands of protesters in Tehran.\n"
        'Police used tear gas and batons, and state TV said police clashed with what it called "rioters".'
    )
    title = "Thousands of Protesters Clash with Police in Tehran"
    events = extract(DocumentInput(text=body, title=title, published=published)).events
    assert [e.sub_event_type.value for e in events] == ["Protest with intervention"]
    # a headline alone, over a body that tells no force, still gives the sub-type
    quiet = "Thousands of protesters marched in Tehran on Saturday."
    events = extract(DocumentInput(text=quiet, title=title, published=published)).events
    assert [e.sub_event_type.value for e in events] == ["Violent demonstration"]
    # someone's label for the crowd is theirs: the forces named first clash with the protesters
    cues = read_cues('Police clashed with what it called "rioters" in Tehran.', "en")
    assert cues.intervention and not cues.violent


def test_a_toll_named_before_its_number_is_a_tally() -> None:
    """Issue 16, thirteenth round (real-dev9): 'the death toll rose to 41', 'the number of … killed range from …'."""
    assert tallies("The death toll rose to 41, state media said.") == [(41, "killed")]
    assert tallies("Amnesty put the death toll at 304.") == [(304, "killed")]
    assert tallies("The number of people arrested in the protests has reached 1,000, the judiciary said.") == [
        (1000, "arrested")
    ]
    assert tallies("Estimates of the number of protesters killed range from 2,000 to 20,000.") == [(2000, "killed")]
    # a disaster's toll, a date after the toll and toll workers are no tally of protests
    assert tallies("The death toll from the bombing rises to 73.") == []
    assert tallies("The death toll as of 13 January was not known.") == []
    assert tallies("The toll workers in Qazvin went on strike for 3 days.") == []


def test_a_gallery_line_of_picture_files_is_no_report() -> None:
    """Issue 16, fourteenth round (real-dev9): a copied gallery keeps each caption beside its picture's file name."""
    text = (
        "Casualties of the revolution\n"
        "Observers differ on how many people died during the revolution.\n"
        "Street clashes between protesters and the regime in Tehran trD.JPG Street clashes between protesters and the "
        "regime in Tehran Killed protesters in Tehran shhydn.JPG Killed protesters in Tehran Iranian protesters on "
        "5 June 1963 Khordad222.jpg Iranian protesters on 5 June 1963\n"
        "The article is about the dead, not about one gathering.\n"
    )
    assert extract(DocumentInput(text=text, title="Casualties of the revolution")).events == ()
    # a caption line with no file is read as before
    plain = "Protesters in Tehran on 5 June 1963.\nThey marched to the bazaar.\nPolice fired on them."
    assert [e.place.city for e in extract(DocumentInput(text=plain)).events if e.place] == ["Tehran"]


def test_a_toll_told_without_a_number_is_a_claims_sentence_not_an_event() -> None:
    """Issue 16, fourteenth round (real-dev9): 'the number of protesters … killed … is estimated … several thousand'."""
    text = (
        "Protesters gathered in Tehran on 5 June 1963.\n"
        "The number of protesters and political prisoners killed after the fall of the Shah is estimated by human "
        "rights groups to be several thousand. According to Tucker's estimations, between 25,000 to 40,000 "
        "Iranians were arrested and 8,000 to 9,500 Iranians were executed.\n"
    )
    result = extract(DocumentInput(text=text))
    evidence = [e.sentence for event in result.events for e in event.evidence]
    assert not any("number of protesters" in sentence for sentence in evidence)
    assert sorted((c.count, c.unit) for c in result.claims) == [(8000, "executed"), (25000, "arrested")]
    # a sentence that tells the force as well as a toll is still the event's
    fired = "Security forces opened fire on protesters in Zahedan on Friday, and the death toll is still unknown."
    events = extract(DocumentInput(text=fired, published=datetime.date(2022, 10, 1))).events
    assert [e.sub_event_type.value for e in events] == ["Excessive force against protesters"]
    after = "Protesters gathered in Zahedan on Friday. Forces opened fire on them, and the death toll is unknown."
    events = extract(DocumentInput(text=after, published=datetime.date(2022, 10, 1))).events
    assert [e.sub_event_type.value for e in events] == ["Excessive force against protesters"]


def test_a_count_of_time_and_a_range_from_nothing_are_no_tallies() -> None:
    """Issue 16, fourteenth round (real-dev10): 'thirty minutes before she was killed'; 'Death(s) | 0-1 |'."""
    assert tallies("She left her house around thirty minutes before she was killed in the protests.") == []
    assert tallies("In the protests, 12 hours after the rally 40 people were arrested.") == [(40, "arrested")]
    assert tallies("Death(s) | 0[1]-1[2] | ||") == []
    assert tallies("Deaths: 10–12") == [(10, "killed"), (12, "killed")]


def test_the_titles_under_an_articles_references_are_no_report() -> None:
    """Issue 16, fourteenth round (real-dev10): a reference list's titles tell arrests and violence in other pages."""
    text = (
        "The protests were against discrimination.\n"
        "References\n"
        '- "26 arrested in major protest by Arab residents in Ahvaz, Iran". 30 March 2018.\n'
        '- "Peaceful Protests over Safe Drinking Water Met with Violence and Arrests in Ahvaz".\n'
    )
    assert extract(DocumentInput(text=text, title="2018 Khuzestan protests")).events == ()
    # the same line in the article's body is read
    body = '- "26 arrested in major protest by Arab residents in Ahvaz, Iran". 30 March 2018.\nThe protests went on.\n'
    assert [e.place.city for e in extract(DocumentInput(text=body)).events if e.place] == ["Ahvaz"]


def test_a_biographys_name_life_and_the_attacks_dead_are_no_town_day_or_tally() -> None:
    """Issue 16, fourteenth round (real-dev10): an article about one boy killed at a protest in Izeh."""
    assert [m.text for m in find_mentions("Killing of Kian Pirfalak") if m.place] == []
    assert [m.text for m in find_mentions("Kian Pirfalak was shot by security forces.") if m.place] == []
    # the town of Kīān is still read where a sentence puts something in it, and a small town before a title-case
    # headline's next word is still a town
    assert [m.text for m in find_mentions("Farmers gathered in Kian on Monday.") if m.place] == ["Kian"]
    assert [m.text for m in find_mentions("Qorveh Protesters Clash With Police") if m.place] == ["Qorveh"]
    life = (
        "Kian Pirfalak (کیان پیرفلک; 11 June 2013 – 16 November 2022) was an Iranian nine-year-old boy who was "
        "killed in Izeh during the crackdown on the protests."
    )
    assert find_date(ev(life), None, "en") is None
    assert find_date(ev("- Born: 11 June 2013"), None, "en") is None
    # an event's span in brackets still dates it
    span = ev("The protests (15 November 2019 – 18 November 2019) were a series of protests in Tehran.")
    assert (found := find_date(span, None, "en")) is not None and found.date == datetime.date(2019, 11, 15)
    # the dead of the attack just told are that event's own
    assert tallies("Kian Pirfalak was among the seven people who died during the attack.") == []


def test_protests_something_might_bring_and_a_yearly_custom_are_no_events() -> None:
    """Issue 16, fourteenth round (real-dev10): 'could cause further protests'; 'Every year there are …'."""
    feared = "They buried her in Khorramabad instead, to avoid a funeral procession which could cause further protests."
    assert read_cues(feared, "en").planned
    assert extract(DocumentInput(text=feared)).events == ()
    custom = "Every year there are local demonstrations at universities in Tehran organised by students."
    assert extract(DocumentInput(text=custom)).events == ()
    # a gathering told as held is still one
    held = "Students held a demonstration at the university in Tehran on 7 December 2009."
    assert len(extract(DocumentInput(text=held)).events) == 1


def test_a_list_of_education_protests_is_the_teachers() -> None:
    """Issue 16, fourteenth round (real-dev10): "Thursday's education protests also were held in …" is the teachers'."""
    text = "Radio Farda said Thursday's education protests also were held in Isfahan, Shiraz and Tabriz."
    events = extract(DocumentInput(text=text, published=datetime.date(2018, 5, 10))).events
    assert [(e.place.city if e.place else None, e.sector.slug if e.sector else None) for e in events] == [
        ("Isfahan", "teachers"),
        ("Shiraz", "teachers"),
        ("Tabriz", "teachers"),
    ]


def test_the_forces_attack_in_a_town_on_a_day_during_the_protests_is_an_event() -> None:
    """Issue 16, fourteenth round (real-dev10): the protests named as the setting of the forces' attack in Izeh."""
    text = (
        "On 16 November 2022, during the crackdown on the Mahsa Amini protests in the city of Izeh, there was an "
        "armed attack on Izeh market by government security forces."
    )
    events = extract(DocumentInput(text=text)).events
    assert [
        (e.place.city if e.place else None, e.date.date if e.date else None, e.sub_event_type.value) for e in events
    ] == [("Īz̄eh", datetime.date(2022, 11, 16), "Excessive force against protesters")]
    assert read_cues("She was shot by government security forces during the attack.", "en").force
    assert read_cues("She died of severe beating on the head by security forces.", "en").force
    # the protests named as a topic, with no day of the attack told, stay a topic
    topic = "During the crackdown on the Mahsa Amini protests, there was an armed attack on Izeh market by forces."
    assert extract(DocumentInput(text=topic)).events == ()


def test_a_bombings_hurt_are_no_tally_of_protests() -> None:
    """Issue 16, fourteenth round (real-dev9): a suicide bomber's two hurt, told in a report of the protests."""
    bombing = (
        "In a separate incident, state media reported Saturday that a suspected suicide bomber exploded near a shrine "
        "in Tehran, with at least two people hurt."
    )
    assert tallies(bombing) == []
    # a tally that names the protests beside a bombing is still read
    assert tallies("At least 20 people were killed in the protests, days after the bombing.") == [(20, "killed")]


def test_an_infobox_on_one_line_gives_each_tally_its_own_source() -> None:
    """Issue 16, fourteenth round (real-dev9): 'Deaths12,000–20,000 protesters (per CBS News …)[1] 12,000 …'."""
    line = (
        "2026 Iran massacres LocationIran TargetProtesters Deaths12,000–20,000 protesters (per CBS News via activist "
        "groups)[1] 12,000 protesters (per Iran International)[2] 3,308–7,690 overall (per HRANA)[a]"
    )
    found = find_tallies(ev(line), "en", DAY, "IR", event_sentence=False)
    assert [(c.count, c.unit, c.claimant) for c in found] == [
        (12000, "killed", "CBS News via activist groups"),
        (12000, "killed", "Iran International"),
        (3308, "killed", "HRANA"),
    ]
    # a line whose counts name their own unit is read by them ("Casualties" names none)
    casualties = "- Casualties1: 225 killed (per Interior Ministry), 7,000+ arrested"
    assert tallies(casualties) == [(225, "killed"), (7000, "arrested")]
