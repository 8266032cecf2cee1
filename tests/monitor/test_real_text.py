"""Unit tests of what real published text needed (issue 16): tallies as claims, lists of places,
events bound to their own sentence and day, page furniture. Each test is one generic rule."""

from __future__ import annotations

import datetime

from solidarity.monitor.pipeline.claims import find_tallies, looks_like_year
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import normalize
from solidarity.monitor.pipeline.records import DocumentInput, Evidence

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
