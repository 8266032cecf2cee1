"""Unit tests of what real published text needed (issue 16): tallies as claims, lists of places,
events bound to their own sentence and day, page furniture. Each test is one generic rule."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.claims import find_tallies, looks_like_year
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import identify_language, normalize
from solidarity.monitor.pipeline.records import DocumentInput, Evidence, SubEventType

PUBLISHED = datetime.date(2018, 1, 2)


def ev(sentence: str) -> Evidence:
    sentence = normalize(sentence)
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def tallies(sentence: str, language: str = "en", *, event_sentence: bool = False) -> list[tuple[int, str, str]]:
    found = find_tallies(ev(sentence), language, PUBLISHED, "IR", event_sentence=event_sentence)
    return [(c.count, c.unit, c.qualifier) for c in found]


def test_a_year_or_an_ordinal_is_never_a_count() -> None:
    assert looks_like_year("2018") and looks_like_year("1401") and not looks_like_year("1,500")
    result = extract(DocumentInput(text="The 2018 Iranian general strikes spread.", published=PUBLISHED))
    assert [c.count for c in result.claims] == []
    assert tallies("این شهرها در پنجمین روز اعتراض‌ها شاهد بیشترین ناآرامی‌ها بود.", "fa") == []


def test_casualty_and_arrest_tallies_are_claims_with_their_qualifier() -> None:
    assert tallies("At least twelve people have been killed in the protests.") == [(12, "killed", "at least")]
    assert tallies("The raid sparked riots, during which more than 200 were injured.") == [
        (200, "injured", "more than")
    ]
    assert tallies("علی اصغر ناصربخت از بازداشت دست کم ۴۵۰ نفر در حوادث اخیر در شهر تهران خبر داد.", "fa") == [
        (450, "arrested", "at least")
    ]
    assert tallies("فرماندار همدان نیز بازداشت شدگان را حدود ۱۵۰ نفر اعلام کرد.", "fa") == [(150, "arrested", "about")]


def test_every_number_on_an_infobox_line_of_arrests_is_a_tally_and_a_plus_is_more_than() -> None:
    assert tallies("- Arrests: 10+ in Bazaar strikes , 261 truckers , 40+ teachers 61 workers") == [
        (10, "arrested", "more than"),
        (261, "arrested", ""),
        (40, "arrested", "more than"),
        (61, "arrested", ""),
    ]


def test_an_infobox_label_glued_to_its_value_is_read_and_dates_citations_and_parts_are_not_counts() -> None:
    """Copies that lost a table's cells glue the label to the value ("Death(s)+300", "Wounded740+")."""
    assert tallies("Death(s)+300") == [(300, "killed", "more than")]
    assert tallies("Injuries740+ as of 12 October[4]") == [(740, "injured", "more than")]
    assert tallies("Arrestedestimated 9,500 (HRANA, as of 1 March).[2]") == [(9500, "arrested", "about")]
    assert tallies("Death(s)At least 212 protesters including 19 minors killed (HRANA) as of 5 May[3]") == [
        (212, "killed", "at least")
    ]
    assert tallies("- Fatalities: 7 protesters, 3 police") == [(7, "killed", ""), (3, "killed", "")]
    assert tallies("Death(s) | 3[1] |") == [(3, "killed", "")]
    assert tallies("Injuries | 0 |") == [] and tallies("Injuries | Dozens hospitalised[2] |") == []


def test_a_breakdown_gives_its_whole_and_number_words_and_fatalities_count() -> None:
    assert tallies("310 protesters including 42 minors killed, according to the group") == [(310, "killed", "")]
    assert tallies("By Friday, at least forty two protesters have been killed, more than 900 fatalities overall.") == [
        (42, "killed", "at least"),
        (900, "killed", "more than"),
    ]
    assert tallies("تاکنون سی و دو نفر کشته شده اند.", "fa") == [(32, "killed", "")]


def test_a_gathering_told_with_its_town_and_day_stays_evidence_beside_a_count_of_places() -> None:
    text = "نخستین تجمع ۲ مهر ۱۴۰۱ در شیراز برگزار شد و روزهای بعد به همهٔ ۳۱ استان ایران گسترش یافت."
    result = extract(DocumentInput(text=text, language="fa"))
    assert [(c.count, c.unit) for c in result.claims] == [(31, "places")]
    assert [e.place.city for e in result.events if e.place] == ["Shiraz"]
    english = "Protesters rallied in Tabriz on 3 March and then spread to all 20 provinces."
    assert [(c.count, c.unit) for c in extract(DocumentInput(text=english)).claims] == [(20, "places")]


