"""Unit tests of sentence-level event precision on real text (issue 16): which sentences are evidence of
an event and which are not. Each test is one generic rule, on sentences written for the test."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.extract import _background, extract
from solidarity.monitor.pipeline.records import DocumentInput, Extraction, SubEventType

PUBLISHED = datetime.date(2024, 5, 8)


def read(text: str, title: str = "", published: datetime.date | None = PUBLISHED) -> Extraction:
    return extract(DocumentInput(text=text, title=title, published=published))


def evidence(result: Extraction) -> set[str]:
    return {e.sentence for event in result.events for e in event.evidence}


def test_history_and_summary_sentences_are_no_evidence() -> None:
    """Comparisons, names, summed-up durations and what came before tell the movement, not a gathering."""
    for background in (
        "They were the largest teachers' protests since 2018.",
        "The protests in Khuzestan lasted for about two weeks and were mostly urban.",
        "Protests were later dubbed the Uprising of the Thirsty.",
        "The rally was in continuation of the protests held a week earlier in Ahvaz.",
        "These protests differed from earlier ones in their demands.",
    ):
        result = read(f"Teachers rallied in Shiraz on 6 May over unpaid wages. {background}")
        assert [e.place.city for e in result.events if e.place] == ["Shiraz"], background
        assert evidence(result) == {"Teachers rallied in Shiraz on 6 May over unpaid wages."}, background


def test_a_sentence_with_its_own_day_is_not_background() -> None:
    """A quoted comparison inside a report of a day's gathering does not unmake the report."""
    result = read('Protests continued for a third day in Tabriz on 7 May, "the biggest unrest since January".')
    assert [e.place.city for e in result.events if e.place] == ["Tabriz"]


def test_a_call_for_protests_is_not_a_name() -> None:
    result = read("Workers went on strike in Arak on Monday; the strike was called by their union.")
    assert [e.place.city for e in result.events if e.place] == ["Arāk"]
    assert _background("Marches have been called for next week.") is False


def test_the_cause_of_clashes_is_not_their_outcome() -> None:
    """A sentence telling why clashes happened neither joins the event nor sets its sub-type."""
    result = read(
        "Police fired tear gas at worshippers protesting in Zahedan on Friday. "
        "The clashes were mainly in response to the death of a girl in police custody."
    )
    (event,) = result.events
    assert event.sub_event_type is SubEventType.PROTEST_WITH_INTERVENTION
    assert len(event.evidence) == 1


def test_an_article_named_after_a_movement_places_no_placeless_sentence() -> None:
    """An encyclopedia article titled by its years: its placeless sentences are the movement, no event."""
    result = read(
        "The 2019–2020 Iranian protests were a wave of civil protests caused by a rise in fuel prices.\n"
        "Security forces shot protesters from rooftops.\n"
        "Protesters set fire to banks and petrol stations.",
        title="2019–2020 Iranian protests",
        published=None,
    )
    assert result.events == ()
    # a placed gathering in such an article is still an event
    placed = read(
        "Protests began on 15 November in Ahvaz over the rise in fuel prices.\nProtesters set fire to banks.",
        title="2019–2020 Iranian protests",
        published=None,
    )
    assert [e.place.city for e in placed.events if e.place] == ["Ahvaz"]


def test_a_news_report_of_the_movement_alone_takes_no_place_from_elsewhere() -> None:
    result = read("Protests spread across the country on Tuesday.\nThe governor of Kerman called for calm.")
    assert [e.place for e in result.events] == [None]


def test_victims_named_as_protesters_make_a_tally_not_an_event() -> None:
    result = read("As many as 1,500 protesters were killed.")
    assert result.events == ()
    assert [(c.count, c.unit, c.qualifier) for c in result.claims] == [(1500, "killed", "about")]


def test_an_outcome_after_a_list_of_places_joins_only_the_place_it_names() -> None:
    unnamed = read("Retirees rallied in Shush and Ahvaz on Monday. Police fired tear gas.")
    assert {e.sub_event_type for e in unnamed.events} == {SubEventType.PEACEFUL_PROTEST}
    named = read("Retirees rallied in Shush and Ahvaz on Monday. In Ahvaz police detained two of them.")
    kinds = {e.place.city: e.sub_event_type for e in named.events if e.place}
    assert kinds["Ahvaz"] is SubEventType.PROTEST_WITH_INTERVENTION
    assert kinds["Shūsh"] is SubEventType.PEACEFUL_PROTEST


def test_a_placeless_protest_sentence_after_a_list_starts_no_event_at_the_last_place() -> None:
    result = read(
        "Protests broke out in Tehran, Isfahan and Bushehr on 16 July. "
        "Protests soon turned violent as police tried to suppress them."
    )
    assert {e.sub_event_type for e in result.events} == {SubEventType.PEACEFUL_PROTEST}


