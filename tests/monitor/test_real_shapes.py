"""Unit tests of the shapes of real news left from issue 16's twelfth round (its thirteenth round): credited
captions, judicial tallies, violence by protesters, days told loosely. Each test is one generic rule; the sentences
are written for the tests, in the shapes wire reports, encyclopedia articles and Persian agency reports use."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput

SUNDAY = datetime.date(2022, 9, 25)


def towns(text: str, published: datetime.date | None = SUNDAY, language: str = "en") -> list[str | None]:
    done = extract(DocumentInput(text=text, published=published, language=language))
    return [event.place.city if event.place else None for event in done.events]


def test_a_caption_told_as_a_sentence_and_then_credited_is_page_furniture() -> None:
    """ "Protesters gather in Tehran on 19 September 2022. Photo: AFP": the credit says the line is a caption."""
    for text in (
        "Protesters gather in Tehran on 19 September 2022. Photo: AFP",
        "Officials blamed foreign enemies.\nProtesters march in Mashhad on September 21, 2022. (Photo by "
        "Stringer/Getty Images)\nThe government cut internet access.",
        "Women burn their headscarves during a protest in Sanandaj, Iran, September 22, 2022. REUTERS/Stringer",
        "Demonstrators chant slogans in Shiraz. Credit: Reuters",
        "Students rally at Tehran University on Monday. (AP Photo/Vahid Salemi)",
        "Protesters gather in Tehran on 19 September 2022. AFP via Getty Images",
        "People protest in Karaj on 23 September 2022, in this picture obtained by Reuters.",
    ):
        assert towns(text) == [], text
    for text in (
        "تجمع معلمان معترض در شیراز، ۲۲ اسفند ۱۴۰۰. عکس از: ایسنا",
        "معلمان روز یکشنبه در مقابل اداره آموزش و پرورش شیراز تجمع کردند. (عکس: تسنیم)",
    ):
        assert towns(text, None, "fa") == [], text
    # a credit after a Persian semicolon or a dash
    assert towns("تجمع اعتراضی مردم رشت در خیابان مطهری؛ عکس: خبرگزاری فارس", None, "fa") == []
    assert towns("Protesters gather in Rasht on 24 September 2022 - Photo: Fars") == []
    # the report's own sentences are read: a photograph named in a sentence, a news agency as the source
    assert towns("Protesters gathered in Tehran on Monday. Photos by activists showed police beating them.") == [
        "Tehran"
    ]
    assert towns("Protesters gathered in Tehran on Monday, witnesses told Reuters.") == ["Tehran"]
    assert towns("معلمان روز یکشنبه در مقابل اداره آموزش و پرورش شیراز تجمع کردند.", None, "fa") == ["Shiraz"]
    # the credited caption beside the report does not add an event of its own
    text = (
        "Teachers gathered outside the education office in Shiraz on Monday.\n"
        "Protesters gather in Tehran on 19 September 2022. Photo: AFP\n"
        "Police watched the gathering, which ended after two hours."
    )
    assert towns(text) == ["Shiraz"]


def judged(text: str, language: str = "en") -> tuple[list[str | None], list[tuple[int, str, str | None]]]:
    done = extract(DocumentInput(text=text, published=datetime.date(2022, 11, 10), language=language))
    return (
        [event.place.city if event.place else None for event in done.events],
        [(claim.count, claim.unit, claim.claimant) for claim in done.claims],
    )


def test_people_charged_or_sentenced_over_the_protests_are_the_judiciarys_tally_not_a_gathering() -> None:
    """ "1,000 people have been charged over the protests in Tehran": a count of the judiciary, not Tehran's protest."""
    assert judged("Tehran's prosecutor said 1,000 people had been charged over the protests in Tehran.") == (
        [],
        [(1000, "charged", "Tehran's prosecutor")],
    )
    assert judged("More than 1,000 people have been indicted over the protests in Tehran, the judiciary said.") == (
        [],
        [(1000, "charged", "the judiciary")],
    )
    assert judged(
        "Courts in Tehran have issued 20 death sentences in connection with the protests, according to the judiciary."
    ) == ([], [(20, "sentenced", "judiciary")])
    assert judged(
        "Iran's judiciary has sentenced 400 people to prison terms of up to 10 years over the protests in Tehran."
    ) == ([], [(400, "sentenced", None)])
    assert judged("دادستان تهران گفت یک هزار نفر در ارتباط با اعتراضات تهران متهم شده‌اند.", "fa") == (
        [],
        [(1000, "charged", "دادستان تهران")],
    )
    assert judged("به گزارش میزان، برای ۳۱۵ نفر از متهمان اغتشاشات تهران کیفرخواست صادر شد.", "fa") == (
        [],
        [(315, "charged", "میزان")],
    )
    assert judged("رئیس دادگستری استان اصفهان گفت ۱۵۰ نفر از متهمان ناآرامی‌های اخیر در اصفهان محاکمه شدند.", "fa") == (
        [],
        [(150, "charged", "رئیس دادگستری استان اصفهان")],
    )
    assert judged("دادستان کل کشور گفت برای ۲۰۰ نفر از اغتشاشگران تهران کیفرخواست صادر شده است.", "fa") == (
        [],
        [(200, "charged", "دادستان کل کشور")],
    )
    # with no count, still no gathering
    assert judged("Hundreds of people have been charged over the protests in Tehran.") == ([], [])
    # a gathering told beside the court's work is one; people charged with something else are no tally of protests
    assert judged("Protesters gathered outside the court in Tehran where five men were sentenced over the protests.")[
        0
    ] == ["Tehran"]
    assert judged("خانواده‌های بازداشت‌شدگان اعتراضات روز دوشنبه مقابل دادگستری تهران تجمع کردند.", "fa")[0] == ["Tehran"]
    text = "Protests continued in Tehran on Monday. Two German journalists charged with espionage were released."
    assert judged(text)[1] == []


