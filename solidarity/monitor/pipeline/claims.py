# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Read aggregate claims ("at least 120 protests in 40 cities in October") as their own records."""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime
import re
from typing import NamedTuple

import jdatetime

from solidarity.monitor.pipeline import places
from solidarity.monitor.pipeline.dates import EN_MONTHS, JALALI_MONTHS
from solidarity.monitor.pipeline.numbers import SCALED_EN, SCALED_FA, parse_number
from solidarity.monitor.pipeline.records import ClaimRecord, Evidence

_N = r"\d{1,3}(?:,\d{3})+|\d+"
_UNITS_EN = r"(?:protests?|protest actions|protest gatherings|strikes|rallies|gatherings|demonstrations|labou?r protests|sit-ins)"
_UNITS_FA = r"(?:تجمع اعتراضی|حرکت اعتراضی|کنش اعتراضی|اقدام اعتراضی|تجمع|اعتراض|اعتصاب)"
CLAIM_EN = re.compile(
    rf"(?:at least |more than |over |some |a total of )?(?P<count>{_N}) (?:separate |different |labou?r |workers' |recorded |documented |\w+ ){{0,2}}(?P<unit>{_UNITS_EN})"
    rf"(?: (?:were |have been |had been )?(?:held|staged|recorded|documented|took place|occurred))?"
    rf"(?:(?: in| across| throughout) (?:at least )?(?P<places>{_N}) (?P<place_unit>cities|towns|provinces|localities))?",
    re.IGNORECASE,
)
CLAIM_FA = re.compile(
    rf"(?:دست کم |دستکم |بیش از |حداقل )?(?P<count>{_N}) (?:مورد )?(?P<unit>{_UNITS_FA})"
    rf"(?:[\u0600-\u06ff ]{{0,25}}? در (?:دست کم |بیش از )?(?P<places>{_N}) (?P<place_unit>شهر|استان))?"
)
# Sources named in lowercase ("…, state media said", "rights groups say", "the judiciary said", "Tehran's prosecutor said").
_LOWERCASE_SOURCES_EN = (
    r"(?:(?:Iranian |Iran's )?[Ss]tate (?:media|television|TV|news agency)|(?:[Hh]uman )?[Rr]ights groups|[Aa]ctivists"
    r"|(?:[Tt]he |Iran's )?[Jj]udiciary|(?:[A-Z][\w'’-]+ )?(?:[Cc]hief |[Pp]ublic |[Rr]evolutionary )?[Pp]rosecutor(?: general)?)"
)
CLAIMANT_EN = re.compile(
    rf"(?:[Aa]ccording to (?:the )?(?P<a>[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){{0,6}}|{_LOWERCASE_SOURCES_EN}))|"
    rf"(?P<b>(?:the )?[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){{0,6}}|{_LOWERCASE_SOURCES_EN}) "
    r"(?:said|says|say|reported|reports|report|documented|recorded|counted|registered|logged|tallied|announced|"
    r"claimed|stated|estimated)"
)
CLAIMANT_FA = re.compile(
    r"(?:به گزارش|به گفته|بنا بر گزارش|طبق گزارش|بر اساس گزارش) (?P<a>(?:(?:برخی|یکی|بعضی) از )?[\u0600-\u06ff ]{2,40}?)(?:،|,|\s(?:در|از|دست|بیش|که))"
    r"|(?P<b>(?:سازمان|شورای|کانون|اتحادیه|سندیکای|انجمن|کمیته|گروه|مرکز|نهاد)[\u0600-\u06ff ]{2,40}?) (?:اعلام کرد|گزارش داد|گزارش کرد|ثبت کرد|شمارش کرد|شمار کرد|مدعی شد)"
    # "سازمان X ۶۰ اعتراض را ... ثبت کرده است": the organization opening the sentence did the counting.
    r"|^(?P<c>(?:سازمان|شورای|کانون|اتحادیه|سندیکای|انجمن|کمیته|گروه|مرکز|نهاد)[\u0600-\u06ff ]{2,40}?) (?=\d|در |طی |دست کم |بیش از |حداقل )"
    r"(?=.*(?:ثبت کرد|شمارش کرد|شمار کرد|گزارش داد|گزارش کرد))"
    # the judiciary's officials («دادستان تهران گفت», «رئیس دادگستری استان اصفهان گفت», «قوه قضاییه اعلام کرد»)
    r"|(?P<d>(?:دادستان|رئیس دادگستری|رییس دادگستری|سخنگوی قوه قضاییه|سخنگوی قوه قضائیه|قوه قضاییه|قوه قضائیه)(?: [\u0600-\u06ff]+){0,3}?) (?:گفت|اعلام کرد|خبر داد)"
)
# A sub-count of the count just before it ("312 protests ..., 44 of them by retirees", "که ۴۴ مورد آن").
SUB_COUNT_EN = re.compile(rf"\b(?P<count>{_N}) of (?:them|these|those|which)\b", re.IGNORECASE)
SUB_COUNT_FA = re.compile(
    rf"از (?:این|آن) (?:تعداد|میان|موارد)،? (?P<count>{_N})(?![\d,])"
    rf"|(?P<count2>{_N}) (?:مورد )?(?:از )?(?:آن|آنها|آن ها|اینها|این ها)(?![\u0600-\u06ff])"
)
# "214 protests in 73 cities, including 38 strikes": a breakdown inside the main claim, as the gold sets annotate it.
_BREAKDOWN_BEFORE = re.compile(
    r"(?:including|among them|among which|از جمله|شامل)(?: at least| more than| some)? $", re.IGNORECASE
)
_SEASONS_FA = {"بهار": 1, "تابستان": 4, "پاییز": 7, "پائیز": 7, "زمستان": 10}
_PERIOD_SEASON_FA = re.compile(
    rf"(?<![\u0600-\u06ff])(?P<season>{'|'.join(_SEASONS_FA)})(?: (?P<this>امسال)| (?:سال )?(?P<y>1[34]\d\d)| سال (?P<last>گذشته|پیش))?(?![\u0600-\u06ff])"
)
# Number words a period is counted in ("past three months", "سه ماه گذشته"); their values are
# numbers.parse_number's. Not "نه" (nine), which is also "not".
_PERIOD_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده")  # fmt: skip
_N_WORD = rf"\d+|{'|'.join(_PERIOD_NUMBER_WORDS)}"
_PERIOD_EN_MONTH = re.compile(
    rf"\b(?:in|during|throughout|for|over) (?:the month of )?(?P<mon>{'|'.join(k for k in EN_MONTHS if len(k) > 3)})(?: (?P<y>20\d\d))?\b",
    re.IGNORECASE,
)
_PERIOD_JALALI = re.compile(
    rf"(?P<mon>{'|'.join(JALALI_MONTHS)})(?: ?ماه)?(?: (?:سال )?(?P<y>1[34]\d\d))?(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
_PERIOD_RELATIVE = re.compile(
    rf"(?P<w>(?:last|past) (?P<n>{_N_WORD}) (?P<u>days|weeks|months)|(?<![\u0600-\u06ff])(?P<n2>{_N_WORD}) (?P<u2>روز|هفته|ماه) (?:گذشته|اخیر)|last month|past month|previous month|last week|past week|last year|past year|ماه گذشته|ماه پیش|هفته گذشته|سال گذشته)",
    re.IGNORECASE,
)
_PERIOD_YEAR = re.compile(r"(?:in|during|سال) (?P<y>20\d\d|1[34]\d\d)\b")


def _month_period(year: int, month: int, jalali: bool) -> tuple[datetime.date, datetime.date]:
    if jalali:
        start = jdatetime.date(year, month, 1).togregorian()
        next_month = jdatetime.date(year + (month == 12), month % 12 + 1, 1).togregorian()
        return start, next_month - datetime.timedelta(days=1)
    last = gregorian_calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, min(day.day, gregorian_calendar.monthrange(year, month + 1)[1]))


