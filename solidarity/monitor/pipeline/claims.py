# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Read aggregate claims ("at least 120 protests in 40 cities in October") as their own records."""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime
import re

import jdatetime

from solidarity.monitor.pipeline.dates import EN_MONTHS, JALALI_MONTHS
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
    r"(?:according to (?:the )?(?P<a>[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){0,6}))|"
    r"(?P<b>(?:the )?[A-Z][\w'&.-]*(?: (?:of |for |the |and )?[A-Z][\w'&.-]*){0,6}) (?:said|says|reported|reports|documented|recorded|counted|announced|claimed|stated|estimated)"
)
CLAIMANT_FA = re.compile(
    r"(?:به گزارش|به گفته|بنا بر گزارش|طبق گزارش|بر اساس گزارش) (?P<a>[\u0600-\u06ff ]{2,40}?)(?:،|,|\s(?:در|از|دست|بیش|که))"
    r"|(?P<b>(?:سازمان|شورای|کانون|اتحادیه|سندیکای|انجمن|کمیته|گروه|مرکز|نهاد)[\u0600-\u06ff ]{2,40}?) (?:اعلام کرد|گزارش داد|گزارش کرد|ثبت کرد|شمارش کرد|مدعی شد)"
)
_PERIOD_EN_MONTH = re.compile(
    rf"\b(?:in|during|throughout|for|over) (?:the month of )?(?P<mon>{'|'.join(k for k in EN_MONTHS if len(k) > 3)})(?: (?P<y>20\d\d))?\b",
    re.IGNORECASE,
)
_PERIOD_JALALI = re.compile(
    rf"(?P<mon>{'|'.join(JALALI_MONTHS)})(?: ?ماه)?(?: (?:سال )?(?P<y>1[34]\d\d))?(?![\u0600-\u06ff])",
    re.IGNORECASE,
)
_PERIOD_RELATIVE = re.compile(
    r"(?P<w>last month|past month|previous month|last week|past week|past (?P<d>\d+) days|last year|past year|ماه گذشته|ماه پیش|هفته گذشته|سال گذشته|(?P<d2>\d+) روز گذشته)",
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


def find_period(
    sentence: str, published: datetime.date | None
) -> tuple[datetime.date | None, datetime.date | None, str, str]:
    """Return (start, end, calendar, text) of the period an aggregate claim covers."""
    match = _PERIOD_JALALI.search(sentence)
    if match and (
        not match.group("mon").isascii() or re.search(r"\b(?:in|during) " + match.group("mon"), sentence, re.IGNORECASE)
    ):
        month = JALALI_MONTHS[match.group("mon").lower()]
        if match.group("y"):
            year = int(match.group("y"))
        elif published:
            today = jdatetime.date.fromgregorian(date=published)
            year = int(today.year) - (1 if month > int(today.month) else 0)
        else:
            return None, None, "jalali", match.group(0)
        start, end = _month_period(year, month, jalali=True)
        return start, end, "jalali", match.group(0)
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
    match = _PERIOD_RELATIVE.search(sentence)
    if match and published:
        word = match.group("w").lower()
        days = match.group("d") or match.group("d2")
        if days:
            return published - datetime.timedelta(days=int(days)), published, "relative", match.group(0)
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


def find_claim(evidence: Evidence, language: str, published: datetime.date | None, area_iso: str) -> ClaimRecord | None:
    """Return the aggregate claim a sentence makes, or None when it makes none."""
    persian = language in {"fa", "ar"}
    match = (CLAIM_FA if persian else CLAIM_EN).search(evidence.sentence)
    if match is None:
        return None
    count = int(match.group("count").replace(",", ""))
    places = int(match.group("places").replace(",", "")) if match.group("places") else None
    start, end, calendar, period_text = find_period(evidence.sentence, published)
    if count < 2 or (places is None and not period_text):
        return None  # "2 protests" with neither places nor period is a narrative, not an aggregate
    if not persian and not match.group("unit").lower().endswith("s"):
        return None  # "a protest" in the singular is one event, not an aggregate
    claimant_match = (CLAIMANT_FA if persian else CLAIMANT_EN).search(evidence.sentence)
    claimant = None
    if claimant_match:
        claimant = (claimant_match.group("a") or claimant_match.group("b") or "").strip() or None
    return ClaimRecord(
        claimant=claimant,
        count=count,
        unit=match.group("unit").lower(),
        places=places,
        period_start=start,
        period_end=end,
        calendar=calendar,
        period_text=period_text,
        area_iso=area_iso,
        evidence=evidence,
        language=language,
    )
