"""Unit tests of what real Persian and Dari news needed (issue 16, fifth real-text part): Solar Hijri days
written without a year, tallies told the Persian way, places and sentences of Persian reports.
Each test is one generic rule."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline import dates
from solidarity.monitor.pipeline.claims import find_claims, find_tallies, reads_as_year
from solidarity.monitor.pipeline.extract import _join_list_lines, extract
from solidarity.monitor.pipeline.language import normalize
from solidarity.monitor.pipeline.places import find_mentions
from solidarity.monitor.pipeline.records import DocumentInput, Evidence, SubEventType


def ev(sentence: str) -> Evidence:
    sentence = normalize(sentence)
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def days_by_town(text: str) -> dict[str | None, str | None]:
    result = extract(DocumentInput(text=text, language="fa"))
    return {(e.place.city if e.place else None): (e.date.date.isoformat() if e.date else None) for e in result.events}


def test_a_solar_day_with_its_weekday_takes_the_latest_year_it_fits_below_the_pages_clock() -> None:
    clock = "لینکهای قابل دسترسی\nخبر فوری\nچهارشنبه ۱۶ آبان ۱۴۰۳ ایران ۰۹:۱۶\n"
    story = "با فرا رسیدن شب، اعتراضات شامگاهی شنبه ۳۰ مهر آغاز شد و مردم معترض در مشهد به خیابانها آمدند."
    # 30 Mehr fell on a Monday in 1403 and on a Sunday in 1402: the Saturday is 30 Mehr 1401
    assert days_by_town(clock + story) == {"Mashhad": "2022-10-22"}
    # the clock itself dates nothing, and a day with no weekday is given no year by guess
    assert days_by_town(clock + story.replace("شنبه ۳۰ مهر", "۳۰ مهر")) == {"Mashhad": None}
    # with no clock and no year written anywhere, the weekday alone gives no year
    assert days_by_town(story) == {"Mashhad": None}
    hints = dates.YearHints(read_on=datetime.date(2024, 3, 19))
    friday = dates.find_date(ev("شهروندان اهوازی روز جمعه ۲۴ آبان تجمع کردند."), None, "fa", year=hints)
    assert friday is not None and friday.date == datetime.date(2019, 11, 15)


def test_a_solar_day_without_a_year_takes_the_year_of_the_reports_own_full_solar_date() -> None:
    text = (
        "وبسایت باشگاه خبرنگاران جوان دوشنبه شب ۱۱ دی گزارش داد که تجمع ها ادامه داشت.\n"
        "تجمعهای اعتراضی روز دوشنبه ۱۱ دی نیز در تهران ادامه پیدا کرد.\n"
        "تجمع روز پنجشنبه ۷ دی ۱۳۹۶ در مشهد\n"
    )
    assert days_by_town(text)["Tehran"] == "2018-01-01"
    # a weekday that does not fit the report's year is not forced into it
    wrong = dates.YearHints(solar_year=1396)
    assert dates.find_date(ev("روز جمعه ۱۱ دی در تهران تجمع کردند."), None, "fa", year=wrong) is None
    assert dates.solar_year_written(normalize("انقلاب ۱۳۵۷ … تجمع روز پنجشنبه ۷ دی ۱۳۹۶ در مشهد")) == 1396


def tallies(sentence: str, *, event_sentence: bool = False) -> list[tuple[int, str, str]]:
    found = find_tallies(ev(sentence), "fa", None, "IR", event_sentence=event_sentence)
    return [(c.count, c.unit, c.qualifier) for c in found]


def test_a_number_written_after_a_month_is_its_year_not_a_count() -> None:
    plan = ev("شورای هماهنگی فرهنگیان اعلام کرده بود که ۱۳ مهر ۹۴ تجمع سراسری اعتراضی برگزار می کند.")
    assert find_claims(plan, "fa", datetime.date(2015, 10, 3), "IR") == ()
    assert reads_as_year("سال 88", 4, "88") and not reads_as_year("در 88 شهر", 3, "88")
    assert not reads_as_year("در آبان ماه 90 تجمع", 12, "90")  # a month alone: ninety gatherings in Aban


def test_persian_tallies_of_students_of_glued_detainees_and_of_casualty_nouns_are_read() -> None:
    # who was counted may be named instead of "نفر"; "the number of …" and "since the protests began" mark a tally
    assert tallies(
        "شمار شهرهای معترض به ۱۵۷ شهر افزایش یافته و در این میان ۵۵۵ دانشجو بازداشت شدهاند.", event_sentence=True
    ) == [(555, "arrested", ""), (157, "places", "")]
    # "بازداشت‌شدگان" written without its joiner, the count after a few words
    assert tallies("خبرگزاری هرانا تعداد بازداشتشدگان را هم تا تاریخ دوم قوس ۱۸۰۵۹ نفر اعلام کرد.") == [
        (18059, "arrested", "")
    ]
    # a count with the casualty noun itself, one and three too when a source tells them as a day's tally
    assert tallies("برخی منابع دولتی از یک کشته و سه زخمی در این روز خبر داده اند.") == [
        (1, "killed", ""),
        (3, "injured", ""),
    ]
    # one gathering's own account stays the gathering's
    assert tallies("در این تجمع دو کشته و سه زخمی بر جای ماند.", event_sentence=True) == []


def test_a_count_of_gatherings_with_its_claimant_is_a_claim_without_a_period() -> None:
    sentence = ev("بر اساس گزارش هرانا، از آغاز تظاهرات در ایران ۱۰۷۵ تجمع شهری و دانشگاهی برگزار شده است.")
    found = find_claims(sentence, "fa", None, "IR")
    assert [(c.count, c.claimant) for c in found] == [(1075, "هرانا")]
    assert find_claims(ev("۱۰۷۵ تجمع شهری و دانشگاهی برگزار شده است."), "fa", None, "IR") == ()


def test_a_rally_abroad_told_before_the_gatherings_in_iran_is_no_evidence_of_them() -> None:
    text = (
        "همزمان با اعتراضات در برخی شهرهای ایران، هزاران ایرانی ساکن اروپا روز شنبه در برلین تظاهرات کردند. "
        "خبرگزاری رویترز اعلام کرد: دهها هزار نفر در برلین در حمایت از اعتراضات مردم ایران راهپیمایی کردند. "
        "ویدئوهایی نیز از اعتراضات در مشهد منتشر شده است."
    )
    result = extract(DocumentInput(text=text, language="fa", published=datetime.date(2022, 10, 23)))
    assert [(e.place.city if e.place else None) for e in result.events] == ["Mashhad"]
    assert [e.sentence for e in result.events[0].evidence] == ["ویدئوهایی نیز از اعتراضات در مشهد منتشر شده است."]


def test_persian_sentences_about_the_movement_or_its_history_are_no_evidence_of_a_gathering() -> None:
    published = datetime.date(2018, 1, 2)

    def evidence(text: str) -> list[str]:
        result = extract(DocumentInput(text=text, language="fa", published=published))
        return [e.sentence for event in result.events for e in event.evidence]

    told = "روز دوشنبه در تهران تجمع کردند."
    # protests "in the towns of Iran", "in big and small towns", "in some towns": the movement, no one gathering
    for wide in (
        "از روز پنجشنبه، اعتراض ها در شهرهای ایران آغاز شد.",
        "در اعتراض های گسترده در شهرهای بزرگ و کوچک ایران، مردم شعار دادند.",
        "گزارشها حاکی از موج اعتراض ها در برخی از شهرهای ایران است.",
    ):
        assert evidence(f"{told} {wide}") == [told], wide
    # a strike of 53 years ago, the largest protests in three years: history and a summary
    assert evidence("53 سال پیش معلمان در جریان یک اعتصاب موفق شدند.") == []
    assert evidence("این مظاهرات ضد حکومتی در سه سال گذشته بیپیشینه بوده است.") == []
    assert evidence("مظاهرات گستردهترین مظاهرات در سه سال پسین در ایران میباشد.") == []


def test_where_protests_spread_from_is_a_place_of_protest_not_where_people_came_from() -> None:
    published = datetime.date(2018, 1, 2)
    spread = "اعتراض ها به تدریج از مشهد، به کرمانشاه و سایر شهرها کشیده شد."
    result = extract(DocumentInput(text=spread, language="fa", published=published))
    assert sorted(e.place.city for e in result.events if e.place and e.place.city) == ["Kermanshah", "Mashhad"]
    came = "کارگرانی از اهواز به تهران آمدند و مقابل مجلس تجمع کردند."
    result = extract(DocumentInput(text=came, language="fa", published=published))
    assert [e.place.city for e in result.events if e.place] == ["Tehran"]


def test_a_full_date_told_with_the_same_town_elsewhere_dates_that_towns_event() -> None:
    text = (
        "تجمع های اعتراضی روز دوشنبه ۱۱ دی نیز در تهران ادامه پیدا کرد.\n"
        "اعتراض ها به تدریج از مشهد، به کرمانشاه و سایر شهرها کشیده شد.\n"
        "تجمع روز پنجشنبه ۷ دی ۱۳۹۶ در مشهد\n"
    )
    found = days_by_town(text)
    assert found["Mashhad"] == "2017-12-28"  # the caption's day, not the report's first (11 Dey)
    assert found["Tehran"] == "2018-01-01"


def test_the_capital_named_alone_is_tehran_but_not_another_countrys_nor_outside_it() -> None:
    published = datetime.date(2022, 10, 23)

    def towns(text: str) -> list[str | None]:
        return [
            e.place.city if e.place else None
            for e in extract(DocumentInput(text=text, language="fa", published=published)).events
        ]

    assert towns("مردم معترض در چند محله پایتخت به خیابانها آمدند.") == ["Tehran"]
    assert "Tehran" not in towns("هزاران نفر در برلین پایتخت آلمان تظاهرات کردند.")
    assert "Tehran" not in towns("اعتصابات به خارج از پایتخت نیز کشیده شد و در اراک تجمع کردند.")


def test_shops_closed_in_dari_or_a_bazaar_shut_is_a_shop_strike_with_no_gathering() -> None:
    from solidarity.monitor.pipeline.detection import read_cues

    for strike in (
        "گزارشها نشان می دهد که بازار جعفری به طور کامل به اعتصاب پیوسته و مغازهداران دوکانهای خود را بسته اند.",
        "اعتصابات گسترده با شدت بیشتری ادامه یافت و بخشهای وسیعی از بازار بزرگ تهران را تعطیل کرد.",
    ):
        assert not read_cues(normalize(strike), "fa").is_protest, strike
    # shopkeepers who march are a gathering
    march = "کسبه کاران معترض به سمت میدان فردوسی راهپیمایی کردند و دوکانهای خود را بستند."
    assert read_cues(normalize(march), "fa").is_protest


def test_protests_spoken_about_in_persian_are_a_topic_not_a_gathering() -> None:
    published = datetime.date(2026, 1, 6)
    told = "مظاهرات و اعتصاب کسبهکاران روز سه شنبه در تهران راه اندازی شد."
    spoken = (
        "وزارت خارجۀ ایالات متحده با اشاره به نهمین روز اعتراضات گفت که ایرانیها همچنان ایستادهاند.",
        "سخنگوی دولت در واکنش به اعتراضات گفت که خواسته های مردم شنیده می شود.",
    )
    for sentence in spoken:
        result = extract(DocumentInput(text=f"{told} {sentence}", language="fa", published=published))
        assert [e.sentence for event in result.events for e in event.evidence] == [told], sentence


def test_a_count_told_on_officials_word_is_a_claim_with_its_claimant_not_one_gatherings_account() -> None:
    sentence = "به گفته برخی از مسئولان، تجمعهای اعتراضی روز یکشنبه حدود ۱۵ کشته برجای گذاشت."
    result = extract(DocumentInput(text=sentence, language="fa", published=datetime.date(2018, 1, 2)))
    assert [(c.count, c.unit, c.qualifier, c.claimant) for c in result.claims] == [
        (15, "killed", "about", "برخی از مسئولان")
    ]
    assert result.events == ()


def test_a_province_named_outside_a_list_of_places_and_not_after_in_is_no_place_of_the_event() -> None:
    told = (
        "گروهی از معترضان به جدایی بخشی از استان هرمزگان و پیوستن آن به استان فارس در پی حمله نیروهای پلیس"
        " در بندر عباس بازداشت شده اند."
    )
    history = "این برای چندمین بار در سالهای اخیر است که تغییر در تقسیمات استانی ایران با اعتراضات مردمی روبرو می شود."
    result = extract(DocumentInput(text=f"{told} {history}", language="fa", published=datetime.date(2013, 10, 20)))
    assert [(e.place.city if e.place else None, e.place.province_iso if e.place else None) for e in result.events] == [
        ("Bandar Abbas", "IR-22")
    ]
    assert [e.sentence for e in result.events[0].evidence] == [normalize(told)]
    # listed, or told after "in", a province is still a place of its own
    listed = extract(
        DocumentInput(
            text="Rallies were held in Tehran, Kermanshah, Lorestan and Alborz.", published=datetime.date(2021, 7, 20)
        )
    )
    assert sorted(e.place.province_iso for e in listed.events if e.place) == ["IR-05", "IR-15", "IR-23", "IR-30"]
    told_in = "Protests broke out in Iran's Khuzestan province and in Tehran and Isfahan on 15 July 2021."
    spread = extract(DocumentInput(text=told_in, published=datetime.date(2021, 7, 20)))
    assert "IR-06" in {e.place.province_iso for e in spread.events if e.place}


def test_the_protests_just_told_named_as_a_time_or_a_reach_are_a_topic_not_a_gathering() -> None:
    published = datetime.date(2025, 12, 31)
    told = "معترضان در تهران با انتقاد از وضعیت اقتصادی، شعارهای ضد حکومت را نیز سر دادند."
    spoken = (
        "همزمان با این تجمعات اعتراضی، فضای بسیاری از شهرها به شمول تهران شاهد تدابیر شدید امنیتی است.",
        "دامنه این اعتصابات به خارج از پایتخت نیز کشیده شده است.",
    )
    for sentence in spoken:
        result = extract(DocumentInput(text=f"{told} {sentence}", language="fa", published=published))
        assert [e.sentence for event in result.events for e in event.evidence] == [normalize(told)], sentence


def test_forces_posted_for_protesters_are_no_gathering_but_a_gathering_with_forces_posted_is() -> None:
    published = datetime.date(2025, 12, 31)
    told = "معترضان در تهران با انتقاد از وضعیت اقتصادی، شعارهای ضد حکومت را نیز سر دادند."
    posted = 'در تهران، نیروهای حکومتی و وسایط سرکوب مظاهرهکنندگان در ساحات مختلف به شمول منطقۀ "ولیعصر" مستقر شدهاند.'
    result = extract(DocumentInput(text=f"{told} {posted}", language="fa", published=published))
    assert [e.sentence for event in result.events for e in event.evidence] == [normalize(told)]
    assert [e.sub_event_type for e in result.events] == [SubEventType.PEACEFUL_PROTEST]
    english = "Riot police were deployed in large numbers around Azadi Square in Tehran to confront protesters."
    assert extract(DocumentInput(text=english, language="en", published=published)).events == ()
    both = "Hundreds of protesters gathered in Tehran as riot police were deployed."
    assert len(extract(DocumentInput(text=both, language="en", published=published)).events) == 1


def test_what_protesters_want_told_as_a_state_is_no_account_of_a_gathering() -> None:
    published = datetime.date(2018, 5, 30)
    told = "کارگران کارخانه آذرآب در اراک در مقابل فرمانداری تجمع کردند."
    wants = "کارگران معترض خواهان پرداخت دستمزدهای معوقه خود هستند."
    result = extract(DocumentInput(text=f"{told} {wants}", language="fa", published=published))
    assert [e.sentence for event in result.events for e in event.evidence] == [normalize(told)]


def test_in_the_course_of_the_protests_is_a_time_not_a_gathering() -> None:
    sentence = (
        "در ادامۀ اعتراضات مردمی در ایران، دفتر یکی از مراجع تقلید با صدور بیانیهای از حکومت خواسته است تا"
        ' "اجازه برگزاری رفراندوم" را صادر کند.'
    )
    assert extract(DocumentInput(text=sentence, language="fa", published=datetime.date(2009, 12, 30))).events == ()


def test_protests_named_only_in_someones_words_are_no_gathering_but_a_gathering_told_beside_them_is() -> None:
    published = datetime.date(2019, 1, 14)
    for sentence in (
        "یک مقام دولتی آمریکا با بیان این که زنان پشت اعتراضات گسترده اخیر در ایران هستند، گفت که خبری ندارد.",
        "او گفت: «بخش زیادی از توان و انرژی پشت اعتراضات ضدرژیم توسط زنان ایرانی هدایت میشود.»",
    ):
        assert extract(DocumentInput(text=sentence, language="fa", published=published)).events == (), sentence
    told = "کارگران با بیان این که حقوق نگرفته اند، در مقابل فرمانداری اراک تجمع کردند."
    assert len(extract(DocumentInput(text=told, language="fa", published=published)).events) == 1


def test_a_crackdown_criticized_or_an_official_slogan_is_no_gathering() -> None:
    """Protests judged, not told: the crackdown on protesters named as what a government criticizes, and a
    policy's slogan («شعار اقتصاد مقاومتی» of the leader); a gathering told beside them, or slogans chanted,
    still are."""
    published = datetime.date(2026, 1, 7)
    told = "کارگران کارخانه آذرآب در اراک روز سه شنبه در مقابل فرمانداری تجمع کردند."
    for judged in (
        "این درحالیست که وزارت خارجۀ ایالات متحده هنوز هم به انتقادات خود از حکومت ایران، مبنی بر سرکوب خشونت‌آمیز"
        " مظاهره کنندگان ادامه داده است.",
        "طعنه این نماینده به شعار اقتصاد مقاومتی آیت الله علی خامنه‌ای رهبر جمهوری اسلامی است.",
    ):
        result = extract(DocumentInput(text=f"{judged} {told}", language="fa", published=published))
        assert [e.sentence for event in result.events for e in event.evidence] == [normalize(told)], judged
        assert [e.sub_event_type for e in result.events] == [SubEventType.PEACEFUL_PROTEST]
    for still in (
        "مردم در مشهد شعار مرگ بر رهبر سر دادند.",
        "دانشجویان در اعتراض به سرکوب معترضان در دانشگاه تهران تجمع کردند.",
    ):
        assert extract(DocumentInput(text=still, language="fa", published=published)).events != (), still


def test_a_sentence_taking_up_a_past_strike_again_is_history_too() -> None:
    """ "53 سال پیش معلمان … در جریان یک اعتصاب تاریخ ساز …" is history; the sentence after it that takes the strike
    up again («اعتصابی که موجب استعفای یک کابینه … شد»: a strike that …) is the same history, no gathering. After a
    gathering told, such a sentence is not dropped by this rule."""
    published = datetime.date(2014, 5, 2)
    history = "53 سال پیش معلمان ایران در جریان یک اعتصاب تاریخ ساز، موفق شدند حکومت را به خواست های خود وادار سازند."
    resumed = "اعتصابی که موجب استعفای یک کابینه و روی کارآمدن کابینه ای دیگر شد."
    assert extract(DocumentInput(text=f"{history} {resumed}", language="fa", published=published)).events == ()
    told = "معلمان روز پنجشنبه در مقابل اداره آموزش و پرورش سنندج تجمع کردند."
    result = extract(DocumentInput(text=f"{told} {resumed}", language="fa", published=published))
    assert normalize(resumed) in [e.sentence for event in result.events for e in event.evidence]


def test_a_list_of_towns_on_the_line_below_a_lead_ending_in_a_colon_is_one_event_per_town() -> None:
    lead = "بر اساس فیلم‌های ارسالی روز شنبه ۲۵ آبان ۱۳۹۸ در شهرهای زیر تجمع اعتراضی برگزار شد:\n"
    towns = "اراک، بوشهر ، تبریز، سنندج، کرمانشاه، یزد."
    found = days_by_town(lead + towns)
    assert set(found) == {"Arāk", "Bushehr", "Tabriz", "Sanandaj", "Kermanshah", "Yazd"}
    assert set(found.values()) == {"2019-11-16"}
    # a line after a colon that is not a run of places (demands, names) is left alone
    demands = "معترضان خواسته‌های خود را چنین گفتند:\nافزایش دستمزد، آزادی زندانیان، بیمه."
    assert _join_list_lines(demands) == demands


def test_a_persian_toll_told_over_a_list_of_towns_is_a_claim_and_places_seeing_protests_are_counted() -> None:
    toll = normalize(
        "گزارش‌ها نشان می‌دهد که بر اثر تیراندازی ماموران دست کم هفت نفر"
        " در شهرهای شیراز، کرج، بهبهان، و سیرجان کشته شده‌اند."
    )
    found = find_tallies(Evidence(toll, 0, len(toll)), "fa", None, "IR", event_sentence=True, named_place=True)
    assert [(c.count, c.unit, c.qualifier) for c in found] == [(7, "killed", "at least")]
    # the towns of a toll are the toll's places, not four gatherings
    assert extract(DocumentInput(text=toll, language="fa")).events == ()
    # one town's own dead are still that gathering's account, no tally
    one = normalize("در تجمع شیراز دو نفر کشته شدند.")
    assert find_tallies(Evidence(one, 0, len(one)), "fa", None, "IR", event_sentence=True, named_place=True) == ()
    for sentence, count in [
        ("پیشتر صدای آمریکا تائید کرده بود که دست کم ۵۴ شهر ایران شاهد اعتراضات است.", 54),
        ("استاندار تهران تائید کرد که اعتراضات اخیر تا ۲۲ استان ایران گسترده شد.", 22),
        ("او گفته است در روز اول اعتراضات «۲۲ استان درگیر» بودند.", 22),
    ]:
        said = normalize(sentence)
        places_found = find_tallies(Evidence(said, 0, len(said)), "fa", None, "IR", event_sentence=False)
        assert [(c.count, c.unit) for c in places_found] == [(count, "places")]
    # a date is no count of places ("تا ۲۵ آبان"), nor a town seen from afar
    for sentence in ["اعتراضات تا ۲۵ آبان در شهر ادامه داشت.", "دو شهر شاهد تجمع بودند."]:
        said = normalize(sentence)
        assert find_tallies(Evidence(said, 0, len(said)), "fa", None, "IR", event_sentence=False) == ()


def test_the_protests_dead_named_as_a_group_are_no_force_at_a_gathering() -> None:
    from solidarity.monitor.pipeline.detection import read_cues

    named = normalize("کارکنان ادارات با لباس سیاه حاضر شده‌اند و درباره کشته‌شدگان اعتراضات با هم صحبت می‌کنند.")
    assert not read_cues(named, "fa").force
    funeral = normalize("مراسم خاکسپاری یکی از جان‌باختگان اعتراضات در سقز برگزار شد.")
    assert not read_cues(funeral, "fa").force
    # force told at the gathering still is
    shot = normalize("ماموران به سوی معترضان در سقز شلیک کردند و دو نفر کشته شدند.")
    assert read_cues(shot, "fa").force
    # the place-less sentence of mourning gives a gathering told before it no sub-type
    text = (
        "هزاران نفر روز چهارشنبه ۴ آبان ۱۴۰۱ در آرامستان آیچی سقز حاضر شدند و شعار دادند.\n"
        "شماری از کارکنان ادارات با لباس سیاه درباره کشته‌شدگان اعتراضات با هم صحبت می‌کنند."
    )
    (event,) = extract(DocumentInput(text=text, language="fa")).events
    assert event.sub_event_type is SubEventType.PEACEFUL_PROTEST


def test_footage_of_these_protests_sent_is_no_gathering() -> None:
    told = "شهروندان اهواز شامگاه پنجشنبه ۲۴ تیر ۱۴۰۰ در اعتراض به بی‌آبی تجمع کردند."
    sent = "مخاطبان برای صدای آمریکا دو ویدئو از این اعتراضات ارسال کرده‌اند."
    (event,) = extract(DocumentInput(text=told + "\n" + sent, language="fa")).events
    assert all("ویدئو" not in e.sentence for e in event.evidence)
    english = "Protesters gathered in Ahvaz on 15 July 2021.\nViewers sent two videos of these protests."
    (event,) = extract(DocumentInput(text=english, language="en")).events
    assert all("videos" not in e.sentence for e in event.evidence)
    # a gathering told beside the footage is still told
    both = normalize("ویدئویی از این اعتراضات نشان می‌دهد که مردم در سوسنگرد تجمع کردند.")
    from solidarity.monitor.pipeline.extract import _protest_judged

    assert not _protest_judged(both, "fa")


def test_a_town_named_with_what_kind_of_town_it_is_is_a_town() -> None:

    def towns(sentence: str) -> list[str | None]:
        return [m.place.name if m.place else None for m in find_mentions(normalize(sentence))]

    # Bostan (under 10,000 people) is read only with a cue: "the border town of"
    assert towns("مردم در شهر مرزی بستان تجمع کردند.") == ["Bostān"]
    assert towns("تجمع در شهرهای اهواز، سوسنگرد و شهر مرزی بستان.") == ["Ahvaz", "Sūsangerd", "Bostān"]
    # the word alone, with no cue, is still no town
    assert towns("بستان و باغ") == []


def test_a_name_a_town_holds_as_its_own_comes_before_another_towns_alternate() -> None:
    """GeoNames lists ساوه among Arak's names and کرج among Qods's: the towns themselves come first."""
    from solidarity.core.text import fold_for_search
    from solidarity.monitor.pipeline.places import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.place_names[fold_for_search("ساوه")][0].name == "Sāveh"
    assert gazetteer.place_names[fold_for_search("کرج")][0].name == "Karaj"
    # a town whose own Persian name is not known keeps its place before a village of the same name
    assert gazetteer.place_names[fold_for_search("خوی")][0].name == "Khūy"
    found = days_by_town("تجمع اعتراضی روز شنبه ۲۵ آبان ۱۳۹۸ در شهرهای اراک، ساوه و کرج برگزار شد.")
    assert set(found) == {"Arāk", "Sāveh", "Karaj"}


def test_a_day_told_before_its_speaker_and_said_is_when_they_spoke() -> None:
    def day(sentence: str) -> datetime.date | None:
        found = dates.find_date(ev(sentence), None, "fa")
        return found.date if found else None

    assert day("روز شنبه ۲۶ تیر ۱۴۰۰، سرپرست فرمانداری شادگان، امید صبری پور، گفت یک شهروند کشته شده است.") is None
    assert day("او گفت جمعه ۲۵ تیر ۱۴۰۰، یک جوان ۳۰ ساله جان خود را از دست داد.") == datetime.date(2021, 7, 16)
    assert day("روز شنبه ۲۶ تیر ۱۴۰۰، مردم شادگان تجمع کردند و یک شاهد گفت ماموران آمدند.") == datetime.date(
        2021, 7, 17
    )


def test_a_persian_list_separated_by_dashes_slashes_semicolons_or_bullets_is_one_event_per_town() -> None:
    # written for the test, in the shapes Persian reports use; small towns (under the 50,000 people a bare
    # Persian name needs) after the first, so each must be read as an item of the list
    towns = ["روانسر", "گیلانغرب", "سرپل‌ذهاب", "اسلام‌آباد غرب", "جوانرود"]
    expected = {"Ravānsar", "Gīlān-e Gharb", "Sarpol-e Z̄ahāb", "Eslāmābād-e Gharb", "Javānrūd"}
    for separator in [" - ", " – ", " / ", "/", "؛ ", " • "]:
        inline = "روز شنبه ۲۵ آبان ۱۳۹۸ تجمع اعتراضی در شهرهای " + separator.join(towns) + " برگزار شد."
        assert set(days_by_town(inline)) == expected, separator
        # the whole list on the line under a lead ending in a colon
        below = "روز شنبه ۲۵ آبان ۱۳۹۸ تجمع اعتراضی در این شهرها برگزار شد:\n" + separator.join(towns)
        assert days_by_town(below) == dict.fromkeys(expected, "2019-11-16"), separator


def test_a_list_opened_by_provinces_is_of_provinces_and_counties_opens_a_list_of_towns() -> None:
    # written for the test: Kermanshah, Tehran and Isfahan are towns and provinces; «استان‌های» (with its joiner,
    # a space after normalization) makes every name of its list a province
    def places_of(text: str) -> list[str | None]:
        result = extract(DocumentInput(text=text, language="fa"))
        return [e.place.city or e.place.province_iso for e in result.events if e.place]

    assert places_of("روز شنبه ۲۵ آبان ۱۳۹۸ مردم در استان‌های خوزستان، فارس، کرمانشاه و کردستان تجمع کردند.") == [
        "IR-06",
        "IR-07",
        "IR-05",
        "IR-12",
    ]
    assert places_of("روز شنبه ۲۵ آبان ۱۳۹۸ اعتراضات در استان‌های تهران، خوزستان و اصفهان ادامه داشت.") == [
        "IR-23",
        "IR-06",
        "IR-10",
    ]
    # the list of provinces ends where another list opens
    assert places_of("روز شنبه ۲۵ آبان ۱۳۹۸ در استان‌های خوزستان و کردستان و شهرهای تهران و مشهد تجمع شد.") == [
        "IR-06",
        "IR-12",
        "Tehran",
        "Mashhad",
    ]
    # «شهرستان‌های» opens a list of towns: the word is not the village of that name
    assert places_of("روز شنبه ۲۵ آبان ۱۳۹۸ مردم در شهرستان‌های ایذه، بهبهان و شوشتر تجمع کردند.") == [
        "Īz̄eh",
        "Behbahān",
        "Shūshtar",
    ]


def test_a_count_of_towns_told_with_its_towns_is_a_claim_and_one_event_per_town_with_or_without_a_day() -> None:
    # written for the test: the count is a tally of places, and the towns it names are where gatherings were
    text = "در ۵ شهر تجمع اعتراضی برگزار شد: تهران، مشهد، ایذه، بوکان و سقز."
    result = extract(DocumentInput(text=text, language="fa"))
    assert [(c.count, c.unit) for c in result.claims] == [(5, "places")]
    assert [e.place.city for e in result.events if e.place] == ["Tehran", "Mashhad", "Īz̄eh", "Būkān", "Saqqez"]
    # a count of places with one town and no day stays a claim alone («… از جمله تهران»)
    one = extract(DocumentInput(text="اعتراضات به ۲۲ استان از جمله تهران کشیده شد.", language="fa"))
    assert [(c.count, c.unit) for c in one.claims] == [(22, "places")]
    assert one.events == ()
    # a toll told over towns stays a claim, its towns no gatherings
    toll = "دست کم هفت نفر در شهرهای شیراز، کرج، بهبهان، و سیرجان کشته شده‌اند."
    assert extract(DocumentInput(text=toll, language="fa")).events == ()


def test_a_bulleted_list_under_a_lead_that_points_at_it_without_a_colon_is_one_event_per_town() -> None:
    # written for the test: small towns one a line, numbered or bulleted, under «در این شهرها …» with no colon
    expected = {"Ravānsar": "2019-11-16", "Gīlān-e Gharb": "2019-11-16", "Javānrūd": "2019-11-16"}
    for lead in ["در این شهرها تجمع اعتراضی برگزار شد", "در شهرهای زیر تجمع اعتراضی برگزار شد."]:
        for items in ["۱. روانسر\n۲. گیلانغرب\n۳. جوانرود", "- روانسر\n- گیلانغرب\n- جوانرود"]:
            assert days_by_town(f"روز شنبه ۲۵ آبان ۱۳۹۸ {lead}\n{items}") == expected
    # without a colon, lines with no bullet are not taken as the lead's items (a page's next lines)
    assert days_by_town("روز شنبه ۲۵ آبان ۱۳۹۸ در این شهرها تجمع اعتراضی برگزار شد\nروانسر\nگیلانغرب\nجوانرود") == {}


def test_a_round_up_of_lines_each_a_town_a_colon_and_what_happened_is_one_event_per_town() -> None:
    # written for the test, in the shape of a day's round-up of gatherings; Ravansar and Javanrud are under the
    # 50,000 people a bare Persian name needs, the colon after the town at the line's head is its cue
    text = (
        "گزارش تجمعات روز شنبه ۲۵ آبان ۱۳۹۸:\n"
        "- تهران: تجمع بازنشستگان مقابل مجلس\n"
        "- روانسر: تجمع کشاورزان مقابل فرمانداری\n"
        "- جوانرود: تجمع معلمان\n"
        "- اهواز: نشست خبری استاندار\n"
    )
    assert days_by_town(text) == {"Tehran": "2019-11-16", "Ravānsar": "2019-11-16", "Javānrūd": "2019-11-16"}


def test_a_persian_cue_word_is_a_word_of_its_own_and_keeps_its_plural_written_with_a_joiner() -> None:

    def names(sentence: str) -> list[str]:
        return [m.text for m in find_mentions(normalize(sentence))]

    # «شیراز» ends in «از» (from): the word after it is no town for that («صحنه», the scene, is also Sahneh)
    assert names("تهران، مشهد، اصفهان و شیراز صحنه تجمعات اعتراضی بود.") == ["تهران", "مشهد", "اصفهان", "شیراز"]
    # «شهر‌های», «شهرستان‌های», «روستا‌های» written with their joiner (a space after normalization) are cues
    # for the small town after them (Ravansar, under the 50,000 people a bare Persian name needs)
    for plural in ["شهر\u200cهای", "شهرستان\u200cهای", "روستا\u200cهای", "شهرهای"]:
        assert names(f"کشاورزان در {plural} روانسر و جوانرود تجمع کردند.") == ["روانسر", "جوانرود"], plural


def test_the_movement_in_various_towns_written_with_a_joiner_is_no_evidence_of_the_town_told_before() -> None:
    # written for the test: «شهر‌های مختلف ایران» with its joiner (a space after normalization) is the movement
    # as a whole, as «شهرهای مختلف» without it already was; it does not join Tehran's gathering as its evidence
    for various in ["شهر\u200cهای مختلف ایران", "شهرهای مختلف ایران", "برخی شهر\u200cهای ایران"]:
        text = f"روز شنبه ۲۵ آبان ۱۳۹۸ مردم تهران تجمع کردند. در {various} نیز تجمعات اعتراضی برگزار شد."
        result = extract(DocumentInput(text=text, language="fa"))
        assert [(e.place.city if e.place else None, len(e.evidence)) for e in result.events] == [("Tehran", 1)]


def test_the_spark_of_the_protests_is_their_cause_told_as_a_topic_not_a_gathering() -> None:
    # written for the test, in the shape of real-fa-603 (development): the sentence after the gathering tells
    # what set the protests off, no gathering of its own, and is no evidence of the gathering
    told = "روز جمعه ۲۴ تیر ۱۴۰۰ مردم اهواز در اعتراض به بی‌آبی تجمع کردند."
    spark = "به نظر می‌رسد جرقه اصلی اعتراضات در این استان جنوبی اعتراض به بی‌آبی باشد."
    result = extract(DocumentInput(text=f"{told} {spark}", language="fa"))
    assert [(e.place.city if e.place else None, len(e.evidence)) for e in result.events] == [("Ahvaz", 1)]


def test_footage_posted_on_social_media_of_a_gathering_in_named_towns_is_the_gathering_not_an_online_protest() -> None:
    # written for the test, in the shape of VOA Persian reports: the videos are how the report saw the gatherings
    seen = (
        "ویدئوهای منتشر شده در شبکه‌های اجتماعی از تجمع اعتراضی روز شنبه ۲۵ آبان ۱۳۹۸ در شهرهای تهران، مشهد"
        " و شیراز حکایت دارد."
    )
    assert days_by_town(seen) == {"Tehran": "2019-11-16", "Mashhad": "2019-11-16", "Shiraz": "2019-11-16"}
    english = extract(
        DocumentInput(text="Videos posted on social media showed protesters marching in Mashhad on 16 November 2019.")
    )
    assert [e.place.city for e in english.events if e.place] == ["Mashhad"]
    # a campaign held on social media is still online only
    online = extract(
        DocumentInput(text="کارزار اعتراضی کاربران در شبکه‌های اجتماعی علیه گرانی بنزین ادامه دارد.", language="fa")
    )
    assert online.events == () and [n.reason for n in online.non_events] == ["online_only"]


def test_the_speaker_reading_of_a_day_takes_no_time_on_a_long_clause_after_a_date() -> None:
    import time

    from solidarity.monitor.pipeline.dates import find_date

    # a date then a long clause with commas and no speech verb: the speaker pattern cut each word into every
    # possible run of pieces (about 0.1 s for this sentence, milliseconds for most sentences with a date)
    sentence = (
        "Workers gathered on 5 September 2024, demanding unpaid wages from their employers immediately and loudly"
        " outside the governor's office"
    )
    started = time.process_time()
    found = find_date(ev(sentence), None, "en")
    assert time.process_time() - started < 0.02
    assert found is not None and found.date == datetime.date(2024, 9, 5)
    # the speaker reading itself is unchanged
    spoke = "روز شنبه ۲۶ تیر ۱۴۰۰، سرپرست فرمانداری شادگان، امید صبری پور، گفت جمعه ۲۵ تیر ۱۴۰۰ یک نفر کشته شد."
    day = find_date(ev(spoke), None, "fa")
    assert day is not None and day.date == datetime.date(2021, 7, 16)


def test_arrests_told_only_in_someones_quoted_words_are_no_outcome_of_the_gathering_told_before() -> None:
    # written for the test, in the shape of real-fa-604 (development): an official's words, quoted, after the gathering
    told = "روز جمعه ۲۴ تیر ۱۴۰۰ مردم سوسنگرد در اعتراض به بی‌آبی تجمع کردند."
    quoted = "او گفته است «مسببان این حادثه شناسایی و شب گذشته برخی دستگیر شده‌اند»."
    result = extract(DocumentInput(text=f"{told} {quoted}", language="fa"))
    assert [(e.place.city if e.place else None, len(e.evidence)) for e in result.events] == [("Sūsangerd", 1)]
    # the reporter's own telling of the arrests is still the gathering's outcome
    own = "ماموران شب گذشته برخی از معترضان را دستگیر کردند."
    result = extract(DocumentInput(text=f"{told} {own}", language="fa"))
    assert [(e.place.city if e.place else None, len(e.evidence)) for e in result.events] == [("Sūsangerd", 2)]


def test_force_or_arrests_named_as_the_grievance_after_dar_eteraz_be_are_not_done_at_the_gathering() -> None:
    # written for the test (issue 16, twelfth round): what the crowd protests, told before its own verb of gathering
    def kinds(text: str) -> list[SubEventType]:
        return [e.sub_event_type for e in extract(DocumentInput(text=text, language="fa")).events]

    assert kinds("مردم سقز در اعتراض به کشته شدن مهسا امینی تجمع کردند.") == [SubEventType.PEACEFUL_PROTEST]
    assert kinds("کارگران در اعتراض به بازداشت همکاران خود مقابل فرمانداری اهواز تجمع کردند.") == [
        SubEventType.PEACEFUL_PROTEST
    ]
    # force or arrests told as what happened at the gathering still are
    assert kinds("کارگران مقابل فرمانداری اهواز تجمع کردند و ماموران چند نفر را بازداشت کردند.") == [
        SubEventType.PROTEST_WITH_INTERVENTION
    ]
    assert kinds("پس از آنکه ماموران تجمع کارگران را در اهواز متفرق کردند، دو نفر کشته شدند.") == [
        SubEventType.EXCESSIVE_FORCE
    ]


def test_a_year_between_a_persian_count_and_its_casualty_word_does_not_hide_the_tally() -> None:
    # written for the test (issue 16, twelfth round): the protests named by their month and year inside the tally
    sentence = "سازمان عفو بین‌الملل اعلام کرد دست کم ۳۰۴ نفر در اعتراضات آبان ۱۳۹۸ کشته شدند."
    found = find_tallies(ev(sentence), "fa", None, "IR", event_sentence=True)
    assert [(c.count, c.unit, c.qualifier) for c in found] == [(304, "killed", "at least")]
    # a day between them is still one gathering's own account
    sentence = "به گفته مقامات، ۱۲ نفر در تجمع ۵ دی در مشهد بازداشت شدند."
    assert find_tallies(ev(sentence), "fa", None, "IR", event_sentence=True) == ()


def towns_of(text: str) -> list[str | None]:
    events = extract(DocumentInput(text=text, published=datetime.date(2022, 10, 4))).events
    return [event.place.city if event.place else None for event in events]


def test_an_agency_datelines_town_gives_way_to_the_town_the_report_tells() -> None:
    """«تهران - ایسنا - … در شیراز … تجمع کردند»: the report was filed in Tehran; the gathering was in Shiraz."""
    assert towns_of("تهران - ایسنا - جمعی از معلمان بازنشسته روز دوشنبه در شیراز تجمع کردند.") == ["Shiraz"]
    assert towns_of("سنندج – خبرگزاری مهر – کارگران روز دوشنبه در مریوان تجمع کردند.") == ["Marīvān"]
    # the dateline's town alone is where the report tells of
    assert towns_of("اهواز- ایرنا- کارگران شرکت لوله‌سازی صبح امروز مقابل استانداری تجمع کردند.") == ["Ahvaz"]
    # a list separated by dashes is no dateline: «فارس» and «مهر» alone are a province and a month
    assert towns_of("پرستاران روز دوشنبه در این شهرها تجمع کردند: تهران – مشهد – کرج") == ["Tehran", "Mashhad", "Karaj"]


def test_the_town_of_an_officials_office_gives_way_to_the_town_of_the_gathering() -> None:
    """«فرماندار سنندج گفت …»: the governor of Sanandaj speaks for Sanandaj; the gathering told was in Shiraz."""
    assert towns_of("فرماندار سنندج گفت تجمع روز دوشنبه معلمان در شیراز با آرامش پایان یافت.") == ["Shiraz"]
    assert towns_of("فرماندار شوش گفت کارگران هفت‌تپه روز دوشنبه در اهواز تجمع کردند.") == ["Ahvaz"]
    # the governor's office («فرمانداری») is where people gather
    assert towns_of("کارگران روز دوشنبه مقابل فرمانداری شوش تجمع کردند.") == ["Shūsh"]
    # with no other town, the office's town stays
    assert towns_of("امام جمعه زاهدان گفت نمازگزاران پس از نماز در خیابان‌های شهر راهپیمایی کردند.") == ["Zahedan"]


def test_protests_measured_against_the_revolution_or_a_year_are_a_summary_not_a_gathering() -> None:
    """«بزرگ‌ترین اعتراضات پس از انقلاب ۱۳۵۷»: the movement summed up, so the toll after it is a claim of its own."""
    text = "این اعتراضات بزرگ‌ترین اعتراضات پس از انقلاب ۱۳۵۷ بود. به گفته سازمان عفو بین‌الملل بیش از ۳۰۰ نفر کشته شدند."
    done = extract(DocumentInput(text=text, published=datetime.date(2019, 12, 23)))
    assert done.events == ()
    assert [(claim.count, claim.unit) for claim in done.claims] == [(300, "killed")]
    # «پس از نماز» (after the prayers) is a time of the day's gathering, not history
    text = "شدیدترین درگیری‌ها روز جمعه پس از نماز در زاهدان رخ داد و ماموران به سوی معترضان شلیک کردند."
    assert towns_of(text) == ["Zahedan"]


def test_towns_such_as_and_the_dari_word_for_province() -> None:
    """Issue 16, fourteenth round (real-dev9, VOA Dari): «در شهرهایی مانند سروستان در ولایت فارس و لاهیجان …»."""
    sentence = (
        "مظاهره کنندگان مردم را به پیوستن به صفوف معترضان در شهرهایی مانند سروستان در ولایت فارس و لاهیجان در ولایت "
        "گیلان تشویق کرده اند."
    )
    found = [(m.text, m.place.name if m.place else m.province_iso) for m in find_mentions(sentence)]
    assert found == [("سروستان", "Sarvestān"), ("فارس", "IR-07"), ("لاهیجان", "Lāhījān"), ("گیلان", "IR-01")]
    # «ولایت» alone (as in «ولایت فقیه») is no town
    assert [m for m in find_mentions("مخالفان ولایت فقیه در تهران تجمع کردند.") if m.text == "ولایت"] == []