def test_protests_judged_by_an_official_are_a_topic_in_persian() -> None:
    result = read("رئیس جمهوری در سخنان دیروز خود اعتراض را حق طبیعی مردم دانسته بود.")
    assert result.events == ()


def test_these_cities_are_the_places_of_the_sentence_before() -> None:
    result = read(
        "همچنین گزارش شده که در شهرهای مختلف استان اصفهان بیش از یکصد نفر بازداشت شدند. "
        "این شهرها روز دوشنبه شاهد بیشترین اعتراض ها بود."
    )
    assert [(e.place.city, e.place.province_iso) for e in result.events if e.place] == [(None, "IR-10")]


def test_a_caption_of_two_sentences_is_furniture() -> None:
    result = read(
        "Nurses rallied in Shiraz on Sunday over unpaid overtime.\n"
        "A silent march on Enqelab Street. Tehran, 16 June\n"
        "The nurses dispersed peacefully."
    )
    assert [e.place.city for e in result.events if e.place] == ["Shiraz"]


def test_what_came_before_in_the_past_perfect_is_no_outcome() -> None:
    result = read(
        "Hundreds protested outside the courthouse in Sanandaj on Monday. "
        "The detained activist had been beaten by guards before his trial."
    )
    (event,) = result.events
    assert event.sub_event_type is SubEventType.PEACEFUL_PROTEST and len(event.evidence) == 1


def test_a_movement_that_is_ongoing_is_the_movement_as_a_whole() -> None:
    result = read("Protests against the government began on 16 September and are ongoing as of December.")
    assert [e.place for e in result.events] == [None]
    assert len(result.events[0].evidence) == 1


def test_a_history_naming_three_years_is_background_and_its_tally_a_claim() -> None:
    result = read(
        "The wave, which included the 2017 protests, the 2018 strikes and the 2019 uprising, met violent "
        "responses, including the killing of 1,500 protesters and a crackdown on protests in Mahshahr."
    )
    assert result.events == ()
    assert [(c.count, c.unit) for c in result.claims] == [(1500, "killed")]


def test_a_strike_told_in_the_passive_is_a_protest() -> None:
    result = read("A three-day strike campaign was launched by bus drivers in Rasht on Sunday.")
    assert [e.place.city for e in result.events if e.place] == ["Rasht"]


def test_headline_and_captions_are_no_evidence_when_the_body_tells_the_event() -> None:
    """A headline sums up the report and a caption describes a picture: the body's sentences are the
    evidence, while the caption still gives the day and place it names."""
    caption = "This image grab from a video posted on Nov. 11, 2022, shows protesters chanting during a march in Khash."
    told = "Videos showed demonstrators in the city of Khash chanting slogans against the government."
    result = read(f"{caption}\n{told}", title="Protests Persist in Iranian City", published=None)
    assert [e.place.city for e in result.events if e.place] == ["Khāsh"]
    assert evidence(result) == {told}
    assert result.events[0].date is not None and result.events[0].date.date == datetime.date(2022, 11, 11)
    photo = "In this photo sent by a citizen journalist, a crowd of protesters marches in the city of Karaj."
    result = read(f"{photo} Hundreds of people rallied in Karaj on 6 May over prices.")
    assert evidence(result) == {"Hundreds of people rallied in Karaj on 6 May over prices."}


def test_a_headline_alone_stays_the_evidence_of_its_event() -> None:
    """A report whose body tells nothing of the event keeps the headline as its evidence."""
    result = read("The governor said calm had returned.", title="Teachers rally in Shiraz over unpaid wages")
    assert evidence(result) == {"Teachers rally in Shiraz over unpaid wages"}


def test_the_movement_as_a_whole_is_no_evidence_of_a_towns_event() -> None:
    """ "Part of a countrywide wave", a province and then "nationwide", "in Iran" as the only place: the
    movement, not a gathering in one town."""
    told = "Teachers rallied in Shiraz on 6 May over unpaid wages."
    for movement in (
        "The protests were part of a countrywide wave of protests beginning in July 2021.",
        "Protests were initially concentrated in the province of Khuzestan, but rapidly spread nationwide.",
        "The Ashura protests occurred on 27 December 2009 in Iran against the outcome of the election.",
    ):
        result = read(f"{told} {movement}", published=None)
        assert [e.place.city for e in result.events if e.place] == ["Shiraz"], movement
        assert evidence(result) == {told}, movement


