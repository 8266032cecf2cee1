"""Unit tests of the pure extraction pipeline (no database)."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from solidarity.monitor.pipeline import dedup
from solidarity.monitor.pipeline.claims import find_claim
from solidarity.monitor.pipeline.dates import find_date
from solidarity.monitor.pipeline.detection import read_cues
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import identify_language, normalize, split_sentences
from solidarity.monitor.pipeline.numbers import crowd_size, victims
from solidarity.monitor.pipeline.places import find_mentions, geocode, province_by_name
from solidarity.monitor.pipeline.records import DocumentInput, Evidence, SubEventType

PUBLISHED = datetime.date(2024, 11, 5)  # a Tuesday; 15 Aban 1403


def ev(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def test_language_by_script_and_model() -> None:
    assert identify_language("کارگران مقابل فرمانداری تجمع کردند") == "fa"
    assert identify_language("تظاهر العمال أمام المبنى في المدينة") == "ar"
    assert identify_language("Workers gathered in front of the governor's office") == "en"


def test_normalize_folds_letters_digits_and_zwnj() -> None:
    assert normalize("كارگران ۱۲ نفر\u200cها") == "کارگران 12 نفر ها"


def test_split_sentences_keeps_offsets() -> None:
    text = "Workers rallied in Ahvaz. Police arrested 3! Then Mr. Smith spoke."
    parts = split_sentences(text)
    assert [p.sentence for p in parts] == ["Workers rallied in Ahvaz.", "Police arrested 3!", "Then Mr. Smith spoke."]
    assert all(text[p.start : p.end] == p.sentence for p in parts)


def test_protest_cues_and_non_protest_uses() -> None:
    assert read_cues("Oil workers went on strike in Abadan", "en").is_protest
    assert not read_cues("An air strike hit the village on 21 March", "en").is_protest
    assert not read_cues("The ministry lodged a formal protest with the embassy", "en").is_protest
    assert read_cues("معلمان مقابل اداره آموزش و پرورش تجمع کردند", "fa").is_protest
    planned = read_cues("Teachers' unions called for nationwide protests next week", "en")
    assert planned.is_protest
    assert planned.planned
    assert read_cues("کارزار اعتراضی در فضای مجازی", "fa").online


def test_dates_gregorian_jalali_relative() -> None:
    assert find_date(ev("On 3 November 2024 teachers rallied"), PUBLISHED, "en").date == datetime.date(2024, 11, 3)  # type: ignore[union-attr]  # found
    jalali = find_date(ev("کارگران 13 آبان 1403 تجمع کردند"), PUBLISHED, "fa")
    assert jalali is not None
    assert jalali.date == datetime.date(2024, 11, 3)
    assert jalali.calendar == "jalali"
    no_year = find_date(ev("کارگران 13 آبان تجمع کردند"), PUBLISHED, "fa")
    assert no_year is not None
    assert no_year.date == datetime.date(2024, 11, 3)
    sunday = find_date(ev("On Sunday, nurses gathered"), PUBLISHED, "en")
    assert sunday is not None
    assert sunday.date == datetime.date(2024, 11, 3)
    assert sunday.precision == 1
    week = find_date(ev("Retirees protested last week"), PUBLISHED, "en")
    assert week is not None
    assert week.precision == 2
    assert find_date(ev("دیروز بازنشستگان تجمع کردند"), PUBLISHED, "fa").date == datetime.date(2024, 11, 4)  # type: ignore[union-attr]  # found


def test_crowd_sizes_exact_and_vague() -> None:
    hundreds = crowd_size(ev("Hundreds of retired teachers gathered outside parliament"), "en")
    assert hundreds is not None
    assert (hundreds.low, hundreds.high, hundreds.text) == (100, 999, "hundreds")
    dozens = crowd_size(ev("ده ها کارگر مقابل فرمانداری تجمع کردند"), "fa")
    assert dozens is not None
    assert dozens.low == 12
    exact = crowd_size(ev("About 300 workers staged a sit-in"), "en")
    assert exact is not None
    assert exact.low == exact.high == 300
    at_least = crowd_size(ev("At least 2,000 people marched"), "en")
    assert at_least is not None
    assert at_least.low == 2000
    assert at_least.high is None


def test_victim_counts() -> None:
    sentence = ev("Police arrested 12 protesters and three people were injured")
    assert victims(sentence, "en", "arrests").value == 12  # type: ignore[union-attr]  # found
    assert victims(sentence, "en", "injuries").value == 3  # type: ignore[union-attr]  # found
    assert victims(ev("دست کم 40 تن از معلمان بازداشت شدند"), "fa", "arrests").value == 40  # type: ignore[union-attr]  # found


def test_places_need_support() -> None:
    found = find_mentions("بازنشستگان بانک صادرات مقابل ساختمان مرکزی در تهران تجمع کردند")
    assert [m.place.name for m in found if m.place] == ["Tehran"]
    assert not [m for m in found if m.province_iso == "IR-00"]  # مرکزی "central" is not Markazi here
    province = find_mentions("Farmers in Khuzestan province blocked the road")
    assert province[0].place is None
    assert province[0].province_iso == "IR-06"
    two = find_mentions("معلمان در سقز و مریوان تجمع کردند")
    assert [m.place.name for m in two if m.place] == ["Saqqez", "Marīvān"]
    assert find_mentions("the bank did not answer") == []


def test_claims_are_their_own_records() -> None:
    claim = find_claim(
        ev("The Coordinating Council said at least 120 protests were held in 45 cities in October."),
        "en",
        PUBLISHED,
        "IR",
    )
    assert claim is not None
    assert (claim.count, claim.places, claim.unit) == (120, 45, "protests")
    assert claim.period_start == datetime.date(2024, 10, 1)
    assert claim.claimant == "The Coordinating Council"
    fa = find_claim(
        ev("به گزارش کانون صنفی معلمان، دست کم 85 تجمع اعتراضی در 32 شهر در مهر ماه برگزار شد."), "fa", PUBLISHED, "IR"
    )
    assert fa is not None
    assert fa.count == 85
    assert fa.places == 32
    assert fa.calendar == "jalali"
    assert fa.period_start == datetime.date(2024, 9, 22)
    assert fa.claimant == "کانون صنفی معلمان"
    assert find_claim(ev("Some 300 workers gathered in Ahvaz on Sunday."), "en", PUBLISHED, "IR") is None


def test_extract_document_end_to_end() -> None:
    document = DocumentInput(
        title="Retired steelworkers rally in Isfahan",
        text=(
            "Hundreds of retired steelworkers gathered outside the governor's office in Isfahan on Sunday. "
            "Security forces dispersed the crowd and detained five people. "
            "The Workers Monitor said 140 protests were held in 50 cities in October. "
            "Teachers plan to rally next week in Shiraz."
        ),
        published=PUBLISHED,
    )
    result = extract(document)
    assert len(result.events) == 1
    event = result.events[0]
    assert event.sub_event_type is SubEventType.PROTEST_WITH_INTERVENTION
    assert event.place is not None
    assert event.place.city == "Isfahan"
    assert event.place.province_iso == "IR-10"
    assert event.date is not None
    assert event.date.date == datetime.date(2024, 11, 3)
    assert event.sector is not None
    assert event.sector.slug == "retirees"
    assert event.crowd is not None
    assert event.crowd.text == "hundreds"
    assert event.arrests is not None
    assert event.arrests.value == 5
    assert all(e.sentence in document.title + "\n" + document.text for e in event.evidence)
    assert len(result.claims) == 1
    assert result.non_events[0].reason == "planned"


def test_dedup_merges_and_counts_voices() -> None:
    base = {"date_precision": 1, "geonameid": 418863, "province_iso": "IR-10", "sector": "retirees"}
    a = dedup.ReportKey(1, datetime.date(2024, 11, 3), source_voice="A", text_fingerprint="x", **base)  # type: ignore[arg-type]  # dict of fields
    copy = dedup.ReportKey(2, datetime.date(2024, 11, 3), source_voice="B", text_fingerprint="x", **base)  # type: ignore[arg-type]  # dict of fields
    same_owner = dedup.ReportKey(3, datetime.date(2024, 11, 4), source_voice="A", text_fingerprint="y", **base)  # type: ignore[arg-type]  # dict of fields
    other = dedup.ReportKey(4, datetime.date(2024, 11, 4), source_voice="C", text_fingerprint="z", **base)  # type: ignore[arg-type]  # dict of fields
    far = dedup.ReportKey(5, datetime.date(2024, 11, 20), source_voice="C", text_fingerprint="w", **base)  # type: ignore[arg-type]  # dict of fields
    clusters = dedup.cluster([a, copy, same_owner, other, far])
    assert [len(c) for c in clusters] == [4, 1]
    assert dedup.independent_voices(clusters[0]) == 2  # copy counts once, A twice is one voice
    assert dedup.text_fingerprint("Workers  RALLIED.") == dedup.text_fingerprint("workers rallied")


def test_syndicated_reprint_with_small_edits_counts_once() -> None:
    text = "Hundreds of retired steelworkers gathered outside the governor's office in Isfahan on Sunday."
    reprint = "REPUBLISHED FROM SOUTH WIRE: " + text + " Photo: archive."
    other = "Retirees of the steel company rallied in Isfahan on Sunday; several hundred took part, witnesses said."
    keys = [
        dedup.ReportKey(
            i,
            datetime.date(2024, 11, 3),
            1,
            418863,
            "IR-10",
            "retirees",
            voice,
            dedup.text_fingerprint(t),
            dedup.shingles(t),
        )
        for i, (voice, t) in enumerate([("A", text), ("B", reprint), ("C", other)])
    ]
    assert dedup.is_copy(keys[0], keys[1])
    assert not dedup.is_copy(keys[0], keys[2])
    assert dedup.independent_voices(keys) == 2


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab 1.،؟\u200c\u202eتجمعکارگراندرتهرانProtestinAhvazonSunday")), max_size=300)
)
def test_extract_never_crashes_and_evidence_is_from_the_text(text: str) -> None:
    result = extract(DocumentInput(text=text, published=PUBLISHED))
    normalized = normalize(text)
    for event in result.events:
        for evidence in event.evidence:
            assert normalized[evidence.start : evidence.end] == evidence.sentence


def test_riot_police_are_not_rioters() -> None:
    cues = read_cues("Riot police fired tear gas to disperse the farmers and arrested several of them.", "en")
    assert not cues.violent
    assert cues.intervention
    assert read_cues("Youths rioted in the city centre overnight.", "en").violent


def test_places_after_persian_comma_and_english_possessive() -> None:
    found = find_mentions("کارگران در شهرهای سمنان، گرگان و ساری تجمع کردند")
    assert [m.place.name for m in found if m.place] == ["Semnan", "Gorgān", "Sari"]
    assert [m.place.name for m in find_mentions("a rally in Shiraz's main square") if m.place] == ["Shiraz"]


def test_negated_and_milder_cues() -> None:
    assert not read_cues("Workers marched; no clashes were reported.", "en").violent
    beaten = read_cues("Police beat several marchers at the rally.", "en")
    assert beaten.intervention
    assert not beaten.force
    tear_gas = read_cues("ماموران با شلیک گاز اشک آور تجمع را پراکنده کردند", "fa")
    assert tear_gas.intervention
    assert not tear_gas.force


def test_town_of_a_province_name_when_its_province_is_named() -> None:
    result = extract(DocumentInput(text="کارگران شهرداری گلستان در استان تهران تجمع کردند.", published=PUBLISHED))
    assert result.events[0].place is not None
    assert result.events[0].place.province_iso == "IR-23"
    assert result.events[0].place.city == "Golestān"


def test_date_anywhere_in_the_report_and_persian_yesterday() -> None:
    document = DocumentInput(
        title="Retirees strike in Qazvin",
        text="QAZVIN — Retirees marched on Sunday. They chanted.",
        published=PUBLISHED,
    )
    event = extract(document).events[0]
    assert event.date is not None
    assert event.date.date == datetime.date(2024, 11, 3)
    persian = find_date(ev("کسبه روز گذشته مغازه ها را بستند"), PUBLISHED, "fa")
    assert persian is not None
    assert persian.date == datetime.date(2024, 11, 4)


def test_cancelled_action_is_not_an_event() -> None:
    result = extract(
        DocumentInput(text="The teachers' rally in Yazd was called off by the organisers.", published=PUBLISHED)
    )
    assert result.events == ()


def test_headline_without_place_does_not_make_a_second_event() -> None:
    document = DocumentInput(
        title="Retirees rally in two cities",
        text="Retirees in Sari and Gorgan held rallies on Sunday.",
        published=PUBLISHED,
    )
    cities = [e.place.city for e in extract(document).events if e.place]
    assert cities == ["Sari", "Gorgān"]


def test_persian_display_names_are_the_usual_spellings() -> None:
    from solidarity.monitor.pipeline.places import default_gazetteer

    names = default_gazetteer().place_names
    shown = {key: names[key][0].name_fa for key in ("sanandaj", "yasuj", "ilam", "kashan", "sari", "piranshahr")}
    assert shown == {
        "sanandaj": "سنندج",
        "yasuj": "یاسوج",
        "ilam": "ایلام",
        "kashan": "کاشان",
        "sari": "ساری",
        "piranshahr": "پیرانشهر",
    }


def test_province_names_in_acled_and_other_spellings() -> None:
    spellings = {
        "Kohgiluyeh and Boyer-Ahmad": "IR-17",
        "Chaharmahal and Bakhtiari": "IR-14",
        "Esfahan": "IR-10",
        "East Azarbaijan": "IR-03",
        "Kordestan": "IR-12",
        "Khorasan Razavi": "IR-09",
        "Sistan and Baluchistan": "IR-11",
        "Tehran Province": "IR-23",
        "استان کردستان": "IR-12",
        "IR-06": "IR-06",
    }
    assert {name: province_by_name(name) for name in spellings} == spellings
    assert province_by_name("Atlantis") is None
    assert province_by_name("") is None


def test_geocode_an_analysts_town_name() -> None:
    ahvaz = geocode("اهواز")
    assert ahvaz is not None
    assert (ahvaz.name, ahvaz.province_iso) == ("Ahvaz", "IR-06")
    assert geocode("Ahvaz", "IR-23") is None  # not in that province
    golestan = geocode("Golestan", "IR-23")
    assert golestan is not None
    assert golestan.province_iso == "IR-23"
    assert geocode("Atlantis") is None


def test_strike_under_way_is_a_protest_and_military_strikes_are_not() -> None:
    assert read_cues("Truck drivers in several provinces extended a strike over diesel quotas.", "en").is_protest
    assert read_cues("Drivers extended their strike on Sunday.", "en").is_protest
    assert not read_cues("The army continued strikes on the border villages.", "en").is_protest
    assert not read_cues("They staged an air strike against the base.", "en").is_protest


def test_institutions_and_road_ends_give_way_to_the_place_of_the_event() -> None:
    def names(sentence: str) -> list[str]:
        return [m.text for m in find_mentions(sentence)]

    assert names("Nurses at Golestan hospital in Ahvaz gathered yesterday") == ["Ahvaz"]
    assert names("پرستاران بیمارستان گلستان در اهواز تجمع کردند") == ["اهواز"]
    assert names("Farmers blocked the road between Isfahan and Varzaneh for hours") == ["Isfahan"]
    assert names("Workers of Ahvaz Steel gathered outside the plant") == ["Ahvaz"]  # no other place: kept
    assert names("Teachers rallied in Tabriz and Urmia") == ["Tabriz", "Urmia"]


def test_crowd_after_the_word_crowd_and_persian_plurals_in_gan() -> None:
    crowd = crowd_size(ev("Witnesses put the crowd at several hundred."), "en")
    assert crowd is not None and crowd.low == 200
    crowd = crowd_size(ev("A crowd of about 300 gathered outside."), "en")
    assert crowd is not None and crowd.low == 300
    assert crowd_size(ev("The crowd of 20 percent of voters"), "en") is None
    for sentence in (
        "جمعی از مالباختگان موسسه اعتباری تجمع کردند",
        "جمعی از رانندگان کامیون تجمع کردند",
        normalize("جمعی از بازنشستگان مقابل استانداری تجمع کردند"),
    ):
        crowd = crowd_size(ev(sentence), "fa")
        assert crowd is not None and crowd.low == 3


def test_a_headline_calling_a_sit_in_is_planned_and_describing_one_is_not() -> None:
    assert read_cues("Teachers' council calls national sit-in", "en").planned
    assert read_cues("Union calls strike for Monday", "en").planned
    assert not read_cues("Witnesses called the rally peaceful", "en").planned


def test_a_province_in_the_headline_over_towns_of_that_province_is_one_action() -> None:
    result = extract(
        DocumentInput(
            title="تحصن معلمان در کردستان",
            text="معلمان در شهرهای سنندج، سقز و مریوان روز یکشنبه ۱۸ آذر در مدارس تحصن کردند.",
            published=datetime.date(2024, 12, 9),
        )
    )
    assert len(result.events) == 3
    assert all(e.place is not None and e.place.geonameid and e.place.province_iso == "IR-12" for e in result.events)
    other = extract(
        DocumentInput(
            title="Retirees protest in Khuzestan", text="Retirees rallied in Tehran on Sunday.", published=PUBLISHED
        )
    )
    assert {e.place.province_iso for e in other.events if e.place} == {"IR-06", "IR-23"}


def _towns(sentence: str) -> list[str]:
    return [m.place.name for m in find_mentions(normalize(sentence)) if m.place]


def test_transliteration_variants_and_port_names() -> None:
    assert _towns("Residents of Khomeini Shahr protested") == ["Khomeynī Shahr"]  # ei / ey
    assert _towns("Textile workers in Qaemshahr rallied") == ["Qā’em Shahr"]  # apostrophe, one word
    assert _towns("Fishermen protested in Bandar Lengeh") == ["Bandar-e Lengeh"]  # ezafe dropped
    assert _towns("Fishermen gathered at the port of Anzali") == ["Bandar-e Anzalī"]  # the port's own name
    assert _towns("کارگران بیکار در سرپل‌ذهاب تجمع کردند") == ["Sarpol-e Z̄ahāb"]  # ZWNJ read as a space
    assert _towns("معلمان بازنشسته در گچساران تجمع کردند") == ["Dogonbadan"]  # Persian alias of a Latin alias
    assert _towns("the bank did not answer") == []


def test_persian_cues_near_lists_people_and_two_letter_towns() -> None:
    assert _towns("کشاورزان کنار سد زاینده رود در نزدیکی چادگان تجمع کردند") == ["Chādegān"]
    assert _towns("معلمان در دهدشت و لیکک تجمع کردند") == ["Dehdasht", "Līkak"]  # the list carries the cue
    assert _towns("معدنچیان طبس اعتصاب کردند") == ["Tabas"]  # the miners of a middling town
    assert _towns("رانندگان تاکسی در شهر جم تجمع کردند") == ["Jam"]  # two letters after "شهر"
    assert _towns("رانندگان تاکسی جم تجمع کردند") == []  # no city cue: جم stays a word


def test_secondary_places_give_way_to_where_the_action_is() -> None:
    assert _towns("Workers of the Kian Tire company in Eslamshahr, south of Tehran, went on strike") == ["Eslamshahr"]
    assert _towns("Workers from Ahvaz protested outside parliament in Tehran") == ["Tehran"]
    assert _towns("کارگرانی از اهواز مقابل مجلس در تهران تجمع کردند") == ["Tehran"]
    assert _towns("کشاورزان شهرستان فلاورجان مقابل استانداری در اصفهان تجمع کردند") == ["Isfahan"]
    assert _towns("Union spokesman Shahriar Ahmadi said teachers gathered in Zanjan") == ["Zanjan"]
    assert _towns("شهریار احمدی، سخنگوی کانون، گفت معلمان در زنجان تجمع کردند") == ["Zanjan"]
    assert _towns("Villagers from Gheyzaniyeh, near Ahvaz, protested") == ["Gheyzānīyeh"]
    assert _towns("اهالی روستای غیزانیه در حومه اهواز اعتراض کردند") == ["Gheyzānīyeh"]
    assert _towns("Dock workers at Shahid Rajaee port in Bandar Abbas gathered") == ["Bandar Abbas"]
    assert _towns("Farmers gathered at the Zayandeh Rud dam near Chadegan") == ["Chādegān"]
    assert _towns("Workers from Ahvaz gathered") == ["Ahvaz"]  # no other place: kept
    assert _towns("Teachers from Sanandaj and Marivan gathered") == ["Sanandaj", "Marīvān"]  # only homes: kept
    assert _towns("Workers from Ahvaz and Abadan protested in Tehran") == ["Tehran"]


def test_rallies_abroad_make_no_event_and_road_blocks_and_walkouts_are_protests() -> None:
    def events(text: str) -> list[object]:
        return list(extract(DocumentInput(text=text, published=datetime.date(2025, 2, 11))).events)

    assert events("Iranians in London rallied outside the embassy on Saturday.") == []
    assert events("ایرانیان مقیم تورنتو روز شنبه مقابل سفارت تجمع کردند.") == []
    assert len(events("Teachers rallied in Tehran on Monday, and Iranians in Berlin joined them.")) == 1
    assert len(events("Farmers rallied in London on Monday.")) == 1  # a protest abroad by others is still one
    assert read_cues("Farmers blocked a road on Monday", "en").is_protest
    assert read_cues("Sugar workers walked out on Monday", "en").is_protest
    assert not read_cues("He walked out of prison on Monday", "en").is_protest
    assert read_cues("کشاورزان روز دوشنبه جاده را بستند", "fa").is_protest


def test_a_headline_naming_the_peoples_home_town_is_not_a_second_event() -> None:
    result = extract(
        DocumentInput(
            title="تجمع کشاورزان فلاورجان",
            text="کشاورزان شهرستان فلاورجان روز دوشنبه مقابل استانداری در اصفهان تجمع کردند.",
            published=datetime.date(2025, 2, 11),
        )
    )
    assert [e.place.city for e in result.events if e.place] == ["Isfahan"]


def test_remembered_lookups_answer_as_the_index_does_and_stay_bounded(monkeypatch) -> None:
    from solidarity.monitor.pipeline import places

    gazetteer = places.default_gazetteer()
    keys = ["ahvaz", "اهواز", "kahnooj", "سرپل ذهاب", "workers", "qaemshahr", "ghaemshahr", "the"]
    for key in keys:
        assert gazetteer.known_key(key) == gazetteer._look_up(key)  # first answer
        assert gazetteer.known_key(key) == gazetteer._look_up(key)  # remembered answer
    monkeypatch.setattr(places, "KNOWN_CACHE_SIZE", 4)
    for number in range(20):
        gazetteer.known_key(f"no-such-town-{number}")
        assert len(gazetteer._known) <= 4
    assert gazetteer.known_key("ahvaz") == gazetteer._look_up("ahvaz")