def sub_types(text: str, language: str) -> list[tuple[str | None, str]]:
    done = extract(DocumentInput(text=text, published=datetime.date(2019, 11, 18), language=language))
    return [(event.place.city if event.place else None, event.sub_event_type.value) for event in done.events]


def test_persian_rioters_attacking_a_building_are_violent_and_forces_clashing_with_a_crowd_intervene() -> None:
    """«آشوبگران به ساختمان استانداری در اهواز حمله کردند» was no event; «نیروهای امنیتی با معترضان … درگیر شدند» was a
    violent demonstration, where the English "Riot police clash with protesters" is a protest met by intervention."""
    violent = "Violent demonstration"
    assert sub_types("آشوبگران به ساختمان استانداری در اهواز حمله کردند.", "fa") == [("Ahvaz", violent)]
    assert sub_types("معترضان به ساختمان فرمانداری در بهبهان حمله کردند.", "fa") == [("Behbahān", violent)]
    intervention = "Protest with intervention"
    assert sub_types("نیروهای امنیتی با معترضان در بوکان درگیر شدند.", "fa") == [("Būkān", intervention)]
    assert sub_types("ماموران پلیس با جمعیت معترض در میدان اصلی سنندج درگیر شدند.", "fa") == [
        ("Sanandaj", intervention)
    ]
    # the crowd clashing with the forces stays violent; the forces attacking the crowd after it is an intervention
    assert sub_types("معترضان با نیروهای امنیتی در بوکان درگیر شدند.", "fa") == [("Būkān", violent)]
    text = "معترضان در مقابل فرمانداری ایذه تجمع کردند، نیروهای امنیتی به آنها حمله کردند."
    assert sub_types(text, "fa") == [("Īz̄eh", intervention)]