def find_period(
    sentence: str, published: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None, str, str]:
    """Return (start, end, calendar, text) of the period an aggregate claim covers."""
    match = _PERIOD_JALALI.search(sentence)
    if match and (
        not match.group("mon").isascii() or re.search(r"\b(?:in|during) " + match.group("mon"), sentence, re.IGNORECASE)
    ):
        text = match.group(0)
        month = JALALI_MONTHS[match.group("mon").lower()]
        if match.group("y"):
            year = int(match.group("y"))
        elif published:
            today = jdatetime.date.fromgregorian(date=published)
            year = int(today.year) - (1 if month > int(today.month) else 0)
        else:
            return None, None, "jalali", text
        start, end = _month_period(year, month, jalali=True)
        return start, end, "jalali", text
    match = _PERIOD_EN_MONTH.search(sentence)
    if match:
        month = EN_MONTHS[match.group("mon").lower()]
        if match.group("y"):
            year = int(match.group("y"))
        elif published:
            year = published.year - (1 if month > published.month else 0)
        else:
            return None, None, "gregorian", match.group(0)
        start, end = _month_period(year, month, jalali=False)
        return start, end, "gregorian", match.group(0)
    match = _PERIOD_SEASON_FA.search(sentence)
    if match and (match.group("y") or published is not None):
        first_month = _SEASONS_FA[match.group("season")]
        if match.group("y"):
            year = int(match.group("y"))
        else:
            today = jdatetime.date.fromgregorian(date=published)
            year = int(today.year) - (1 if match.group("last") or first_month > int(today.month) else 0)
        start = _month_period(year, first_month, jalali=True)[0]
        end = _month_period(year, first_month + 2, jalali=True)[1]
        return start, end, "jalali", match.group(0)
    match = _PERIOD_RELATIVE.search(sentence)
    if match and published:
        word = match.group("w").lower()
        number, unit = match.group("n") or match.group("n2"), match.group("u") or match.group("u2")
        if number and unit:
            amount = parse_number(number) or 0
            if unit.lower() in {"months", "ماه"}:
                return _months_before(published, amount), published, "relative", match.group(0)
            days = amount * (7 if unit.lower() in {"weeks", "هفته"} else 1)
            return published - datetime.timedelta(days=days), published, "relative", match.group(0)
        if "month" in word or "ماه" in word:
            end = published.replace(day=1) - datetime.timedelta(days=1)
            return end.replace(day=1), end, "relative", match.group(0)
        if "week" in word or "هفته" in word:
            return published - datetime.timedelta(days=7), published, "relative", match.group(0)
        return published - datetime.timedelta(days=365), published, "relative", match.group(0)
    match = _PERIOD_YEAR.search(sentence)
    if match:
        year = int(match.group("y"))
        if year < 1500:
            return (
                jdatetime.date(year, 1, 1).togregorian(),
                jdatetime.date(year, 12, 29).togregorian(),
                "jalali",
                match.group(0),
            )
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "gregorian", match.group(0)
    return None, None, "", ""


def _count(numeral: str) -> int:
    """The value of a numeral the claim patterns matched ("1,240")."""
    return int(numeral.replace(",", ""))


def looks_like_year(numeral: str) -> bool:
    """Tell whether a bare numeral reads as a year ("the 2018 protests", "۱۴۰۱"): never a count."""
    if "," in numeral or not numeral.isdigit() or len(numeral) != 4:
        return False
    return 1300 <= int(numeral) <= 1500 or 1900 <= int(numeral) <= 2100


# A day and month, or "سال", just before a number: the number is that date's year, written short or in full
# ("۱۳ مهر ۹۴ تجمع سراسری", "سال ۸۸"), never a count. A month alone is not enough: "در آبان ماه ۹۰ تجمع"
# counts ninety gatherings in Aban.
_DATE_BEFORE = re.compile(
    rf"(?:(?<![\u0600-\u06ff\d])\d{{1,2}} (?:{'|'.join(k for k in JALALI_MONTHS if not k.isascii())})(?: ?ماه)?|(?<![\u0600-\u06ff])سال) $"
)


def reads_as_year(sentence: str, start: int, numeral: str) -> bool:
    """Tell whether the numeral at `start` of a sentence is a year: a year's numeral, or one written after a date."""
    if looks_like_year(numeral):
        return True
    return numeral.isdigit() and len(numeral) in {2, 4} and bool(_DATE_BEFORE.search(sentence, 0, start))


def _is_aggregate_count(match: re.Match[str], persian: bool) -> bool:
    if reads_as_year(match.string, match.start("count"), match.group("count")):
        return False  # "the 2018 Iranian general strikes" names the year, "۱۳ مهر ۹۴ تجمع" the year 1394
    count = _count(match.group("count"))
    # "a protest" in the singular is one event, not an aggregate
    return count >= 2 and (persian or match.group("unit").lower().endswith("s"))


