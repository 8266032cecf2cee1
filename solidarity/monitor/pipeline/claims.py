# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Read aggregate claims ("at least 120 protests in 40 cities in October") as their own records."""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime
import re

import jdatetime

from solidarity.monitor.pipeline.dates import EN_MONTHS, JALALI_MONTHS
from solidarity.monitor.pipeline.numbers import parse_number
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
CLAIMANT_EN = re.compile(
    r"(?:[Aa]ccording to (?:the )?(?P<a>[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){0,6}))|"
    r"(?P<b>(?:the )?[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){0,6}) (?:said|says|reported|reports|documented|recorded|counted|registered|logged|tallied|announced|claimed|stated|estimated)"
)
CLAIMANT_FA = re.compile(
    r"(?:به گزارش|به گفته|بنا بر گزارش|طبق گزارش|بر اساس گزارش) (?P<a>[\u0600-\u06ff ]{2,40}?)(?:،|,|\s(?:در|از|دست|بیش|که))"
    r"|(?P<b>(?:سازمان|شورای|کانون|اتحادیه|سندیکای|انجمن|کمیته|گروه|مرکز|نهاد)[\u0600-\u06ff ]{2,40}?) (?:اعلام کرد|گزارش داد|گزارش کرد|ثبت کرد|شمارش کرد|شمار کرد|مدعی شد)"
    # "سازمان X ۶۰ اعتراض را ... ثبت کرده است": the organization opening the sentence did the counting.
    r"|^(?P<c>(?:سازمان|شورای|کانون|اتحادیه|سندیکای|انجمن|کمیته|گروه|مرکز|نهاد)[\u0600-\u06ff ]{2,40}?) (?=\d|در |طی |دست کم |بیش از |حداقل )"
    r"(?=.*(?:ثبت کرد|شمارش کرد|شمار کرد|گزارش داد|گزارش کرد))"
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


def _is_aggregate_count(match: re.Match[str], persian: bool) -> bool:
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
    if not matches or not _is_aggregate_count(matches[0], persian):
        return ()
    counts = [matches[0]] + [
        m
        for m in matches[1:]
        if _is_aggregate_count(m, persian) and not _BREAKDOWN_BEFORE.search(sentence[: m.start()])
    ]
    start, end, calendar, period_text = find_period(sentence, published)
    if not period_text and not any(m.group("places") for m in counts):
        return ()  # "2 protests" with neither places nor period is a narrative, not an aggregate
    claimant_match = (CLAIMANT_FA if persian else CLAIMANT_EN).search(sentence)
    claimant = None
    if claimant_match:
        groups = claimant_match.groupdict()
        claimant = (groups.get("a") or groups.get("b") or groups.get("c") or "").strip() or None
        if claimant and claimant.endswith("'s"):
            claimant = claimant[:-2]  # "according to HRANA's monthly report"
    read = [
        (
            _count(m.group("count")),
            m.group("unit").lower(),
            _count(m.group("places")) if m.group("places") else None,
        )
        for m in counts
    ]
    read += [(number, unit, None) for number, unit in _sub_counts(sentence, matches, counts, persian)]
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
        )
        for count, unit, places in read
    )


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