def test_the_casualty_lines_of_an_infobox_about_one_town_are_that_events_own() -> None:
    one = "Infobox\n- Location: Izeh, Iran\n- Fatalities: 7–12\nProtesters gathered in Izeh on 16 November 2022."
    assert extract(DocumentInput(text=one)).claims == ()
    many = "Infobox\n- Place: Iran\n- Fatalities: 7–12\nProtesters gathered in Izeh on 16 November 2022."
    assert [c.count for c in extract(DocumentInput(text=many)).claims] == [7, 12]


def test_a_count_of_places_is_a_claim_and_a_small_one_is_not() -> None:
    assert tallies("The protests spread to 21 cities within hours.") == [(21, "places", "")]
    assert tallies("تو ۱۷ شهر دیگه تجمع اعتراضی معلمان همزمان، انجام شد.", "fa") == [(17, "places", "")]
    assert tallies("Protests were held in two cities.") == []


def test_one_gatherings_own_casualties_stay_with_the_event() -> None:
    text = "Teachers rallied in Ahvaz on Monday. Police arrested five of them."
    result = extract(DocumentInput(text=text, published=PUBLISHED))
    assert result.claims == ()
    assert result.events and result.events[0].arrests is not None and result.events[0].arrests.value == 5
    fa = "کارگران در اهواز روز دوشنبه تجمع کردند. در اهواز ماموران دو نفر از آنها را بازداشت کردند."
    assert extract(DocumentInput(text=fa, published=PUBLISHED)).claims == ()


def test_the_dead_of_a_bombing_are_no_tally_of_protests() -> None:
    text = "Four people were killed in a grenade attack on a restaurant on Sunday, police said."
    assert extract(DocumentInput(text=text, published=PUBLISHED)).claims == ()


def test_a_claim_sentence_is_never_evidence_of_an_event() -> None:
    text = "Workers rallied in Tabriz on Monday. At least twelve people have been killed in the protests so far."
    result = extract(DocumentInput(text=text, published=PUBLISHED))
    assert [c.count for c in result.claims] == [12]
    assert all("twelve" not in e.sentence for event in result.events for e in event.evidence)


def test_citation_markers_and_glued_link_text_split_nothing_and_hide_no_town() -> None:
    text = (
        "On 25 June 2018, thousands gathered in the Bazaar area ofTehran.[11][12] This was met with tear gas.[13]"
        " Protests also occurred inShahriar,Karaj, andMashhad.[14]"
    )
    result = extract(DocumentInput(text=text))
    towns = {e.place.city for e in result.events if e.place}
    assert {"Tehran", "Karaj", "Mashhad"} <= towns
    assert all(e.date is not None and e.date.date == datetime.date(2018, 6, 25) for e in result.events)


def test_another_day_in_the_same_town_is_another_event_and_each_keeps_its_own_sub_type() -> None:
    text = (
        "On 25 June 2018, police fired tear gas at shopkeepers who gathered in Tehran.\n"
        "Protests continued for a third day in Tehran on 27 June despite a heavy security presence."
    )
    result = extract(DocumentInput(text=text))
    days = sorted((e.date.date, e.sub_event_type.value) for e in result.events if e.date)
    assert days == [
        (datetime.date(2018, 6, 25), "Protest with intervention"),
        (datetime.date(2018, 6, 27), "Peaceful protest"),
    ]


def test_with_no_publication_date_a_day_without_a_year_takes_the_titles_year_and_a_heading_day() -> None:
    text = "Timeline\nJune\n26 June\nStrikes and protests were also seen in Kermanshah, Arak and Tabriz.\nMay\n"
    result = extract(DocumentInput(text=text, title="2018 Iranian general strikes"))
    assert {e.place.city for e in result.events if e.place} == {"Kermanshah", "Arāk", "Tabriz"}
    assert {e.date.date for e in result.events if e.date} == {datetime.date(2018, 6, 26)}


def test_a_named_day_holding_a_weekday_is_a_name() -> None:
    published = datetime.date(2022, 10, 20)  # a Thursday
    text = "Residents of Zahedan marched on the anniversary of Bloody Friday, chanting slogans."
    event = extract(DocumentInput(text=text, published=published)).events[0]
    assert event.date is not None and event.date.calendar == "publication"
    fa = "مردم زاهدان پس از نماز جمعه راهپیمایی کردند."
    day = extract(DocumentInput(text=fa, published=published)).events[0].date
    assert day is not None and day.date == datetime.date(2022, 10, 14)
    # a lowercase adjective before a weekday is no name: the day is that Monday (2022-10-17)
    text = "The streets of Zahedan turned bloody Monday, as police confronted hundreds of protesters."
    event = extract(DocumentInput(text=text, published=published)).events[0]
    assert event.date is not None and event.date.date == datetime.date(2022, 10, 17)