def _sub_counts(
    sentence: str, matches: list[re.Match[str]], counts: list[re.Match[str]], persian: bool
) -> list[tuple[int, str]]:
    """Return (count, unit) of each sub-count ("44 of them") of the count just before it."""
    found = []
    for sub in (SUB_COUNT_FA if persian else SUB_COUNT_EN).finditer(sentence):
        if any(sub.start() < main.end() and main.start() < sub.end() for main in matches):
            continue  # "از این تعداد ۴۴ تجمع" is already a count with its own unit
        before = [main for main in counts if main.end() <= sub.start()]
        # The count just before must be the one referred to: not "in 45 cities, 30 of them", nor another number.
        if not before or before[-1].group("places") or re.search(r"\d", sentence[before[-1].end() : sub.start()]):
            continue
        number = _count(sub.group("count") or sub.group("count2"))
        if 2 <= number < _count(before[-1].group("count")):
            found.append((number, before[-1].group("unit").lower()))
    return found


# What a sentence says of one count: (count, unit, qualifier, number of places or None).
_Found = tuple[int, str, str, int | None]
# What find_period returns: (start, end, calendar, text).
_Period = tuple[datetime.date | None, datetime.date | None, str, str]


def _claimant(sentence: str, persian: bool) -> str | None:
    """Return who a claim sentence says made the count ("according to HRANA", "سازمان X اعلام کرد"), if anyone."""
    match = (CLAIMANT_FA if persian else CLAIMANT_EN).search(sentence)
    if match is None:
        return None
    groups = match.groupdict()
    claimant = (groups.get("a") or groups.get("b") or groups.get("c") or groups.get("d") or "").strip()
    if claimant.endswith(".") and "." not in claimant[:-1]:
        claimant = claimant[:-1]  # "according to Reuters.": the sentence's full stop (not "U.N.", "Inc.")
    claimant = claimant.removesuffix("'s").removesuffix("’s")  # "according to Tucker's estimations"
    return claimant or None


def _claim_records(
    found: list[_Found],
    evidence: Evidence,
    language: str,
    period: _Period,
    claimant: str | None,
    area_iso: str,
) -> tuple[ClaimRecord, ...]:
    """Make one claim record per count a sentence states, all sharing its claimant, period and area."""
    start, end, calendar, period_text = period
    return tuple(
        ClaimRecord(
            claimant=claimant,
            count=count,
            unit=unit,
            places=places,
            period_start=start,
            period_end=end,
            calendar=calendar,
            period_text=period_text,
            area_iso=area_iso,
            evidence=evidence,
            language=language,
            qualifier=qualifier,
        )
        for count, unit, qualifier, places in found
    )


def find_claims(
    evidence: Evidence, language: str, published: datetime.date | None, area_iso: str
) -> tuple[ClaimRecord, ...]:
    """Return every aggregate claim a sentence makes: each count with its unit, and each sub-count of one.

    "41 strikes and 96 protest gatherings in Aban" makes two claims, and "312 protests in Ordibehesht,
    44 of them by retirees" two as well (the gold sets annotate a sub-count as a claim of its own); all
    share the sentence's claimant and period.
    """
    persian = language in {"fa", "ar"}
    sentence = evidence.sentence
    matches = list((CLAIM_FA if persian else CLAIM_EN).finditer(sentence))
    if not matches or not _is_aggregate_count(matches[0], persian) or places.placed_abroad(sentence):
        return ()
    counts = [matches[0]] + [
        m
        for m in matches[1:]
        if _is_aggregate_count(m, persian) and not _BREAKDOWN_BEFORE.search(sentence[: m.start()])
    ]
    start, end, calendar, period_text = find_period(sentence, published)
    claimant = _claimant(sentence, persian)
    if not period_text and not any(m.group("places") for m in counts) and claimant is None:
        return ()  # "2 protests" with neither places, period nor claimant is a narrative, not an aggregate
    read: list[_Found] = [
        (
            _count(m.group("count")),
            m.group("unit").lower(),
            "",
            _count(m.group("places")) if m.group("places") else None,
        )
        for m in counts
    ]
    read += [(number, unit, "", None) for number, unit in _sub_counts(sentence, matches, counts, persian)]
    return _claim_records(read, evidence, language, (start, end, calendar, period_text), claimant, area_iso)


def find_claim(evidence: Evidence, language: str, published: datetime.date | None, area_iso: str) -> ClaimRecord | None:
    """Return the first aggregate claim a sentence makes, or None when it makes none."""
    found = find_claims(evidence, language, published, area_iso)
    return found[0] if found else None


def drop_repeats(found: list[ClaimRecord]) -> list[ClaimRecord]:
    """Keep one claim per count, unit and period: a headline ("HRANA: 312 protests in Ordibehesht") repeats the body."""
    kept: list[ClaimRecord] = []
    for claim in found:
        key = (claim.count, claim.unit, claim.period_start, claim.period_end)
        same = next((k for k in kept if (k.count, k.unit, k.period_start, k.period_end) == key), None)
        if same is None:
            kept.append(claim)
        elif (same.claimant, same.places) == (None, None) and (claim.claimant or claim.places):
            kept[kept.index(same)] = claim  # the body names the claimant or the places the headline left out
    return kept