def test_a_funeral_or_memorial_met_by_the_forces_is_a_protest_whose_force_gives_its_sub_type() -> None:
    """A funeral or memorial whose mourners are met by tear gas or fire is met as a protest is (the gold's Montazeri
    funeral, "clashes ensued between security forces and mourners", is a protest with intervention)."""
    intervention, force = "Protest with intervention", "Excessive force against protesters"
    for text, expected in (
        ("Police fired tear gas at mourners at a memorial ceremony for a slain protester in Saqqez.", intervention),
        ("Police fired tear gas to disperse a funeral procession in Mahabad.", intervention),
        ("A memorial ceremony in Izeh was attacked by security forces on Wednesday.", intervention),
        (
            "Mourners gathered at the cemetery in Saqqez for the 40th-day memorial; security forces fired tear gas.",
            intervention,
        ),
        ("Security forces opened fire on mourners at a funeral in Zahedan, killing three.", force),
        ("Security forces fired live rounds at a memorial gathering in Javanrud.", force),
    ):
        assert [sub_type for _, sub_type in sub_types(text, "en")] == [expected], text
    for text, expected in (
        (
            "مردم سقز روز چهارشنبه برای مراسم چهلم مهسا امینی به آرامستان آیچی رفتند و نیروهای امنیتی با گاز اشک‌آور به "
            "مردم حمله کردند.",
            intervention,
        ),
        ("ماموران با شلیک گاز اشک‌آور مراسم تشییع جنازه در مهاباد را متفرق کردند.", intervention),
        ("نیروهای امنیتی به سوی سوگواران در مراسم خاکسپاری در زاهدان تیراندازی کردند و سه نفر کشته شدند.", force),
    ):
        assert [sub_type for _, sub_type in sub_types(text, "fa")] == [expected], text
    # the funeral of someone shot before it, a ceremony whose audience objected to its speaker: no protest
    for text in (
        "Hundreds attended the funeral of a man shot dead by security forces in Izeh.",
        "At a memorial ceremony in Tehran, the audience objected to the speaker.",
    ):
        assert sub_types(text, "en") == [], text
    assert sub_types("مراسم تشییع جوانی که با شلیک ماموران در ایذه کشته شده بود برگزار شد.", "fa") == []


def test_arson_in_the_passive_stones_and_smashed_windows_are_violent_but_a_burned_symbol_is_not() -> None:
    """ "A bank and several cars were set on fire" after a gathering, «… سنگ پرتاب کردند», «شیشه های بانک را شکستند»
    were read as peaceful or an intervention; burning a picture or a headscarf was read as a violent demonstration."""
    violent, peaceful = "Violent demonstration", "Peaceful protest"
    for text, language, expected in (
        ("Thousands protested in Najafabad on Sunday. A bank and several cars were set on fire.", "en", violent),
        ("هزاران نفر روز یکشنبه در نجف‌آباد تجمع کردند. یک بانک و چند خودرو به آتش کشیده شد.", "fa", violent),
        ("معترضان در نجف‌آباد شیشه‌های بانک را شکستند.", "fa", violent),
        ("معترضان در نجف‌آباد به سوی ماموران سنگ پرتاب کردند و ماموران با گاز اشک‌آور پاسخ دادند.", "fa", violent),
        ("Protesters in Najafabad burned pictures of the supreme leader.", "en", peaceful),
        ("Women in Sari burned their headscarves at a protest.", "en", peaceful),
        ("معترضان در نجف‌آباد تصاویر رهبر را آتش زدند.", "fa", peaceful),
        ("زنان معترض در ساری روسری‌هایشان را آتش زدند.", "fa", peaceful),
        # a bank, a motorcycle or a billboard burned is still property destroyed
        ("Protesters burned pictures of the supreme leader and set fire to a bank in Najafabad.", "en", violent),
        ("Protesters set fire to a billboard of Soleimani in Shiraz.", "en", violent),
        ("معترضان در نجف‌آباد یک بانک را به آتش کشیدند.", "fa", violent),
    ):
        assert [sub_type for _, sub_type in sub_types(text, language)] == [expected], text