def test_captions_headings_and_infobox_lines_are_no_evidence() -> None:
    text = (
        "The protests seen in Tehran\n"
        "- Place: Iran: Tehran, Abadan, Ahvaz, Arak\n"
        "The first protest took place in Mashhad on 28 December 2017.\n"
        "Silent demonstration from Hafte Tir Square to Enqelab Square. Tehran, 16 June 2009"
    )
    result = extract(DocumentInput(text=text))
    assert [e.place.city for e in result.events if e.place] == ["Mashhad"]


def test_a_sentence_about_the_movement_as_a_whole_and_a_later_placeless_one_join_no_event() -> None:
    text = (
        "The 2017–18 Iranian protests are a series of protests occurring throughout Iran.\n"
        "Teachers rallied in Shiraz on 3 January 2018.\n"
        "The authenticity of the videos could not be verified.\n"
        "In some cities the demonstrations turned violent with protesters attacking police."
    )
    event = extract(DocumentInput(text=text)).events[0]
    assert [e.sentence for e in event.evidence] == ["Teachers rallied in Shiraz on 3 January 2018."]
    assert event.sub_event_type.value == "Peaceful protest"


def test_a_year_is_no_crowd() -> None:
    event = extract(DocumentInput(text="On July 9th of 1999 the students of Tabriz University protested.")).events[0]
    assert event.crowd is None


def test_a_crackdown_called_violent_is_force_not_a_riot_and_a_comment_on_violence_is_no_riot() -> None:
    text = "Security forces opened fire on protesters gathered in Zahedan on 30 September 2022 in a violent crackdown."
    assert extract(DocumentInput(text=text)).events[0].sub_event_type.value == "Excessive force against protesters"


def test_the_sector_comes_from_the_events_own_sentences_or_the_headline_not_another_event() -> None:
    text = (
        "In late May, truckers staged a strike over low wages.\n"
        "On 25 June 2018, thousands gathered in the Bazaar of Tehran.\n"
        "On 26 June 2018, protests also occurred in Karaj."
    )
    result = extract(DocumentInput(text=text))
    karaj = next(e for e in result.events if e.place and e.place.city == "Karaj")
    assert karaj.sector is None
    tehran = next(e for e in result.events if e.place and e.place.city == "Tehran")
    assert tehran.crowd is not None and tehran.crowd.low == 1000


def test_protests_named_as_a_topic_tell_no_gathering() -> None:
    text = (
        "On 27 June 2018, protests continued for a third day in Tehran.\n"
        "Iran's Supreme Leader addressed the protests for the first time.\n"
        "The long-awaited peaceful protest by the bakers was finally held in Tabriz on 28 June 2018."
    )
    result = extract(DocumentInput(text=text))
    sentences = {e.sentence for event in result.events for e in event.evidence}
    assert not any("addressed the protests" in s for s in sentences)
    assert {e.place.city for e in result.events if e.place} == {"Tehran", "Tabriz"}


def test_provinces_in_a_list_of_places_are_places_of_their_own() -> None:
    text = (
        "Protests broke out in Iran's Khuzestan province on 15 July 2021 and spread to other provinces and cities,"
        " including Tehran, Kermanshah, Lorestan, Kurdistan and Alborz."
    )
    result = extract(DocumentInput(text=text))
    places_read = {(e.place.city, e.place.province_iso) for e in result.events if e.place}
    assert {
        (None, "IR-06"),
        ("Tehran", "IR-23"),
        ("Kermanshah", "IR-05"),
        (None, "IR-15"),
        (None, "IR-12"),
    } <= places_read
    assert (None, "IR-30") in places_read
    alone = extract(DocumentInput(text="Workers rallied in Ahvaz, Khuzestan province, on 15 July 2021."))
    assert [(e.place.city, e.place.province_iso) for e in alone.events if e.place] == [("Ahvaz", "IR-06")]


def test_a_gathering_before_parliament_is_in_tehran_and_an_ordinal_solar_hijri_day_is_a_day() -> None:
    published = datetime.date(2015, 3, 7)  # 16 Esfand 1393
    text = "معلمان ایران دهم اسفند، مقابل مجلس تجمع کردند."
    event = extract(DocumentInput(text=text, published=published)).events[0]
    assert event.place is not None and event.place.city == "Tehran"
    assert event.date is not None and event.date.date == datetime.date(2015, 3, 1)


def test_a_country_or_a_city_abroad_is_never_a_village_of_iran() -> None:
    published = datetime.date(2024, 1, 3)
    for text in ("Iraq\nProtesters gathered in Baghdad on Monday.", "عراق\nمعترضان در بغداد روز دوشنبه تجمع کردند."):
        result = extract(DocumentInput(text=text, published=published))
        assert all(e.place is None for e in result.events)


