"""Unit tests of aggregate claim extraction: two counts, sub-counts, tally verbs, Persian claims."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.claims import drop_repeats, find_claim, find_claims, find_period
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import normalize
from solidarity.monitor.pipeline.records import DocumentInput, Evidence

PUBLISHED = datetime.date(2024, 11, 5)  # 15 Aban 1403


def ev(sentence: str) -> Evidence:
    return Evidence(sentence=sentence, start=0, end=len(sentence))


def test_two_counts_in_one_sentence_are_two_claims() -> None:
    found = find_claims(
        ev("The Bakers' Union said 12 strikes and 30 sit-ins took place in October."), "en", PUBLISHED, "IR"
    )
    assert [(c.count, c.unit) for c in found] == [(12, "strikes"), (30, "sit-ins")]
    assert {c.claimant for c in found} == {"The Bakers' Union"}
    assert {(c.period_start, c.period_end, c.calendar) for c in found} == {
        (datetime.date(2024, 10, 1), datetime.date(2024, 10, 31), "gregorian")
    }
    assert all(c.evidence.sentence.startswith("The Bakers'") for c in found)


def test_two_persian_counts_share_claimant_period_and_places() -> None:
    sentence = normalize("به گزارش شورای بازنشستگان، در مهر ماه ۲۳ اعتصاب و ۵۸ تجمع در ۱۲ شهر ثبت شد.")
    found = find_claims(ev(sentence), "fa", PUBLISHED, "IR-07")
    assert [(c.count, c.unit, c.places) for c in found] == [(23, "اعتصاب", None), (58, "تجمع", 12)]
    assert {c.claimant for c in found} == {"شورای بازنشستگان"}
    assert {(c.calendar, c.period_start, c.area_iso) for c in found} == {
        ("jalali", datetime.date(2024, 9, 22), "IR-07")
    }


def test_sub_count_is_its_own_claim_with_the_main_unit() -> None:
    found = find_claims(
        ev("According to HRANA's monthly report, there were 250 protests across Iran in Mehr, 31 of them by nurses."),
        "en",
        PUBLISHED,
        "IR",
    )
    assert [(c.count, c.unit) for c in found] == [(250, "protests"), (31, "protests")]
    assert {c.claimant for c in found} == {"HRANA"}
    fa = find_claims(
        ev(normalize("به گفته انجمن صنفی، در آبان ماه ۹۰ تجمع برگزار شد که ۲۵ مورد آن از سوی پرستاران بود.")),
        "fa",
        PUBLISHED,
        "IR",
    )
    assert [(c.count, c.unit) for c in fa] == [(90, "تجمع"), (25, "تجمع")]


def test_a_sub_count_of_places_or_a_breakdown_is_not_a_claim() -> None:
    cities = find_claims(
        ev("The council counted 80 protests in 20 cities in May, 5 of them in Tehran."), "en", PUBLISHED, "IR"
    )
    assert [c.count for c in cities] == [80]
    breakdown = find_claims(
        ev("The monitor recorded 90 protests in 30 cities in June, including 12 strikes."), "en", PUBLISHED, "IR"
    )
    assert [c.count for c in breakdown] == [90]


def test_tally_verbs_name_the_claimant() -> None:
    claim = find_claim(
        ev("The Workers' Observatory registered 75 gatherings over the past two months."), "en", PUBLISHED, "IR"
    )
    assert claim is not None
    assert (claim.claimant, claim.count, claim.period_start, claim.period_end) == (
        "The Workers' Observatory",
        75,
        datetime.date(2024, 9, 5),
        PUBLISHED,
    )
    fa = find_claim(
        ev(normalize("سازمان دیده‌بان کارگری ۶۰ اعتراض را در ماه گذشته شمار کرده است.")), "fa", PUBLISHED, "IR"
    )
    assert fa is not None
    assert (fa.claimant, fa.count, fa.calendar) == ("سازمان دیده بان کارگری", 60, "relative")


def test_persian_claim_over_a_season_and_recent_months() -> None:
    spring = find_claim(ev(normalize("در بهار امسال دست کم ۳۵ اعتراض کارگری ثبت شده است.")), "fa", PUBLISHED, "IR-13")
    assert spring is not None
    assert (spring.count, spring.calendar, spring.period_text) == (35, "jalali", "بهار امسال")
    assert (spring.period_start, spring.period_end) == (datetime.date(2024, 3, 20), datetime.date(2024, 6, 20))
    months = find_period(normalize("طی سه ماه گذشته ۴۴ تجمع برگزار شد"), PUBLISHED)
    assert months[:3] == (datetime.date(2024, 8, 5), PUBLISHED, "relative")
    # "شده" ends in "ده" (ten): a number word must start a word
    assert find_period("ثبت شده ماه گذشته", PUBLISHED)[3] == "ماه گذشته"


def test_narratives_stay_events() -> None:
    assert find_claims(ev("Workers held 3 protests in Ahvaz on Sunday."), "en", PUBLISHED, "IR") == ()
    assert find_claims(ev("Drivers staged 2 sit-ins and 3 protests in Ahvaz."), "en", PUBLISHED, "IR") == ()


def test_a_headline_repeating_the_body_claim_counts_once() -> None:
    result = extract(
        DocumentInput(
            title="Monitor: 140 protests in Aban",
            text="According to the Labour Monitor, there were 140 protests in Aban, 20 of them by teachers.",
            published=PUBLISHED,
        )
    )
    assert [(c.count, c.claimant) for c in result.claims] == [(140, "Labour Monitor"), (20, "Labour Monitor")]
    assert result.events == ()
    kept = drop_repeats(list(result.claims) * 2)
    assert [c.count for c in kept] == [140, 20]


def test_a_count_of_towns_is_no_count_of_people() -> None:
    """ "In seven towns where most had been on strike" counts towns, not seven strikers."""
    sentence = "The union said teachers were back at work in seven towns where most had been on strike last week."
    result = extract(DocumentInput(text=f"Teachers protested in Tehran on 6 May. {sentence}", title=""))
    assert [(c.count, c.unit) for c in result.claims] == [(7, "places")]