def days(text: str, language: str = "en") -> list[tuple[str | None, str | None]]:
    done = extract(DocumentInput(text=text, published=datetime.date(2022, 11, 10), language=language))
    return [
        (event.place.city if event.place else None, event.date.date.isoformat() if event.date else None)
        for event in done.events
    ]


def test_the_following_day_in_the_same_town_is_another_event_on_the_next_day() -> None:
    """ "The following day, students protested again in Qom" after Monday's gathering there had joined that event."""
    monday, tuesday = ("Qom", "2022-11-07"), ("Qom", "2022-11-08")
    assert days("Students protested in Qom on Monday. The following day, students protested again in Qom.") == [
        monday,
        tuesday,
    ]
    assert days("Students protested in Qom on Monday. The following day, they protested again.") == [monday, tuesday]
    assert days("دانشجویان روز دوشنبه در قم تجمع کردند. روز بعد دانشجویان دوباره در قم تجمع کردند.", "fa") == [
        monday,
        tuesday,
    ]
    text = "Students protested in Qom on 8 January 1978. The following day, students protested again in Qom."
    assert days(text) == [("Qom", "1978-01-08"), ("Qom", "1978-01-09")]
    # another town the next day; and with no day to count from, another event all the same, its day unknown
    assert days("Students protested in Qom on Monday. The following day, workers protested in Tabriz.") == [
        monday,
        ("Tabriz", "2022-11-08"),
    ]
    assert days("Students protested in Qom. The following day, students protested again in Qom.") == [
        ("Qom", "2022-11-10"),
        ("Qom", None),
    ]


def test_a_span_of_days_or_this_week_is_no_one_day_and_a_weekday_last_week_is_that_weeks() -> None:
    """«طی چند روز گذشته» was read as «روز گذشته», yesterday; "this week" as last week; "Monday last week" as this
    week's Monday."""

    def day_and_precision(text: str, language: str = "en") -> tuple[str, int]:
        event = extract(DocumentInput(text=text, published=datetime.date(2022, 11, 10), language=language)).events[0]
        assert event.date is not None
        return event.date.date.isoformat(), event.date.precision

    assert day_and_precision("کارگران طی چند روز گذشته در آبادان تجمع کرده‌اند.", "fa") == ("2022-11-10", 2)
    assert day_and_precision("کارگران در سه روز اخیر در آبادان تجمع کرده‌اند.", "fa") == ("2022-11-10", 2)
    assert day_and_precision("Nurses gathered in Tabriz this week.") == ("2022-11-10", 2)
    assert day_and_precision("Teachers protested in Shiraz earlier this week.")[1] == 2
    assert day_and_precision("Truck drivers went on strike in Bandar Abbas last week.")[1] == 2
    assert day_and_precision("معلمان هفته گذشته در شیراز تجمع کردند.", "fa")[1] == 2
    assert day_and_precision("Workers protested in Abadan on Monday last week.") == ("2022-10-31", 1)
    assert day_and_precision("کارگران دوشنبه هفته گذشته در آبادان تجمع کردند.", "fa") == ("2022-10-31", 1)
    # a day named alone is still the day
    assert day_and_precision("کارگران روز گذشته در آبادان تجمع کردند.", "fa") == ("2022-11-09", 1)
    assert day_and_precision("Workers protested in Abadan on Monday.") == ("2022-11-07", 1)