def test_a_part_of_a_town_is_that_town_and_shahrak_names_no_village() -> None:
    text = "On 19 November 2019 security forces entered Shahrak Taleghani, a suburb of Ahvaz, and shot at protesters."
    towns = [e.place.city for e in extract(DocumentInput(text=text)).events if e.place]
    assert towns == ["Ahvaz"]


def test_a_movement_named_after_a_person_is_a_name_not_a_gathering() -> None:
    text = (
        "Navid Afkari protests\nNavid Afkari protests\nThe protests began in Shiraz and Kazerun on 12 September 2020."
    )
    result = extract(DocumentInput(text=text, title="Navid Afkari protests"))
    given = {e.sentence for event in result.events for e in event.evidence}
    assert given == {"The protests began in Shiraz and Kazerun on 12 September 2020."}


def test_an_outcome_dated_another_day_and_a_label_put_on_protesters_join_no_gathering() -> None:
    text = (
        "Security forces clashed with protesters in Ahvaz on 16 November 2019. "
        "Witnesses dated the arrival of a large force of riot police to 18 November. "
        "State television described the protesters as rioters armed with weapons."
    )
    result = extract(DocumentInput(text=text))
    assert [len(event.evidence) for event in result.events] == [1]


def test_an_earlier_event_named_as_a_reference_and_an_invitation_to_join_are_no_gatherings() -> None:
    text = (
        "The Arak protests refers to the events that occurred on 3 March 1978, 40 days after the 1978 Shiraz protest. "
        "Leaflets were published in schools, inviting pupils and teachers to close the schools and join the marchers."
    )
    result = extract(DocumentInput(text=text, title="1978 Arak protests"))
    assert [e.place.city for e in result.events if e.place] == ["Arāk"]
    assert all("Leaflets" not in e.sentence for event in result.events for e in event.evidence)


def test_a_movement_named_for_its_cause_is_a_name_and_a_one_town_articles_own_dead_are_no_claim() -> None:
    text = (
        "Infobox\n- Place: Arak, Iran\n- Fatalities: 5\n"
        "Iranian protests against fuel prices\n"
        "Protesters rallied in Arak on 3 March 1978. As a result, at least 5 people were killed and 30 others injured."
    )
    result = extract(DocumentInput(text=text, title="Iranian protests against fuel prices"))
    assert result.claims == ()
    given = {e.sentence for event in result.events for e in event.evidence}
    assert "Protesters rallied in Arak on 3 March 1978." in given
    assert "Iranian protests against fuel prices" not in given


def test_a_title_or_a_kings_name_is_no_town() -> None:
    """ "Reza Shah" and "New Shapur" were read as Bandar-e Torkaman (once Bandar-e Shah) and Salmas (once Shapur)."""
    text = (
        "Protesters chanted “Reza Shah, bless your soul” in the city of Izeh on 20 July 2021. "
        "Hundreds marched in Isfahan’s northern district of New Shapur on 1 August 2018."
    )
    result = extract(DocumentInput(text=text, title=""))
    towns = {e.place.city for e in result.events if e.place}
    assert "Bandar-e Torkaman" not in towns and "Salmās" not in towns
    assert {"Īz̄eh", "Isfahan"} <= towns


def test_an_unrelated_caption_dates_no_event() -> None:
    """A copy's caption of another story ("… in Tel Aviv on Feb. 22, 2025") names no place of Iran and tells no
    protest: it does not date an event whose own sentence gives only a weekday; a date line still does."""
    text = (
        "Videos showed protesters chanting in the city of Izeh on Tuesday night.\n"
        "Dana Shem Tov reacts as she watches a televised release at the family home in Tel Aviv on Feb. 22, 2025."
    )
    result = extract(DocumentInput(text=text, title=""))
    assert [e.date for e in result.events] == [None]
    dated = extract(DocumentInput(text="11 اردیبهشت 1398\nکارگران روز چهارشنبه در اهواز تجمع کردند.", title=""))
    assert [e.date.date for e in dated.events if e.date] == [datetime.date(2019, 5, 1)]


def test_a_verb_of_arrest_or_execution_before_its_count_is_a_tally() -> None:
    assert tallies("Before the protests, Iran preemptively detained 38 teachers in order to stymie them.") == [
        (38, "arrested", "")
    ]
    assert tallies(
        "The government reacted by executing an alleged 84 of its supporters and arresting dozens more."
    ) == [(84, "executed", "")]
    # one gathering's own account stays with the gathering
    assert tallies("Police arrested 12 protesters there.", event_sentence=True) == []