# Tallies of people: killed, injured, arrested, executed, striking ("at least 96 protesters killed",
# "7,000+ arrested", "بازداشت دست کم ۴۵۰ نفر", "۱۳۲ نفر ... دستگیر شدند"), and counts of places
# ("spread to 21 cities", "in more than a dozen cities", "تو ۱۷ شهر دیگه"). A year or an ordinal is
# never a count: the patterns want a unit word, and a numeral that reads as a year is dropped.
_Q_EN = r"(?P<q>at least|more than|over|about|around|nearly|almost|some|as many as|an many as|an estimated|estimated|up to|at most)"
_Q_FA = r"(?P<q>دست کم|دستکم|حداقل|بیش از|بیشتر از|حدود|نزدیک به|قریب به|بالغ بر)"
_NUM_EN = rf"(?P<n>{SCALED_EN})(?:[–-]\d[\d,]*)?(?P<plus>\+)?"
_NUM_FA = rf"(?P<n>{SCALED_FA})(?P<plus>\+)?"
_UNIT_EN = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed", "die": "killed", "lives": "killed",
    "killing": "killed", "killings": "killed", "fatalities": "killed",
    "injured": "injured", "wounded": "injured", "injuries": "injured", "hurt": "injured",
    "arrested": "arrested", "detained": "arrested", "detainees": "arrested", "arrests": "arrested", "jailed": "arrested",
    "executed": "executed", "executions": "executed", "hanged": "executed",
    "on strike": "striking", "striking": "striking",
    # the judiciary's counts: "1,000 people have been charged", "20 death sentences"
    "charged": "charged", "indicted": "charged", "prosecuted": "charged", "indictments": "charged",
    "sentenced": "sentenced", "convicted": "sentenced", "death sentences": "sentenced",
}  # fmt: skip
_UNIT_FA = {
    "کشته": "killed", "جان باخت": "killed", "جان خود را از دست": "killed", "جانباخت": "killed",
    "زخمی": "injured", "مجروح": "injured", "مصدوم": "injured",
    "بازداشت": "arrested", "دستگیر": "arrested", "بازداشتی": "arrested",
    "اعدام": "executed", "اعتصاب": "striking",
    # the judiciary's counts («یک هزار نفر … متهم شده اند», «برای ۳۱۵ نفر کیفرخواست صادر شد», «… را به زندان محکوم
    # کرده اند»); sentenced to death is no execution
    "متهم": "charged", "کیفرخواست": "charged", "تفهیم اتهام": "charged",
    "محکوم شد": "sentenced", "محکوم شده": "sentenced", "به اعدام محکوم": "sentenced", "به زندان محکوم": "sentenced",
    "به حبس محکوم": "sentenced",
}  # fmt: skip
_EN_UNIT_RE = "|".join(sorted((re.escape(k) for k in _UNIT_EN), key=len, reverse=True))
_FA_UNIT_RE = "|".join(sorted((re.escape(k) for k in _UNIT_FA), key=len, reverse=True))
# "96 protesters killed", "1,500 in total killed", "36 people were killed", "12 people have been killed"
TALLY_EN = re.compile(
    rf"(?:\b{_Q_EN} )?{_NUM_EN}(?: [\w'-]+){{0,3}}? (?:(?:were|was|have been|had been|are|being) )?(?P<unit>{_EN_UNIT_RE})\b"
    rf"|\b(?P<unit2>deaths|arrests|executions|killing|killings) of (?:{_Q_EN.replace('?P<q>', '?P<q2>')} )?(?P<n2>{SCALED_EN})\b",
    re.IGNORECASE,
)
# "۱۳۲ نفر در جریان اعتراضات دستگیر شدند", "بازداشت دست کم ۴۵۰ نفر", "بازداشت شدگان را حدود ۱۵۰ نفر اعلام کرد"
# Who a Persian count of people counts: persons, or the protesters, students, workers … themselves
# ("۵۵۵ دانشجو بازداشت شده‌اند").
_PEOPLE_FA = r"(?:نفر|تن|دانشجو|معترض|کارگر|معلم|شهروند|کودک|نوجوان|زن|فعال)(?![\u0600-\u06ff])"
# "دست کم هفت نفر در شهرهای شیراز، کرج، … و سیرجان کشته شده‌اند": the towns the count is told over, between it and
# its casualty word (such a count is an aggregate: no one gathering's own account).
# Each town is words of Persian letters with no «،» in them (U+060C lies in the Persian block), so the list is cut
# only at its commas: a class with the comma and spaces in it could cut a list of n towns in 2^n ways, and a list
# not followed by a casualty word tried them all (14 towns: 2 s; 50 would never end).
_WORD_FA = r"[\u0600-\u060b\u060d-\u06ff\u200c]+"
_TOWN_FA = rf"{_WORD_FA}(?: {_WORD_FA})*"
_TOWNS_GAP_FA = rf" ?در (?:شهر ?های|شهرستان ?های|استان ?های) (?P<towns>{_TOWN_FA}(?: ?[،,] ?(?:و )?{_TOWN_FA})+?) "
TALLY_FA = re.compile(
    rf"(?<![\u0600-\u06ff\d])(?:{_Q_FA} )?{_NUM_FA} ?{_PEOPLE_FA}(?: نفر)?(?P<gap>{_TOWNS_GAP_FA}|(?:[\u0600-\u06ff\u200c ]|(?<= )1[34]\d\d(?= )){{0,40}}?)(?P<unit>{_FA_UNIT_RE})"
    rf"|(?P<unit2>{_FA_UNIT_RE})(?: ?شدگان| شده ها| شدن)?(?:[\u0600-\u06ff ]{{0,25}}?) (?:{_Q_FA.replace('?P<q>', '?P<q2>')} )?(?P<n2>{SCALED_FA}) ?(?:نفر|تن)(?![\u0600-\u06ff])"
)
_GAP_YEAR_FA = re.compile(r"(?<!\d)1[34]\d\d(?!\d)")
# "حدود ۱۵ کشته برجای گذاشت", "از یک کشته و سه زخمی خبر داد": a count with the casualty noun itself.
TALLY_NOUN_FA = re.compile(
    rf"(?<![\u0600-\u06ff\d])(?:{_Q_FA} )?{_NUM_FA} (?P<unit>کشته|زخمی|مجروح|مصدوم)(?![\u0600-\u06ff])"
)
# "Iran preemptively detained 38 teachers", "executing an alleged 84 of its supporters": the verb of arrest or
# execution before its count of people (killing is left out: "forces killed 66 protesters in Zahedan" is
# most often one gathering's own account).
ACTIVE_EN = re.compile(
    # (also after an adverb glued to it when a page's links were stripped: "preemptivelydetained 38 teachers")
    rf"(?:\b|(?<=[a-z]ly))(?P<unit>arrested|detained|jailed|imprisoned|executed|hanged|arresting|detaining|jailing|executing"
    r"|charged|indicted|sentenced|convicted|charging|indicting|sentencing)"
    rf" (?:an alleged |a reported |a total of )?(?:{_Q_EN} )?(?P<n>{SCALED_EN})(?P<plus>\+)?"
    r" (?:of (?:its|their|the) \w+|(?:\w+ )?(?:people|persons|protesters|demonstrators|teachers|workers|students|"
    r"activists|women|men|children|journalists|members|supporters|dervishes|rioters|detainees))\b",
    re.IGNORECASE,
)
_ACTIVE_UNIT = {
    "arrested": "arrested", "detained": "arrested", "jailed": "arrested", "imprisoned": "arrested",
    "arresting": "arrested", "detaining": "arrested", "jailing": "arrested",
    "executed": "executed", "hanged": "executed", "executing": "executed",
    "charged": "charged", "indicted": "charged", "charging": "charged", "indicting": "charged",
    "sentenced": "sentenced", "convicted": "sentenced", "sentencing": "sentenced",
}  # fmt: skip
# A toll named before its number ("The death toll rose to 41", "Amnesty put the death toll at 304", "the number of
# people arrested has reached 1,000", "estimates of the number of protesters killed range from 2,000 to 20,000"): the
# first number is the count (a range's lower end).
# What a toll counts ("the number of people arrested", "the number of deaths").
_TOLL_WHAT_EN = r"killed|dead|deaths|arrested|detained|arrests|detentions|injured|wounded|executed|executions"
TOLL_EN = re.compile(
    rf"\b(?:(?:death|casualty) toll|the toll|number of (?:[\w-]+ ){{0,3}}?(?P<what>{_TOLL_WHAT_EN}))\b[^.;:\d]{{0,50}}?"
    r"\b(?:range[sd]? from|ranging from|"
    r"to be|at|of|is|was|stands at|stood at|reached|rose to|risen to|climbed to|jumped to|exceeded|between|to)\s+"
    rf"(?:{_Q_EN} )?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<plus>\+)?(?!\d|,\d)",
    re.IGNORECASE,
)
# Natural disasters by name: their dead are no protest's. Two guards read them, on purpose differently:
# `_DISASTER_TOLL_EN` below in either number, beside the man-made causes a toll may be "from"; extract's `_DISASTER`
# over a whole sentence in the singular (and "floods"), beside the rubble and rescue work of the aftermath, as it
# always has (to read "earthquakes" there too would be a change of its own, to be measured).
NATURAL_DISASTERS_EN = ("earthquake", "quake", "flood")
# What a toll is "from" when it is no toll of protests ("The death toll from the Taza bombing rises to 73").
_DISASTER_TOLL_EN = re.compile(
    rf"\b(?:bombings?|bombs?|attacks?|blasts?|explosions?|(?:{'|'.join(NATURAL_DISASTERS_EN)})s?|crash(?:es)?|fires?|"
    r"shootings?|stampedes?|collapse|accidents?|storms?|airstrikes?|air strikes?)\b",
    re.IGNORECASE,
)
# A bombing told in a sentence ("a suspected suicide bomber exploded near a shrine", «انفجار بمب»): its dead and hurt
# are no tally of protests unless the sentence names the protests too.
_BOMBING = re.compile(
    r"\b(?:bomb(?:s|ers?|ings?|ed)?|blasts?|explosions?|exploded|suicide attacks?|car bombs?)\b"
    r"|(?<![\u0600-\u06ff])(?:انفجار|بمب گذاری|بمبگذاری|عملیات انتحاری|انتحاری)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
_TOLL_WORD_EN = re.compile(r"\btoll\b|\bnumber of\b", re.IGNORECASE)
# "spread to 21 cities", "in more than a dozen cities", "in 160 cities", "تو ۱۷ شهر دیگه", "در ۱۴۱ شهر"
PLACES_EN = re.compile(
    # (also with the country's name before the number: "spread to Iran's 31 provinces")
    rf"\b(?:in|to|across|throughout) (?:all )?(?:(?:Iran's|Iran’s|the country's|the country’s) )?(?:{_Q_EN} )?(?:a total of )?{_NUM_EN} (?:\w+ )?(?P<unit>cities|towns|provinces|localities|cities and towns)\b",
    re.IGNORECASE,
)
# also spread "up to" so many ("تا ۲۲ استان ایران گسترده شد") and so many places as the subject of what they saw or
# were drawn into ("دست کم ۵۴ شهر ایران شاهد اعتراضات است", "«۲۲ استان درگیر» بودند")
PLACES_FA = re.compile(
    rf"(?<![\u0600-\u06ff])(?:در|تو|به|تا) (?:(?:همه[\u0654\u06c0]?|تمام|تمامی)(?: ی)? )?(?:{_Q_FA} )?{_NUM_FA} (?P<unit>شهر|استان)(?![\u0600-\u06ff])"
    rf"|(?<![\u0600-\u06ff\d])(?:{_Q_FA.replace('?P<q>', '?P<q2>')} )?(?P<n2>{SCALED_FA}) (?P<unit2>شهر|استان) (?:ایران |کشور )?(?:شاهد|درگیر)(?![\u0600-\u06ff])"
)
# The words each pattern above cannot match without, alone: looked for first, so the long patterns are
# tried only on the few sentences that hold one (a sentence with no casualty word has no tally of people).
_UNIT_WORD_EN = re.compile(_EN_UNIT_RE, re.IGNORECASE)
_UNIT_WORD_FA = re.compile(_FA_UNIT_RE)
_ACTIVE_WORD_EN = re.compile(r"arrest|detain|jail|imprison|execut|hanged|charg|indict|sentenc|convict", re.IGNORECASE)
_PLACE_WORD_EN = re.compile(r"cities|towns|provinces|localities", re.IGNORECASE)
_PLACE_WORD_FA = re.compile(r"شهر|استان")
# Line labels of an infobox or a summary: every number on an "Arrests:" line is a tally of arrests.
# The label may be glued to its value where a copy lost the table's cells ("Death(s)+500",
# "Injuries898+", "Arrestedestimated 18,210", "Death(s)At least 448 …") or end in a cell bar ("Death(s) | 2[1] |").
_LABEL_EN = re.compile(
    r"^[\s\-•*]*(?P<label>Arrests|Arrested|Detained|Detentions|Deaths|Death\(s\)|Killed|Fatalities|Injuries|Injured|Executions)(?:\d(?![\d,+]))?"
    r"(?:\s*[:|]\s*|\s+(?=[\d+])|(?=[\d+])|\s*(?=(?:at least|more than|over|about|around|nearly|estimated|an estimated)\b))",
    re.IGNORECASE,
)
_LABEL_NUMBER = re.compile(
    rf"(?<![\d.,\[])(?:{_Q_EN} )?(?P<pre>\+)?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<plus>\+)?(?![\w.\]])", re.IGNORECASE
)
# The English months by name (a day's month, not a count; also read by extract)
MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A number on a label line that is no tally: a day of a date ("as of 29 November"), or a part of the
# tally just before it ("448 protesters including 60 minors").
_LABEL_NOT_A_COUNT_AFTER = re.compile(rf"^\s*{MONTHS_EN}\b", re.IGNORECASE)
# The upper end of a range told in words ("300 to 550 people in Tehran") is the same tally as its lower end
# (a range with a dash, "Fatalities: 7–12", stays two readings, as before).
_LABEL_NOT_A_COUNT_BEFORE = re.compile(rf"(?:\b{MONTHS_EN}|\bincluding(?: {_Q_EN})?|\d\s+to\s+)\s*$", re.IGNORECASE)
# "470 protesters including 64 minors killed": the tally is the number the breakdown belongs to.
_INCLUDING_BEFORE = re.compile(
    rf"(?:\b{_Q_EN} )?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<plus>\+)?(?: [\w'-]+){{1,2}} including (?:{_Q_EN.replace('?P<q>', '?:')} )?$",
    re.IGNORECASE,
)
# A range's upper end ("between 25,000 to 40,000 Iranians were arrested", "1,000 to 30,000 executions"): the tally is
# counted by its lower end, as the gold sets count a range (a range with a dash is read whole by `_NUM_EN`).
_RANGE_LOW_BEFORE = re.compile(r"(?:\bbetween )?(?P<low>\d{1,3}(?:,\d{3})+|\d+) (?:to|and) $", re.IGNORECASE)


def _low_end(sentence: str, start: int, value: int) -> int:
    """Return the lower end of a range whose upper end `value` starts at `start`, or `value` when none."""
    low = _RANGE_LOW_BEFORE.search(sentence, max(0, start - 24), start)
    if low is None or reads_as_year(sentence, low.start("low"), low.group("low")):
        return value  # "from 1980 to 1985 …" is a period
    return min(value, _count(low.group("low")))


# What makes a number of casualties an aggregate rather than one gathering's own account.
_AGGREGATE_EN = re.compile(
    # (a month, a year or a lowercase word before: "in the November protests", "in the recent unrest"; not a
    # town's name: "in the Zahedan protests on Friday" are one gathering's own dead)
    rf"\b(?:in the (?-i:(?:[a-z][\w-]*|{MONTHS_EN}|\d{{4}}) ){{0,2}}?(?:protests|unrest|crackdowns?|demonstrations)|during the (?:protests|unrest|demonstrations)|so far|in total|"
    r"since the (?:protests|demonstrations|unrest)|confirmed|allege[sd]?|toll|nationwide|across the country|throughout the country|"
    r"in the days|over the past|(?:across|throughout) Iran|during (?:protests|demonstrations|rallies)|"
    # "arrested in connection with the post-election protests", "dead following protests over the election": a count
    # of the protests as a whole, after them
    r"(?:in connection with|following) (?:the )?(?:[\w-]+ ){0,2}?(?:protests|unrest|demonstrations|riots)|"
    # "damaging property in protests that left at least two people dead": the toll of the protests, plural
    r"(?:protests|demonstrations|unrest|riots) that (?:have |had )?(?:left|killed))\b",
    re.IGNORECASE,
)
_AGGREGATE_FA = re.compile(
    r"(?:در جریان (?:اعتراضات|اعتراض ها|ناآرامی|حوادث|تظاهرات)|در (?:اعتراضات|اعتراض ها|ناآرامی ها)(?![\u0600-\u06ff])(?! (?:روز|دیروز|امروز|شب|دیشب|شامگاه)(?![\u0600-\u06ff]))|گزارش ها از|گزارش هایی از|تا کنون|تاکنون|اعلام کرد|خبر داد|آمار|در روزهای اخیر|در حوادث اخیر|شهرهای مختلف)"
    # "از آغاز اعتراضات" (since the protests began), "شمار شهرهای معترض" (the number of …), not "شماری از" (some of)
    r"|از آغاز (?:اعتراضات|اعتراض ها|تظاهرات|ناآرامی)|(?<![\u0600-\u06ff])(?:شمار|تعداد)(?![\u0600-\u06ff])"
    # officials' word for it ("به گفته برخی از مسئولان، ... حدود ۱۵ کشته برجای گذاشت"): a claim with its claimant
    r"|به گفته (?:برخی از |یکی از |بعضی از )?(?:مسئولان|مسئولین|مقامات|مقام های|مقام‌های|منابع)"
)
_QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "about": "about", "around": "about",
    "nearly": "about", "almost": "about", "some": "about", "as many as": "about", "an many as": "about",
    "an estimated": "about", "estimated": "about", "up to": "about", "at most": "about",
    "دست کم": "at least", "دستکم": "at least", "حداقل": "at least", "بیش از": "more than", "بیشتر از": "more than",
    "حدود": "about", "نزدیک به": "about", "قریب به": "about", "بالغ بر": "more than",
}  # fmt: skip