def test_a_small_toll_in_one_town_on_a_sources_word_with_no_gathering_told_is_that_sources_tally() -> None:
    """ "At least 7 people were killed in Izeh, state media said", with no gathering told in Izeh, was neither an event
    nor a claim: the gold counts one town's tallies told by officials as claims (real-fa-001's arrests by town)."""

    def claims_of(text: str, language: str = "en") -> list[tuple[int, str, str | None]]:
        done = extract(DocumentInput(text=text, published=datetime.date(2022, 11, 18), language=language))
        return [(claim.count, claim.unit, claim.claimant) for claim in done.claims]

    lead = "Protests continued across Iran on Wednesday.\nThe government blamed foreign enemies.\n"
    assert claims_of(lead + "At least 7 people were killed in Izeh, state media said.") == [
        (7, "killed", "state media")
    ]
    lead_fa = "اعتراضات روز چهارشنبه در سراسر ایران ادامه یافت.\n"
    assert claims_of(lead_fa + "به گفته رسانه‌های دولتی دست کم هفت نفر در ایذه کشته شدند.", "fa") == [
        (7, "killed", "رسانه های دولتی")
    ]
    # with no source it is the town's own account; told after its gathering, that gathering's; one person is no tally
    assert claims_of(lead + "Two people were killed in Izeh.") == []
    assert (
        claims_of("Protesters gathered in Izeh on Wednesday.\nAt least 7 people were killed in Izeh, state media said.")
        == []
    )
    assert claims_of(lead + "Only one person was killed in Izeh, state media said.") == []


def test_a_labelled_or_credited_caption_between_a_gathering_and_its_outcome_does_not_part_them() -> None:
    """A photograph put between "Demonstrators gathered in Mashhad" and "Police fired tear gas" had left the gathering
    peaceful: the outcome no longer followed the sentence just before it."""
    intervention = [("Mashhad", "Protest with intervention")]
    for caption in (
        "A woman walks past a burning police motorcycle in Tehran on Sept. 19, 2022. (AP Photo/Middle East Images)",
        "Photo: AFP",
    ):
        text = f"Demonstrators gathered in Mashhad on Friday.\n{caption}\nPolice fired tear gas to disperse them."
        assert sub_types(text, "en") == intervention, caption
    # a heading still parts them
    text = "Demonstrators gathered in Mashhad on Friday.\nBackground\nPolice fired tear gas to disperse them."
    assert sub_types(text, "en") == [("Mashhad", "Peaceful protest")]


def test_clashes_between_the_forces_and_a_crowd_named_in_that_order_are_an_intervention() -> None:
    """ "Clashes broke out between security forces and mourners at the funeral" was no event or a violent
    demonstration; as "Riot police clash with protesters", the forces named first meet the crowd."""
    intervention, violent = "Protest with intervention", "Violent demonstration"
    assert sub_types("Clashes broke out between security forces and mourners at the funeral in Izeh.", "en") == [
        ("Īz̄eh", intervention)
    ]
    assert sub_types("Clashes broke out between police and protesters in Izeh.", "en") == [("Īz̄eh", intervention)]
    # the crowd named first stays violent
    assert sub_types("Clashes broke out between protesters and security forces in Izeh.", "en") == [("Īz̄eh", violent)]


def test_a_clash_with_the_protesters_tells_a_gathering_whose_dead_are_its_own() -> None:
    """«در پی درگیری میان نیروهای امنیتی و معترضان در زاهدان، دست کم ۴۰ نفر کشته شدند» was a claim and no event: the
    protesters named in a clash were read as the people counted, not a gathering (the gold keeps one event's dead
    with it); the forces named first in «درگیری میان …» meet the crowd, as in English."""
    force = "Excessive force against protesters"
    text = "در پی درگیری میان نیروهای امنیتی و معترضان در زاهدان، دست کم ۴۰ نفر کشته شدند."
    assert judged(text, "fa") == (["Zahedan"], [])
    assert sub_types(text, "fa") == [("Zahedan", force)]
    text = "Clashes between security forces and protesters in Zahedan left at least 40 people dead."
    assert judged(text) == (["Zahedan"], [])
    assert sub_types("درگیری میان نیروهای امنیتی و معترضان در زاهدان ادامه یافت.", "fa") == [
        ("Zahedan", "Protest with intervention")
    ]
    assert sub_types("درگیری میان معترضان و نیروهای امنیتی در زاهدان ادامه یافت.", "fa") == [
        ("Zahedan", "Violent demonstration")
    ]
    # a count over the country stays a tally
    assert judged("At least 40 protesters were killed in clashes across the country, rights groups said.") == (
        [],
        [(40, "killed", "rights groups")],
    )