def test_further_demonstrations_are_later_events_with_no_day_of_their_own() -> None:
    """ "held on 21 December in Qom …, leading on to further demonstrations in Qom and Isfahan": the funeral in
    Qom on 21 December, then other events in Qom and Isfahan that the sentence gives no day and no clash."""
    text = (
        "Montazeri's funeral, held on 21 December 2009 in Qom, was attended by a large gathering of people and "
        "clashes ensued between security forces and mourners, leading on to further demonstrations in Qom and Isfahan."
    )
    result = extract(DocumentInput(text=text, title=""))
    found = sorted((e.place.city, e.date.date.isoformat() if e.date else "") for e in result.events if e.place)
    assert found == [("Isfahan", ""), ("Qom", ""), ("Qom", "2009-12-21")]
    isfahan = next(e for e in result.events if e.place and e.place.city == "Isfahan")
    assert isfahan.sub_event_type.value == "Peaceful protest"


def test_tallies_glued_to_each_other_or_to_link_text_are_read_apart() -> None:
    """ "More than 1400 300 to 550 people in Tehran, 400 to 500 in Isfahan": a total (a qualified count, not
    the year 1400) and the low end of each range; "preemptivelydetained 38 teachers" is an arrest tally."""
    assert tallies("- Detentions: More than 1400 300 to 550 people in Tehran, 400 to 500 people in Isfahan") == [
        (1400, "arrested", "more than"),
        (300, "arrested", ""),
        (400, "arrested", ""),
    ]
    assert tallies("On 1 May, Iran preemptivelydetained 38 teachers to stymie planned protests.") == [
        (38, "arrested", "")
    ]


def test_an_infobox_under_a_title_naming_one_town_gives_that_events_own_casualties() -> None:
    """ "2005 Ahvaz unrest" with "- Fatalities: 1–20 (Iranian sources)": the one event's account, no tally."""
    text = (
        "Infobox\n- Title: 2005 Ahvaz unrest\n- Date: 15–18 April 2005\n"
        "- Fatalities: 1–20 (Iranian sources), 15–50 (external sources)\n"
        "Riots broke out in the city of Ahvaz on 15 April 2005 and lasted for four days."
    )
    result = extract(DocumentInput(text=text, title="2005 Ahvaz unrest"))
    assert result.claims == ()
    titled_movement = extract(DocumentInput(text=text.replace("Ahvaz", "Iranian"), title="2005 Iranian unrest"))
    assert {c.count for c in titled_movement.claims} >= {1, 15}


def test_part_of_a_wave_is_background_even_glued_to_the_next_word_by_a_stripped_link() -> None:
    told = "The protests, beginning on 6 May in Khuzestan, were initially associated with the rising cost of living."
    for summary in (
        "The protests were part of a countrywide wave of protests beginning in July 2021.",
        "The protests were part of acountrywide wave of protests beginning in July 2021.",
    ):
        result = extract(DocumentInput(text=f"{summary} {told}", published=datetime.date(2022, 5, 20)))
        assert [e.sentence for event in result.events for e in event.evidence] == [told], summary


def test_a_page_with_an_infobox_of_table_bars_is_read_in_its_own_language() -> None:
    """Table rules and cell bars ("| Date | 27 December 2009 | ||") are no words: left in, fastText reads the
    infobox of an English encyclopedia page as Chinese and no English rule applies to the page."""
    text = (
        "| Ashura protests | |||\n|---|---|---|---|\n| Part of 2009 Iranian presidential election protests | |||\n"
        "| Date | 27 December 2009 (Day of Ashura) | ||\n| Location | Various cities in Iran | ||\n"
        "| Methods | Protest | ||\n| Parties | |||\n| Casualties and losses | |||\n| |||\n"
        "The Ashura protests occurred on 27 December 2009 in Iran against the outcome of the presidential election."
    )
    assert identify_language(text) == "en"


def test_the_course_of_a_movement_summed_up_with_no_place_is_no_gathering() -> None:
    """ "protests were mostly peaceful, some violence erupted", "leading to further protests in December 2009",
    "the protests saw an escalation in violence", "were crushed within days": the movement's course, told with
    no place of its own, is evidence of no event; a gathering told with its town still is."""
    told = "Hundreds of students rallied in Qom on 21 December 2009 against the election result."
    for summary in (
        "While post-election protests were mostly peaceful, some violence erupted, leading to clashes between "
        "security forces and protesters, while some outspoken political dissenters were detained.",
        "Dissenters continued to speak out against the government, leading to further protests in December 2009.",
        "In December 2009, street protests saw an escalation in violence.",
        "Although the protests were crushed within days by the police and military, the events established the "
        "importance of religious opposition to the Shah.",
    ):
        result = extract(DocumentInput(text=f"{told} {summary}", title="", published=datetime.date(2010, 1, 5)))
        assert [e.sentence for event in result.events for e in event.evidence] == [told], summary
    placed = "Protesters gathered in Isfahan on 22 December 2009, leading to further protests in the city."
    result = extract(DocumentInput(text=placed, title="", published=datetime.date(2010, 1, 5)))
    assert [e.place.city for e in result.events if e.place] == ["Isfahan"]