# A sentence that states a toll, its number told or not ("The number of protesters and political prisoners killed … is
# estimated … to be several thousand", "the death toll is unknown"): a tally's sentence, with a gathering or without.
_TOLL_HEAD_EN = re.compile(
    rf"\b(?:(?:death|casualty) toll|number of (?:[\w-]+ ){{0,6}}?(?:{_TOLL_WHAT_EN}))\b", re.IGNORECASE
)


def states_toll(sentence: str, language: str) -> bool:
    """Tell whether an English sentence names a toll of people ("the number of protesters killed", "the death toll")."""
    return language not in {"fa", "ar"} and bool(_TOLL_HEAD_EN.search(sentence))


def without_toll(sentence: str) -> str:
    """Return a sentence with the tolls it names taken out (what else it tells is read from the rest)."""
    return _TOLL_HEAD_EN.sub(" ", sentence)


def marks_aggregate(sentence: str, language: str) -> bool:
    """Tell whether a sentence marks its numbers as an aggregate ("in the protests", "nationwide", "در جریان اعتراضات")."""
    return bool((_AGGREGATE_FA if language in {"fa", "ar"} else _AGGREGATE_EN).search(sentence))


def qualifier_of(words: str | None, plus: bool = False) -> str:
    """Return the qualifier of a count: "at least", "more than" (also "10+"), "about", or ""."""
    if plus:
        return "more than"
    return _QUALIFIERS.get((words or "").lower(), "")