def test_a_quoted_or_abroad_in_iran_keeps_its_sentence() -> None:
    """ "In Iran" inside a quotation, or a rally abroad for people in Iran, is not the movement's place."""
    quoted = 'Students there were demonstrating against "the leadership in Iran that does not accept criticism".'
    result = read(f"Students protested at Tehran University on 6 May. {quoted}")
    assert quoted in evidence(result)
    rally = "Iranians in London rallied outside the embassy on Saturday in solidarity with workers in Iran."
    assert read(rally, title="London rally").events == ()


def test_protests_beginning_in_a_place_are_told_there() -> None:
    """ "The protests, beginning on 6 May in Khuzestan, were …" tells where and when they began."""
    result = read("The protests, beginning on 6 May in Khuzestan, were associated with the cost of living.")
    assert [(e.place.province_iso if e.place else None) for e in result.events] == ["IR-06"]


def test_days_told_together_are_one_event_per_town_and_day() -> None:
    """ "From Tuesday and Wednesday … in Isfahan and Karaj": each town on each day; "on Sunday in Kerman and
    on Monday in Ahvaz" still gives each town its own day."""
    published = datetime.date(2018, 8, 3)  # a Friday
    result = read(
        "Earlier reports from Tuesday and Wednesday showed demonstrations in Isfahan and Karaj.", published=published
    )
    assert sorted((e.place.city, e.date.date.isoformat()) for e in result.events if e.place and e.date) == [
        ("Isfahan", "2018-07-31"),
        ("Isfahan", "2018-08-01"),
        ("Karaj", "2018-07-31"),
        ("Karaj", "2018-08-01"),
    ]
    result = read("Teachers rallied on Sunday in Kerman and on Monday in Ahvaz.", published=published)
    assert sorted((e.place.city, e.date.date.isoformat()) for e in result.events if e.place and e.date) == [
        ("Ahvaz", "2018-07-30"),
        ("Kerman", "2018-07-29"),
    ]


def test_what_came_before_and_the_movement_in_iran_in_persian_are_no_evidence() -> None:
    """ "Workers in the seven towns had progressively joined the strike": what came before (a clause with
    "who had assembled" still tells the gathering); "مظاهرات … در ایران، …" is the movement."""
    told = "Teachers rallied in Shiraz on 6 May over unpaid wages."
    before = "Workers in the seven towns had progressively joined the strike that began in Baneh."
    result = read(f"{told} {before}", published=None)
    assert evidence(result) == {told}
    kept = read("Police dispersed farmers who had assembled on the riverbed in Isfahan on Monday.")
    assert [e.place.city for e in kept.events if e.place] == ["Isfahan"]
    fa_told = "معلمان روز دوشنبه مقابل اداره آموزش و پرورش شیراز تجمع کردند."
    fa_movement = "مظاهرات ضد حکومت در ایران، روز سه شنبه، وارد دهمین روز خود شد."
    result = read(f"{fa_told} {fa_movement}")
    assert evidence(result) == {fa_told}


def test_weekdays_of_a_report_with_no_publication_date_are_read_against_the_day_it_gives() -> None:
    """With no publication date, a caption's "Aug. 2, 2018" is the report's own day: "Thursday" is that day
    and "Tuesday and Wednesday" the two before it (the nearest such weekdays); with no full date anywhere,
    a weekday stays unread."""
    text = (
        "In this photo sent by a citizen journalist, a crowd of protesters marches in Karaj, Aug. 2, 2018.\n"
        "Street protests took place on Thursday in Tehran.\n"
        "Earlier reports from Tuesday and Wednesday showed demonstrations in Isfahan and Karaj."
    )
    result = read(text, published=None)
    assert sorted((e.place.city, e.date.date.isoformat()) for e in result.events if e.place and e.date) == [
        ("Isfahan", "2018-07-31"),
        ("Isfahan", "2018-08-01"),
        ("Karaj", "2018-07-31"),
        ("Karaj", "2018-08-01"),
        ("Karaj", "2018-08-02"),  # the march the caption shows
        ("Tehran", "2018-08-02"),
    ]
    undated = read("Hundreds of protesters marched Friday in Zahedan.", published=None)
    assert [e.date for e in undated.events] == [None]


def test_why_people_protest_told_with_no_place_is_no_evidence() -> None:
    """ "Residents said they were protesting higher prices", "The protesters expressed their anger over …"."""
    told = "Teachers rallied in Shiraz on 6 May over unpaid wages."
    for why in (
        "Residents said they were protesting sharply higher prices for imported products.",
        "The protesters expressed their anger over recent security crackdowns on demonstrators in the region.",
    ):
        result = read(f"{told} {why}", published=None)
        assert evidence(result) == {told}, why
