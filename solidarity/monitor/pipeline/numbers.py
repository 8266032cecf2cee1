# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Read crowd sizes and counts of arrested, injured and killed people, by ACLED's conservative rules.

Vague words keep their wording and get a range: "dozens" is 12 at least, "hundreds" 100,
"thousands" 1,000 (ACLED codes the low end); exact numbers give low == high.
"""

from __future__ import annotations

import re
from functools import cache

from solidarity.monitor.pipeline.records import Count, CrowdSize, Evidence

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "one hundred": 100, "two hundred": 200, "three hundred": 300, "five hundred": 500,
}  # fmt: skip
# Compound numbers written as words: "thirty one", "forty-two", "سی و یک".
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_UNITS.update(
    {
        f"{tens}{joiner}{ones}": t + o
        for tens, t in _EN_TENS.items()
        for ones, o in _EN_ONES.items()
        for joiner in (" ", "-")
    }
)
_FA_UNITS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
    "یازده": 11, "دوازده": 12, "پانزده": 15, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60,
    "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300,
    "چهارصد": 400, "پانصد": 500, "هزار": 1000, "یک هزار": 1000, "دو هزار": 2000,
}  # fmt: skip
_FA_TENS = {"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90}
_FA_ONES = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9}
_FA_UNITS.update({f"{tens} و {ones}": t + o for tens, t in _FA_TENS.items() for ones, o in _FA_ONES.items()})
# Vague quantities: (low, high). ACLED codes the low end.
_EN_VAGUE = {
    "tens of thousands": (10000, 99999), "hundreds of thousands": (100000, 999999), "thousands": (1000, 9999),
    "several thousand": (2000, 9999), "hundreds": (100, 999), "several hundred": (200, 999),
    "dozens": (12, 99), "scores": (20, 99), "several dozen": (24, 99), "a few": (3, 9), "several": (3, 9),
    "a handful of": (3, 9), "a group of": (3, 99), "large crowd": (100, None), "a large number of": (50, None),
    "many": (10, None), "a number of": (3, 20),
}  # fmt: skip
_FA_VAGUE = {
    "ده ها هزار": (10000, 99999), "صدها هزار": (100000, 999999), "هزاران": (1000, 9999), "صدها": (100, 999),
    "ده ها": (12, 99), "دهها": (12, 99), "چندصد": (200, 999), "چند صد": (200, 999), "چند هزار": (2000, 9999),
    "چندین": (3, 9), "شماری": (3, 99), "جمعی": (3, 99), "گروهی": (3, 99), "تعدادی": (3, 99),
    "جمعیت زیادی": (100, None), "انبوهی": (100, None), "چند": (3, 9),
}  # fmt: skip

_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
# A number times a scale word: "۴۰ هزار" (40,000), "40 thousand", "forty thousand", "1.5 million", "چهل هزار".
_SCALES = {"thousand": 1000, "million": 1_000_000, "هزار": 1000, "میلیون": 1_000_000}
_SCALED = re.compile(r"^(?P<base>.+?) ?(?P<scale>thousand|million|هزار|میلیون)$")
# Number words as alternations, longest first, for patterns elsewhere (claims' tallies).
EN_NUMBER_WORDS = "|".join(sorted((re.escape(k) for k in _EN_UNITS), key=len, reverse=True))
FA_NUMBER_WORDS = "|".join(sorted((re.escape(k) for k in _FA_UNITS), key=len, reverse=True))
_EN_WORD_NUMBER = "|".join(sorted((re.escape(k) for k in _EN_UNITS), key=len, reverse=True))
SCALED_EN = rf"\d+\.\d+ (?:thousand|million)\b|(?:{_NUMBER}|{EN_NUMBER_WORDS})(?: (?:thousand|million)\b)?"
SCALED_FA = (
    rf"\d+\.\d+ ?(?:هزار|میلیون)(?![\u0600-\u06ff])"
    rf"|(?:{_NUMBER}|{FA_NUMBER_WORDS})(?: ?(?:هزار|میلیون)(?![\u0600-\u06ff]))?"
)
_EN_VAGUE_RE = "|".join(sorted((re.escape(k) for k in _EN_VAGUE), key=len, reverse=True))
_FA_WORD_NUMBER = "|".join(sorted((re.escape(k) for k in _FA_UNITS), key=len, reverse=True))
_FA_VAGUE_RE = "|".join(sorted((re.escape(k) for k in _FA_VAGUE), key=len, reverse=True))

_PEOPLE_EN = (
    r"(?:\w*workers|people|protesters|demonstrators|workers|teachers|students|retirees|pensioners|farmers|nurses|truckers|"
    r"drivers|merchants|shopkeepers|bazaar merchants|depositors|investors|residents|employees|women|"
    r"staff|activists|families|mothers|men|youths|villagers|bakers|miners|doctors|traders|fishermen|veterans|"
    r"relatives|locals|citizens|supporters|mourners|worshippers|owners|people)"
)
# Nouns ending in ه make their plural in ـگان (بازنشسته → بازنشستگان, راننده → رانندگان).
_PEOPLE_FA = (
    r"(?:نفر|تن|کارگر|معلم|فرهنگی|دانشجو|دانش آموز|کشاورز|پرستار|کامیون دار|بازاری|کاسب|کسبه|سپرده گذار|شهروند|"
    r"معترض|زن|جوان|نفری|کارمند|کارکنان|ساکن|اهالی|مادر|خانواده|نانوا|دامدار|"
    r"(?:بازنشست|رانند|مالباخت|غارت شد)(?:ه|گان))"
)
_APPROX_EN = (
    r"(?:about|around|some|nearly|almost|roughly|approximately|an estimated|at least|more than|over|up to|as many as)"
)
_APPROX_FA = r"(?:حدود|حدودا|نزدیک به|دست کم|دستکم|بیش از|بالغ بر|قریب به|بیشتر از)"
_EXCLUDE_CONTEXT = re.compile(
    r"(?:percent|%|rials?|tomans?|dollars?|ریال|تومان|درصد|months?|years?|ماه|سال)", re.IGNORECASE
)


def parse_number(text: str) -> int | None:
    """Return the integer a numeral or English/Persian number word stands for."""
    cleaned = " ".join(text.strip().lower().replace(",", "").split())
    if cleaned.isdigit():
        return int(cleaned)
    known = _EN_UNITS.get(cleaned) or _FA_UNITS.get(cleaned)
    if known is not None:
        return known
    scaled = _SCALED.match(cleaned)
    if scaled is None:
        return None
    base_text = scaled.group("base").strip()
    base: float | None = None
    if re.fullmatch(r"\d+(?:\.\d+)?", base_text):
        base = float(base_text)
    else:
        base = _EN_UNITS.get(base_text) or _FA_UNITS.get(base_text)
    if not base:
        return None
    return round(base * _SCALES[scaled.group("scale")])


_CROWD_EN = re.compile(
    rf"\b(?:(?P<approx>{_APPROX_EN}) )?(?:(?P<num>{SCALED_EN})(?: to (?P<num2>{SCALED_EN}))?|(?P<vague>{_EN_VAGUE_RE}))"
    rf"(?: of)?(?: [a-z'-]+){{0,2}}? {_PEOPLE_EN}\b",
    re.IGNORECASE,
)
_CROWD_FA = re.compile(
    rf"(?<![\u0600-\u06ff])(?:(?P<approx>{_APPROX_FA}) )?(?:(?P<num>{SCALED_FA})(?: تا (?P<num2>{SCALED_FA}))?|(?P<vague>{_FA_VAGUE_RE}))"
    rf" (?:تن از |نفر از |از )?{_PEOPLE_FA}[\u0600-\u06ff]*"
)
# "put the crowd at several hundred", "a crowd of about 300", "the crowd numbered in the thousands"
_CROWD_EN_AFTER = re.compile(
    rf"\bcrowds? (?:of|at|numbering|numbered(?: in)?|estimated at|put at)(?: the)? (?:(?P<approx>{_APPROX_EN}) )?"
    rf"(?:(?P<num>{SCALED_EN})(?: to (?P<num2>{SCALED_EN}))?|(?P<vague>{_EN_VAGUE_RE}))\b",
    re.IGNORECASE,
)


# "thousands gathered", "hundreds marched": a vague number whose verb says they are the crowd.
_CROWD_EN_VERB = re.compile(
    rf"\b(?P<vague>{_EN_VAGUE_RE}) (?:gathered|rallied|marched|assembled|protested|demonstrated|took to the streets)\b",
    re.IGNORECASE,
)


def crowd_size(evidence: Evidence, language: str) -> CrowdSize | None:
    """Return the first crowd size stated in a sentence, if any."""
    persian = language in {"fa", "ar"}
    matches = list((_CROWD_FA if persian else _CROWD_EN).finditer(evidence.sentence))
    if not persian:
        matches = sorted(
            matches
            + list(_CROWD_EN_AFTER.finditer(evidence.sentence))
            + list(_CROWD_EN_VERB.finditer(evidence.sentence)),
            key=lambda m: m.start(),
        )
    for match in matches:
        tail = evidence.sentence[match.end() : match.end() + 40]
        if re.match(
            r"\s*(?:were |was |have been |had been )?(?:arrested|detained|injured|wounded|killed|dead|بازداشت|دستگیر|زخمی|مجروح|کشته)",
            tail,
        ):
            continue  # a count of victims, not of the crowd
        if re.search(
            r"(?:arrested|arresting|detained|detaining|injured|wounded|killed|bodies of|بازداشت|دستگیر)\s*$",
            evidence.sentence[: match.start()],
        ):
            continue
        if _EXCLUDE_CONTEXT.match(evidence.sentence[match.end() : match.end() + 12].strip()):
            continue
        text = match.group(0)
        if match.group("vague"):
            table = _FA_VAGUE if language in {"fa", "ar"} else _EN_VAGUE
            vague_low, vague_high = table[match.group("vague").lower()]
            return CrowdSize(low=vague_low, high=vague_high, text=match.group("vague").lower(), evidence=evidence)
        number = parse_number(match.group("num"))
        if number is None or number > 5_000_000:
            continue
        numeral = match.group("num")
        if numeral.isdigit() and len(numeral) == 4 and (1300 <= number <= 1500 or 1900 <= number <= 2100):
            continue  # "On July 9th of 1999 the students ...": a year, not a crowd
        approx = (match.group("approx") or "").lower()
        high: int | None = number
        if match.group("num2"):
            high = parse_number(match.group("num2"))
            scale = _SCALED.match(" ".join(match.group("num2").lower().split()))
            if scale and high and not _SCALED.match(numeral.lower()) and number * _SCALES[scale.group("scale")] <= high:
                number *= _SCALES[scale.group("scale")]  # "30 to 40 thousand": 30,000 to 40,000
        elif approx in {"at least", "more than", "over", "دست کم", "دستکم", "بیش از", "بالغ بر", "بیشتر از"}:
            high = None
        return CrowdSize(low=number, high=high, text=text, evidence=evidence)
    return None


_VICTIM_WORDS = {
    "arrests": (
        r"(?:arrested|detained|taken into custody|rounded up)",
        r"(?:بازداشت|دستگیر)",
    ),
    "injuries": (r"(?:injured|wounded|hurt|hospitali[sz]ed)", r"(?:زخمی|مجروح|مصدوم)"),
    "deaths": (r"(?:killed|dead|died|shot dead|lost their lives)", r"(?:کشته|جان باخت|جان خود را از دست)"),
}


@cache
def _victim_patterns(persian: bool, kind: str) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Return the kind's verb alone and the patterns that read a count with it, compiled once."""
    en, fa = _VICTIM_WORDS[kind]
    if persian:
        number = rf"(?P<num>{SCALED_FA}|{_FA_VAGUE_RE})"
        patterns = [
            rf"(?<![\u0600-\u06ff]){number} (?:تن|نفر)(?: از [\u0600-\u06ff]+(?: [\u0600-\u06ff]+)?)? {fa}",
            rf"{fa} (?:شدن )?{number} (?:تن|نفر)",
            rf"(?<![\u0600-\u06ff]){number} (?:[\u0600-\u06ff]+ ){{0,2}}{fa}",
        ]
    else:
        number = rf"(?P<num>{SCALED_EN}|{_EN_VAGUE_RE})"
        patterns = [
            rf"\b(?:{_APPROX_EN} )?{number}(?: [a-z'-]+){{0,3}}? (?:were |was |have been |had been |being |are )?(?:reportedly )?{en}",
            rf"\b{en} (?:at least |about |some |more than )?{number}\b",
        ]
    verb = re.compile(fa if persian else en, re.IGNORECASE)
    return verb, tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def victims(evidence: Evidence, language: str, kind: str) -> Count | None:
    """Return how many people a sentence says were arrested, injured or killed (kind)."""
    verb, patterns = _victim_patterns(language in {"fa", "ar"}, kind)
    if not verb.search(evidence.sentence):
        return None  # every pattern holds the verb: most sentences are passed over without trying them
    for pattern in patterns:
        match = pattern.search(evidence.sentence)
        if match:
            raw = match.group("num").lower()
            value = parse_number(raw)
            if value is None:
                vague = (_FA_VAGUE if language in {"fa", "ar"} else _EN_VAGUE).get(raw)
                if vague is None:
                    continue
                value = vague[0]
            return Count(value=value, text=match.group(0), evidence=evidence)
    return None