def _tally_records(
    found: list[_Found],
    evidence: Evidence,
    language: str,
    published: datetime.date | None,
    area_iso: str,
) -> tuple[ClaimRecord, ...]:
    period = find_period(evidence.sentence, published)
    claimant = _claimant(evidence.sentence, language in {"fa", "ar"})
    return _claim_records(found, evidence, language, period, claimant, area_iso)


# The noun a number counts, when it counts places ("seven towns", "۱۷ شهر"): such a number is no count of people.
_PLACE_NOUN_AFTER = re.compile(
    r"\+?\s*(?:(?:cities|towns|villages|provinces|localities|counties)\b|(?:شهر|شهرستان|روستا|استان)(?![\u0600-\u06ff]))",
    re.IGNORECASE,
)


# The noun a number counts, when it counts time ("around thirty minutes before she was killed", "two days after"): such
# a number is no count of people.
# (A Persian count is read only before its noun of people: «۵ نفر», so it needs no such guard.)
_TIME_NOUN_AFTER = re.compile(
    r"\s*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b", re.IGNORECASE
)
# An infobox's range from nothing ("Death(s) | 0[1]-1[2] |"): no one count, so no tally.
_RANGE_FROM_ZERO_BEFORE = re.compile(r"(?<![\d,.])0(?:\[\w+\])*\s*[–-]\s*$")