def test_protests_named_as_a_span_of_days_with_no_town_are_no_gathering() -> None:
    """ "two days of protests … have turned deadly", "came on the second day of Khuzestan water shortage protests",
    "در چند روز اول تظاهرات چندین معترض را … کشته‌اند": the span of a movement's days summed up, told with no town
    of its own, is evidence of no event; a gathering told on such a day, or in its town, still is."""
    published = datetime.date(2021, 7, 17)
    told = "Hundreds of residents rallied in Shadegan on Thursday against water shortages."
    for summary in (
        "Iranian state media say two days of protests against water shortages in the country's southwest have "
        "turned deadly, with gunfire killing one person late Friday.",
        "Friday's incident came on the second day of Khuzestan water shortage protests that have drawn attention "
        "to long-running mismanagement.",
    ):
        result = extract(DocumentInput(text=f"{summary} {told}", language="en", published=published))
        assert [e.sentence for event in result.events for e in event.evidence] == [told], summary
    persian = "ویدیوها نشان می‌دهند که نیروهای امنیتی در چند روز اول تظاهرات چندین معترض را به ضرب گلوله کشته‌اند."
    assert extract(DocumentInput(text=persian, language="fa", published=published)).events == ()
    for still in (
        "On the third day of protests, thousands gathered in Tehran.",
        "Protesters hurled rocks at security forces on Sunday in a second day of protests.",
        "During the first few days of demonstrations in Mahshahr, protesters gained control over much of the city.",
    ):
        assert extract(DocumentInput(text=still, language="en", published=published)).events != (), still
    town = "در روز دوم اعتراضات، مردم در اهواز تجمع کردند."
    assert extract(DocumentInput(text=town, language="fa", published=published)).events != ()


def test_arrests_summed_up_over_past_years_are_no_outcome_of_the_gathering_before() -> None:
    """ "Over the past several years in Iran, hundreds of students have been arrested": years summed up, not what
    befell the gathering just told (nor its sub-type); an arrest told the same day still is."""
    published = datetime.date(2008, 12, 12)
    told = (
        "Two days later, on December 9th, several hundred students at Shiraz University held their own demonstrations."
    )
    for years in (
        "Over the past several years in Iran, hundreds of students have been arrested, expelled from university and "
        "jailed for expressing dissenting views.",
        "In recent years, many student activists have been detained by security forces.",
    ):
        result = extract(DocumentInput(text=f"{told} {years}", language="en", published=published))
        assert [e.sentence for event in result.events for e in event.evidence] == [told], years
        assert [e.sub_event_type for e in result.events] == [SubEventType.PEACEFUL_PROTEST]
    arrested = "Police arrested a dozen of the students."
    result = extract(DocumentInput(text=f"{told} {arrested}", language="en", published=published))
    assert [e.sentence for event in result.events for e in event.evidence] == [told, arrested]


def test_how_a_movement_grew_told_with_no_town_is_no_gathering() -> None:
    """ "ongoing protests in Iran escalated into nationwide civil unrest", "Protests were initially concentrated in
    the province of Khuzestan, but rapidly spread nationwide": the movement's course, with at most the province it
    began in, reports no event; a gathering told in its town still does."""
    published = datetime.date(2022, 5, 20)
    for course in (
        "In May 2022, ongoing protests in Iran escalated into nationwide civil unrest as a result of price hikes.",
        "Protests were initially concentrated in the drought-stricken province of Khuzestan, but rapidly spread "
        "nationwide.",
    ):
        assert extract(DocumentInput(text=course, language="en", published=published)).events == (), course
    told = "Hundreds of people rallied in Dezful on 13 May against the rise in the price of bread."
    result = extract(DocumentInput(text=told, language="en", published=published))
    assert [e.place.city for e in result.events if e.place] == ["Dezful"]


def test_sympathy_with_strikers_or_a_crackdown_condemned_is_no_gathering() -> None:
    """ "many locals are sympathetic to the strikers", "The State Department condemned the violent crackdown on
    protesters": protests judged, not told; a gathering in solidarity with the strikers is still told."""
    published = datetime.date(2018, 5, 2)
    for judged in (
        "But they said many locals are sympathetic to the strikers.",
        "The State Department again condemned the violent crackdown on protesters.",
    ):
        assert extract(DocumentInput(text=judged, language="en", published=published)).events == (), judged
    still = "Workers gathered in Tehran on Tuesday in solidarity with the strikers."
    assert extract(DocumentInput(text=still, language="en", published=published)).events != ()