# The judiciary's counts are tallies of the protests only when the sentence names them or their people ("charged over
# the protests", «متهمان اغتشاشات»), not "two journalists charged with espionage".
_JUDICIAL_UNITS = frozenset({"charged", "sentenced"})
_PROTESTS_NAMED = re.compile(
    r"\b(?:protest|demonstrat|unrest|riot|uprising|disturbances)|(?:اعتراض|معترض|اغتشاش|ناآرامی|آشوب|تظاهر|تجمع)",
    re.IGNORECASE,
)


# "five of them were arrested", "دو نفر از آنها را بازداشت کردند": the people of the gathering just told.
# Also the dead of the attack just told ("Kian Pirfalak was among the seven people who died during the attack").
_BACK_REFERENCE = re.compile(
    r"\bof (?:them|those|the protesters)\b|از (?:آنها|آن ها|آنان|معترضان|تجمع کنندگان)"
    r"|\b(?:during|in) the (?:attack|assault|raid|shooting)\b",
    re.IGNORECASE,
)


class _TallyContext(NamedTuple):
    """What a sentence tells around its counts of people, which decides whether a count is a tally of the protests.

    The passes of `find_tallies` (a count with its casualty word, an active verb's, a toll's) read counts in
    different shapes but hold them to the same account, kept here so that they cannot drift apart.
    """

    sentence: str
    aggregate: bool  # something marks its counts as an aggregate ("in the protests", "so far", "در جریان")
    event_sentence: bool  # it tells one gathering too, or refers back to the one just told ("of them")
    named_place: bool  # it names a town
    claimed: bool  # someone's word, with no gathering told ("…, state media said")

    def rules_out(self, value: int, unit: str, *, over_towns: bool = False, one_town_rule: bool = True) -> bool:
        """Tell whether a count is no tally: one gathering's or one town's own account, or an unrelated court's count.

        A count told over several towns (`over_towns`) is an aggregate whatever else the sentence tells.
        """
        aggregate = self.aggregate or over_towns
        if self.event_sentence and not aggregate:
            return True  # one gathering's own account: "police arrested 12 of them"
        if one_town_rule and self.named_place and not aggregate and not (self.claimed and value >= 2) and value < 10:
            return True  # "Two killed in Iranshahr": one town's own account (and one person is no tally)
        # "two journalists charged with espionage": the judiciary's count of the protests names them
        return unit in _JUDICIAL_UNITS and not _PROTESTS_NAMED.search(self.sentence)


def _label_unit(label: str) -> str:
    """Return the unit an infobox's label counts ("Deaths" killed, "Arrests" arrested)."""
    unit = _UNIT_EN.get(label.lower(), "")
    return unit or {
        "arrests": "arrested",
        "deaths": "killed",
        "death(s)": "killed",
        "injuries": "injured",
        "executions": "executed",
    }.get(label.lower(), "arrested")


# An infobox copied onto one line, each tally with its source in brackets after it ("Deaths12,000–20,000 protesters
# (per CBS News via activist groups)[1] 12,000 protesters (per Iran International)[2] 3,308–7,690 overall (per
# HRANA)[a]"): every count is the label's, on its own source's word (a range by its lower end).
_GLUED_LABEL = re.compile(
    # ("Casualties" names no one unit: "Casualties1: 225 killed (per Interior Ministry), 7,000+ arrested" is read by
    # the counts' own words)
    r"(?:^|(?<=[\s|\]]))(?P<label>Deaths|Death\(s\)|Fatalities|Injuries|Injured|Arrests|Arrested|Detained|"
    r"Detentions|Executions)(?=\s*\d)"
)
_PER_SOURCE = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:\s*[–-]\s*\d{1,3}(?:,\d{3})*)?\+?(?: [A-Za-z]+){0,2}"
    r"\s*\(per (?P<who>[^()\n]{2,80})\)"
)


def _per_source_tallies(sentence: str) -> list[tuple[int, str, str]]:
    """Return the (count, unit, source) of each "N … (per SOURCE)" item under an infobox label in a sentence."""
    labels = list(_GLUED_LABEL.finditer(sentence))
    found = []
    for item in _PER_SOURCE.finditer(sentence):
        label = next((one for one in reversed(labels) if one.end() <= item.start()), None)
        count = _count(item.group("n"))
        if label is None or count < 1 or looks_like_year(item.group("n")):
            continue
        found.append((count, _label_unit(label.group("label")), item.group("who").strip()))
    return found


def find_tallies(
    evidence: Evidence,
    language: str,
    published: datetime.date | None,
    area_iso: str,
    *,
    event_sentence: bool,
    named_place: bool = False,
    about_protests: bool = True,
) -> tuple[ClaimRecord, ...]:
    """Return the tallies a sentence states: people killed, injured, arrested, executed, striking, and places.

    A count of casualties in a sentence that also tells one gathering (`event_sentence`: a protest,
    or force at the gathering just told), or a small count in a town the sentence names, is that
    event's own account unless something marks it as an aggregate (a claimant, "so far", "in the
    protests", "در جریان", a qualifier such as "at least" with no gathering told). Counts of places
    are always aggregates when they are five or more, or qualified ("more than a dozen cities").
    Only a document about protests (`about_protests`: one of its sentences tells a protest) has tallies.
    """
    persian = language in {"fa", "ar"}
    sentence = evidence.sentence
    found: list[_Found] = []
    if not about_protests:
        return ()  # the dead of a bombing or a crash are no tally of protests
    if places.placed_abroad(sentence):
        return ()  # "At least 67 people are killed … near Kirkuk in Iraq": another country's dead, not Iran's
    if _BOMBING.search(sentence) and not _PROTESTS_NAMED.search(sentence):
        return ()  # "a suspected suicide bomber exploded near a shrine …, with at least two people hurt": no protest's
    sourced = [] if persian or "(per " not in sentence else _per_source_tallies(sentence)
    if sourced:
        period = find_period(sentence, published)
        return tuple(
            record
            for count, unit, who in sourced
            for record in _claim_records([(count, unit, "", None)], evidence, language, period, who, area_iso)
        )
    label = None if persian else _LABEL_EN.match(sentence)
    if label is not None:
        unit = _label_unit(label.group("label"))
        for number in _LABEL_NUMBER.finditer(sentence, label.end()):
            count = _count(number.group("n"))
            before, after = sentence[: number.start()], sentence[number.end() :]
            if number.start() > label.end() and before[-1:].isalpha():
                continue  # a number inside a word ("H2O"); only the label itself may be glued to one
            if count < 1 or (looks_like_year(number.group("n")) and not number.group("q")):
                continue  # "Injuries | 0 |" is no tally; "More than 1400" is a count, not the year 1400
            if _LABEL_NOT_A_COUNT_AFTER.match(after) or _LABEL_NOT_A_COUNT_BEFORE.search(before):
                continue
            if _RANGE_FROM_ZERO_BEFORE.search(before):
                continue  # "0-1": none or one, no count
            plus = bool(number.group("plus") or number.group("pre"))
            found.append((count, unit, qualifier_of(number.group("q"), plus), None))
        return _tally_records(found, evidence, language, published, area_iso)
    aggregate = bool((_AGGREGATE_FA if persian else _AGGREGATE_EN).search(sentence))
    # A small count in one named town, with no gathering told, on someone's word ("At least 7 people were killed in
    # Izeh, state media said", «… گفت ۵ نفر در ایذه بازداشت شدند»): that source's tally of the town, as the gold's
    # arrest counts of one town by its officials are, not the town's own account (a count told with its gathering,
    # or just after it, stays that gathering's: `event_sentence`).
    claimed = not event_sentence and _claimant(sentence, persian) is not None
    event_sentence = event_sentence or bool(_BACK_REFERENCE.search(sentence))
    context = _TallyContext(sentence, aggregate, event_sentence, named_place, claimed)
    units_told = bool((_UNIT_WORD_FA if persian else _UNIT_WORD_EN).search(sentence))
    told = list((TALLY_FA if persian else TALLY_EN).finditer(sentence)) if units_told else []
    if persian and units_told:  # a count with its casualty noun, where no count of persons already took the number
        told += [
            m for m in TALLY_NOUN_FA.finditer(sentence) if not any(t.start() <= m.start("n") < t.end() for t in told)
        ]
    for match in told:
        group = match.groupdict()
        numeral = group["n"] or group.get("n2") or ""
        gap = group.get("gap") or ""
        if reads_as_year(sentence, match.start("n") if group["n"] else match.start("n2"), numeral) or (
            persian
            and re.search(r"\d", _GAP_YEAR_FA.sub(" ", gap))  # a year in the gap ("در اعتراضات آبان 1398") is no count
        ):
            continue
        value = parse_number(numeral.split("–")[0].split("-")[0]) if numeral[:1].isdigit() else None
        value = value or parse_number(numeral)
        if value is None or value < 1:
            continue
        words = group.get("q") or group.get("q2")
        head = None if persian else _INCLUDING_BEFORE.search(sentence, 0, match.start())
        if head is not None:  # "470 protesters including 64 minors killed": 470 were killed
            value, words = _count(head.group("n")), head.group("q")
        elif not persian and group["n"]:
            value = _low_end(sentence, match.start("n"), value)
        if group["n"] and _PLACE_NOUN_AFTER.match(sentence, match.end("n")):
            continue  # "in seven towns where most had been on strike": a count of places, not of people
        if group["n"] and _TIME_NOUN_AFTER.match(sentence, match.end("n")):
            continue  # "thirty minutes before she was killed": a count of time
        unit_word = (group.get("unit") or group.get("unit2") or "").lower()
        unit = (_UNIT_FA if persian else _UNIT_EN).get(unit_word, "")
        qualifier = qualifier_of(words, bool(group.get("plus") or (head is not None and head.group("plus"))))
        if unit and not context.rules_out(value, unit, over_towns=bool(group.get("towns"))):
            found.append((value, unit, qualifier, None))
    if not persian and not found and _ACTIVE_WORD_EN.search(sentence):
        for match in ACTIVE_EN.finditer(sentence):
            value = parse_number(match.group("n"))
            if value is None or value < 1 or looks_like_year(match.group("n")):
                continue
            value = _low_end(sentence, match.start("n"), value)
            unit = _ACTIVE_UNIT[match.group("unit").lower()]
            if context.rules_out(value, unit):
                continue  # "police arrested 12 protesters there": one gathering's own account
            found.append((value, unit, qualifier_of(match.group("q"), bool(match.group("plus"))), None))
    if not persian and not found and _TOLL_WORD_EN.search(sentence):
        for match in TOLL_EN.finditer(sentence):
            value = _count(match.group("n"))
            if (
                value < 1
                or looks_like_year(match.group("n"))
                or _LABEL_NOT_A_COUNT_AFTER.match(sentence[match.end() :])
            ):
                continue  # "the toll as of 13 January": a day, not a count
            if _DISASTER_TOLL_EN.search(sentence, match.start(), match.start("n")):
                continue  # "The death toll from the Taza bombing rises to 73": no toll of protests
            what = (match.group("what") or "killed").lower()
            unit = _UNIT_EN.get(what) or {"detentions": "arrested"}.get(what, "killed")
            # (a toll's units are never the judiciary's, and the pass has never held a toll to the one-town rule)
            if context.rules_out(value, unit, one_town_rule=False):
                continue
            found.append((value, unit, qualifier_of(match.group("q"), bool(match.group("plus"))), None))
    places_told = (_PLACE_WORD_FA if persian else _PLACE_WORD_EN).search(sentence)
    for match in (PLACES_FA if persian else PLACES_EN).finditer(sentence) if places_told else ():
        group = match.groupdict()
        numeral = group["n"] or group.get("n2") or ""
        if looks_like_year(numeral):
            continue
        value = parse_number(numeral)
        qualifier = qualifier_of(group["q"] or group.get("q2"), bool(group.get("plus")))
        if _PLACES_ABROAD.match(sentence, match.end()):
            continue  # "demonstrations in over 150 cities worldwide": places of the world, not of Iran
        if not persian and _COUNTED_WHERE_EN.search(sentence, max(0, match.start() - 40), match.start()):
            continue  # "14,000 were arrested throughout 134 cities": where the counted people were held, in that tally
        if value is not None and (value >= 5 or qualifier):
            found.append((value, "places", qualifier, value))
    return _tally_records(found, evidence, language, published, area_iso)


# After a count of places: the world, not Iran ("in over 150 cities worldwide", «در ۱۵۰ شهر جهان»).
_PLACES_ABROAD = re.compile(
    r"\s*(?:worldwide|around the (?:world|globe)|across the (?:world|globe)|in \d+ countries|abroad|outside Iran\b)"
    r"|\s*(?:جهان|دنیا|خارج از کشور|سراسر جهان|سراسر دنیا)(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
# Before an English count of places: the counted people's verb ("were arrested throughout 134 cities").
_COUNTED_WHERE_EN = re.compile(
    r"\b(?:arrested|detained|jailed|killed|died|injured|wounded|executed)\s*$", re.IGNORECASE
)