def test_a_disasters_toll_is_no_outcome_of_the_gathering_before() -> None:
    """ "37 people were also wounded and … may still be trapped under the rubble as rescue operations continue": the
    toll of the collapse the people protest about, not what befell their gathering; police firing tear gas is."""
    published = datetime.date(2022, 5, 27)
    told = "Hundreds of people took to the streets in Abadan on Thursday demanding justice after a building collapsed."
    toll = (
        "Officials said 37 people were also wounded and it remains unknown how many people may still be trapped "
        "under the rubble as rescue operations continue."
    )
    result = extract(DocumentInput(text=f"{told} {toll}", language="en", published=published))
    assert [e.sentence for event in result.events for e in event.evidence] == [told]
    fired = "Police fired tear gas at them."
    result = extract(DocumentInput(text=f"{told} {fired}", language="en", published=published))
    assert [e.sentence for event in result.events for e in event.evidence] == [told, fired]


def test_a_count_of_places_after_the_countrys_name_is_a_claim() -> None:
    assert tallies("The nationwide protests have spread to Iran's 31 provinces, Reuters reported.") == [
        (31, "places", "")
    ]


def test_the_dead_of_the_crackdowns_or_since_the_demonstrations_began_are_an_aggregate() -> None:
    # told beside a gathering's force (an event sentence), the words mark the count as the movement's
    assert tallies("At least 92 people have been killed in the crackdowns, the group said.", event_sentence=True) == [
        (92, "killed", "at least")
    ]
    assert tallies(
        "State TV reported that at least 41 protesters have been killed since the demonstrations began.",
        event_sentence=True,
    ) == [(41, "killed", "at least")]


def test_the_demonstrations_drew_crowds_in_towns_is_a_gathering_told_not_a_topic() -> None:
    text = "The demonstrations drew crowds in Tehran, Mashhad and Isfahan."
    result = extract(DocumentInput(text=text, published=datetime.date(2022, 9, 20)))
    assert {e.place.city for e in result.events if e.place} == {"Tehran", "Mashhad", "Isfahan"}


def test_a_day_heading_dates_the_gathering_below_it_apart_from_the_same_towns_other_day() -> None:
    text = (
        "Timeline\n20 June\n"
        "On 20 June, people in Abadan gathered in front of the water and sewage offices and protested.\n"
        "23 June\n"
        "Hundreds of people in Abadan again protested the lack of clean water in front of the governor's office.\n"
    )
    result = extract(DocumentInput(text=text, title="2018 Iranian water protests"))
    days = sorted(e.date.date for e in result.events if e.place and e.place.city == "Abadan" and e.date)
    assert days == [datetime.date(2018, 6, 20), datetime.date(2018, 6, 23)]


def test_a_news_agency_or_the_capital_named_for_the_state_is_no_place() -> None:
    from solidarity.monitor.pipeline.places import find_mentions

    assert find_mentions("The semi-official Fars news agency said 1,000 protesters had been arrested.") == []
    text = (
        "The protests have put renewed pressure on Iran's government after the United States withdrew from "
        "Tehran's nuclear deal with world powers."
    )
    assert find_mentions(text) == []
    assert [m.text for m in find_mentions("Hundreds marched in Tehran's Grand Bazaar on Monday.")] == ["Tehran"]
    assert find_mentions("The Fars News Agency reported the strike.") == []
    # news or a daily that is no outlet's name leaves the town a town
    assert [m.text for m in find_mentions("Protesters gathered in Tehran and news of arrests spread.")] == ["Tehran"]
    assert [m.text for m in find_mentions("Crowds marched in Mashhad daily for a week.")] == ["Mashhad"]


def test_the_toll_of_protests_that_left_people_dead_is_an_aggregate() -> None:
    sentence = "Khamenei blamed thugs for damaging property in protests that left at least two people dead."
    assert tallies(sentence, event_sentence=True) == [(2, "killed", "at least")]


def test_a_crackdown_the_crowd_defies_is_no_intervention_at_the_gathering() -> None:
    text = "Hundreds of Iranian protesters held rallies in the capital, Tehran, on Tuesday."
    result = extract(
        DocumentInput(
            text=text, title="Iranian Protests Continue, Defying Crackdown", published=datetime.date(2022, 11, 2)
        )
    )
    assert [e.sub_event_type for e in result.events] == [SubEventType.PEACEFUL_PROTEST]


def test_where_one_person_had_been_detained_is_no_place_of_the_gathering() -> None:
    from solidarity.monitor.pipeline.places import find_mentions

    sentence = (
        "Thousands have protested the death of Mahsa Amini, a woman who had been detained by the morality police "
        "in the capital of Tehran."
    )
    assert find_mentions(sentence) == []
    assert [m.text for m in find_mentions("Thousands protested in Tehran after her death.")] == ["Tehran"]


def test_protests_named_as_what_a_decision_sparked_are_no_gathering() -> None:
    text = "Iran's leader backed Sunday a government decision to increase fuel prices which sparked deadly protests."
    assert extract(DocumentInput(text=text, published=datetime.date(2019, 11, 18))).events == ()
    told = "Protesters gathered in Shiraz on Sunday against the decision, which sparked deadly protests."
    assert [
        e.place.city for e in extract(DocumentInput(text=told, published=datetime.date(2019, 11, 18))).events if e.place
    ] == ["Shiraz"]


def test_a_detention_told_as_the_crowds_reason_is_no_intervention_at_the_gathering() -> None:
    from solidarity.monitor.pipeline.detection import read_cues

    reason = (
        "Iranians gathered in two cities to protest the treatment of a woman who died last week,"
        " days after she was detained by the police."
    )
    assert not read_cues(reason, "en").intervention
    assert read_cues("Police detained dozens of protesters after the rally in Tehran.", "en").intervention
    assert read_cues("Protesters gathered after the verdict, and police detained dozens of them.", "en").intervention


def test_a_headline_naming_no_town_sets_no_force_on_one_of_several_towns() -> None:
    title = "Police Use Tear Gas to Disperse Protest Over Fuel Prices"
    several = extract(
        DocumentInput(
            text="Crowds gathered in Tehran, Mashhad and Shiraz on Monday to protest fuel prices.",
            title=title,
            published=PUBLISHED,
        )
    )
    assert len(several.events) == 3
    assert {e.sub_event_type for e in several.events} == {SubEventType.PEACEFUL_PROTEST}
    one = extract(
        DocumentInput(
            text="Crowds gathered in Tehran on Monday to protest fuel prices.", title=title, published=PUBLISHED
        )
    )
    assert [e.sub_event_type for e in one.events] == [SubEventType.PROTEST_WITH_INTERVENTION]


def test_the_time_of_one_persons_death_in_a_relative_clause_is_not_the_gatherings_day() -> None:
    from solidarity.monitor.pipeline.dates import find_date

    published = datetime.date(2022, 9, 20)

    def day(sentence: str) -> datetime.date | None:
        found = find_date(ev(sentence), published, "en")
        return found.date if found else None

    assert day("Iranians gathered in several cities to protest the treatment of a woman who died last week.") is None
    assert day("Crowds gathered on Monday for a woman who died in custody.") == datetime.date(2022, 9, 19)
    assert day("A woman who was detained by police died and crowds marched on Monday.") == datetime.date(2022, 9, 19)


def test_the_day_one_person_was_detained_dates_no_gathering_of_the_report() -> None:
    text = (
        "Crowds gathered in Tehran and Mashhad to protest the death of a young woman.\n"
        "She was detained September 13 in Tehran and died three days later."
    )
    result = extract(DocumentInput(text=text, published=datetime.date(2022, 9, 20)))
    assert len(result.events) == 2
    assert {(e.date.date, e.date.calendar) for e in result.events if e.date} == {
        (datetime.date(2022, 9, 20), "publication")
    }


def test_what_another_town_did_after_before_is_that_towns_sub_type() -> None:
    text = "Protesters rallied on Sunday in Abadan, before escalating on Monday in Khorramshahr and turning violent."
    result = extract(DocumentInput(text=text, published=datetime.date(2018, 7, 3)))
    kinds = {e.place.city: e.sub_event_type for e in result.events if e.place}
    assert kinds == {
        "Abadan": SubEventType.PEACEFUL_PROTEST,
        "Khorramshahr": SubEventType.VIOLENT_DEMONSTRATION,
    }


def test_a_count_of_places_in_the_world_is_no_tally_of_places_in_iran() -> None:
    # the shape of real-en-703 (development), written for the test: rallies of the diaspora counted worldwide
    assert tallies("Iranians and their supporters organized demonstrations in over 150 cities worldwide.") == []
    assert tallies("ایرانیان در بیش از ۱۵۰ شهر جهان تظاهرات کردند.", "fa") == []
    # a count of towns of Iran is still one
    assert tallies("Protests have spread to more than 150 cities, activists said.") == [(150, "places", "more than")]


def test_the_places_where_the_counted_people_were_arrested_are_part_of_that_tally_not_a_tally_of_places() -> None:
    # the shape of real-en-102 (development), written for the test
    assert tallies("By 4 November, over 14,000 people were arrested throughout 134 cities and towns.") == [
        (14000, "arrested", "more than")
    ]
    # protests counted in so many towns are still a tally of places
    assert tallies("By 4 November, protests were held in 134 cities and towns.") == [(134, "places", "")]
