# Cue-word regular expressions and word lists read best one per line, however long.
# ruff: noqa: E501
"""Find when an event happened: Gregorian and Solar Hijri dates, weekdays and relative words.

Relative expressions are anchored to the publication date. Precision follows ACLED's
`time_precision`: 1 = the day is known, 2 = the week, 3 = the month.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import jdatetime

from solidarity.core import months
from solidarity.monitor.pipeline.records import DateValue, Evidence

# English month names and their abbreviations ("sept" too), from the one table in core/months.py.
EN_MONTHS = {
    form: number
    for number, name in enumerate(months.GREGORIAN_EN, start=1)
    for form in (name.lower(), *(("sept",) if number == 9 else ()), name[:3].lower())
}
# Solar Hijri months in Persian script and in the usual English transliterations (jdatetime's).
JALALI_MONTHS = {
    name.lower(): number
    for names in (months.SOLAR_HIJRI_FA, months.SOLAR_HIJRI_LATIN)
    for number, name in enumerate(names, start=1)
}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
WEEKDAYS_FA = {"دوشنبه": 0, "سه شنبه": 1, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3, "جمعه": 4, "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6}  # fmt: skip

_EN_MONTH_RE = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_JALALI_FA_RE = "|".join(k for k in JALALI_MONTHS if not k.isascii())
_JALALI_EN_RE = "|".join(k for k in JALALI_MONTHS if k.isascii())
_FA = r"(?<![\u0600-\u06ff])"
# Persian punctuation (، ؛ ؟) sits in the Arabic block but ends a word: "روز دوشنبه، ..."
_FA_END = r"(?!(?![\u060c\u061b\u061f])[\u0600-\u06ff])"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("jalali_slash", re.compile(r"\b(?P<y>1[34]\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")),
    (
        "jalali_fa",
        re.compile(rf"{_FA}(?P<d>\d{{1,2}}) (?P<mon>{_JALALI_FA_RE}){_FA_END}(?: ماه)?(?: (?:سال )?(?P<y>1[34]\d\d))?"),
    ),
    ("jalali_en", re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<mon>{_JALALI_EN_RE})\b(?: (?P<y>1[34]\d\d))?", re.IGNORECASE)),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_EN_MONTH_RE})\.?\b(?:,? (?P<y>(?:19|20)\d\d))?",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_EN_MONTH_RE})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>(?:19|20)\d\d))?",
            re.IGNORECASE,
        ),
    ),
]
_PATTERN_BY_KIND = dict(_PATTERNS)
# A wire dateline opening a report ("TEHRAN, Nov 17 (Reuters) -", "Tehran, Nov. 17, 2019 (AP) —", "TEHRAN (Reuters) —"):
# the town and day the report was filed from, not a day of what it tells ("… set fire to banks on Saturday": the
# Saturday before).
_WIRE_AGENCY = r"\((?-i:[A-Z])[A-Za-z ./&-]{0,30}\)"
_DATELINE_EN = re.compile(
    r"\s*(?!(?:on|in|at|by|from|since|until|during|after|before|last|this|the|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b)"
    rf"(?-i:[A-Z][A-Za-z'’.]*(?: [A-Z][A-Za-z'’.]*){{0,2}})(?:,\s+(?P<day>(?:{_EN_MONTH_RE})\.? \d{{1,2}}(?:, (?:19|20)\d\d)?"
    rf"|\d{{1,2}} (?:{_EN_MONTH_RE})\.?(?: (?:19|20)\d\d)?)\s*(?:{_WIRE_AGENCY}\s*)?|\s*{_WIRE_AGENCY}\s*)[-–—]\s",
    re.IGNORECASE,
)
_RELATIVE_EN = re.compile(
    r"\b(?P<word>yesterday|today|this morning|this afternoon|this evening|tonight|last night|"
    r"the day before yesterday|(?:two|three|four|five|2|3|4|5) days ago|last week|earlier this week|this week|last month|earlier this month|"
    # "on Monday last week": the Monday of the week before, not this week's
    r"(?:on |last |this past |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: of)? last week|"
    r"(?:on |last |this past |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
_WEEKDAYS_FA_RE = r"(?:سه شنبه|سهشنبه|چهارشنبه|پنجشنبه|پنج شنبه|یکشنبه|یک شنبه|دوشنبه|جمعه|شنبه)"
# A span of days or weeks («طی چند روز گذشته», «در سه روز اخیر», «چند هفته گذشته»): no one day, so read first, before
# «روز گذشته» (yesterday) inside it.
_SPAN_FA = r"(?:چند|دو|سه|چهار|پنج|شش|هفت|ده|\d+) (?:روز|هفته)(?: ?های)? (?:گذشته|اخیر)"
_RELATIVE_FA = re.compile(
    rf"{_FA}(?P<word>{_SPAN_FA}|(?:دو|سه|چهار|پنج|2|3|4|5) روز (?:پیش|قبل)|پریروز|دیروز|روز گذشته|شب گذشته|امروز|دیشب|امشب|بامداد امروز|"
    rf"(?:روز )?{_WEEKDAYS_FA_RE} (?:هفته گذشته|هفته پیش|هفته قبل)|هفته گذشته|هفته پیش|این هفته|ماه گذشته|ماه پیش|"
    rf"(?:روز )?{_WEEKDAYS_FA_RE})(?: گذشته)?{_FA_END}"
)
_SPAN_WORD_FA = re.compile(_SPAN_FA)
_LAST_WEEK_AFTER = re.compile(r"(?: of)? last week$| (?:هفته گذشته|هفته پیش|هفته قبل)$", re.IGNORECASE)


@dataclass(frozen=True)
class YearHints:
    """What a report with no publication date says of its own time, to date days written without a year.

    `year`: the Gregorian year its title or text names ("2018 Iranian protests"); `solar_year`: the year
    of the first full Solar Hijri date its text writes ("پنجشنبه ۷ دی ۱۳۹۶"); `read_on`: the day its page
    was read (the page's own clock line), which dates nothing but bounds every day the page tells.
    """

    year: int | None = None
    solar_year: int | None = None
    read_on: datetime.date | None = None


# A weekday written just before a day and month ("روز جمعه ۲۴ آبان", "دوشنبه شب ۱۱ دی"): the day's own name.
_WEEKDAY_BEFORE = re.compile(
    rf"{_FA}(?:روز\s+)?(?P<w>{'|'.join(sorted(WEEKDAYS_FA, key=len, reverse=True))})(?:\s+(?:شب|صبح|عصر))?\s*[،,]?\s*$"
)
# How far back a weekday may place a day below the day the page was read: a day of the year falls on
# each weekday within some eleven years, so a day and its weekday always find a year (the latest one).
_WEEKDAY_YEARS = 12


def _solar_year(month: int, day: int, weekday: int | None, hints: YearHints | None) -> int | None:
    """The Solar Hijri year of a day and month written without one, in a report with no publication date.

    The year of the report's own full Solar Hijri date when it agrees with the weekday written beside the
    day (or no weekday is written); else, with a weekday, the latest year, not after the day the page
    was read, in which that day falls on that weekday ("شنبه ۳۰ مهر" read in Aban 1403 is Saturday 30
    Mehr 1401). Nothing else: a day and month alone are not given a year by guess.
    """
    if hints is None:
        return None
    if hints.solar_year is not None:
        try:
            named = jdatetime.date(hints.solar_year, month, day).togregorian()
        except ValueError:
            named = None
        fits = named is not None and (weekday is None or named.weekday() == weekday)
        if fits and (hints.read_on is None or (named is not None and named <= hints.read_on)):
            return hints.solar_year
    if hints.read_on is None or weekday is None:
        return None
    latest = int(jdatetime.date.fromgregorian(date=hints.read_on).year)
    for year in range(latest, latest - _WEEKDAY_YEARS, -1):
        try:
            value = jdatetime.date(year, month, day).togregorian()
        except ValueError:
            continue
        if value <= hints.read_on and value.weekday() == weekday:
            return year
    return None


def solar_year_written(text: str) -> int | None:
    """The year of the first full Solar Hijri date a text writes ("۷ دی ۱۳۹۶", "1396/10/07"), if any."""
    found = [
        (match.start(), int(match.group("y")))
        for kind in ("jalali_fa", "jalali_slash")
        for match in _PATTERN_BY_KIND[kind].finditer(text)
        if match.group("y")
    ]
    return min(found)[1] if found else None


def _gregorian_year(month: int, day: int, published: datetime.date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    if datetime.date(year, month, min(day, 28)) > published + datetime.timedelta(days=7):
        year -= 1  # "12 December" in a January article is last year's
    return year


def _jalali_year(month: int, day: int, published: datetime.date | None) -> int | None:
    if published is None:
        return None
    today = jdatetime.date.fromgregorian(date=published)
    year = int(today.year)
    if (month, day) > (int(today.month), int(today.day) + 7):
        year -= 1
    return year


# A day at the head of a sentence whose speaker follows it, then the speech verb («روز شنبه ۲۶ تیر، سرپرست
# فرمانداری شادگان، امید صبری پور، گفت …»): the day someone spoke, not the day of what they told, which
# may carry its own day after the verb («او گفت جمعه ۲۵ تیر، …»).
_SPEAKER_THEN_SAID_FA = re.compile(
    # (each word ends at a space or a comma: a word may not be cut into pieces, which made the match try every
    # way to cut each of eight words, milliseconds a sentence on every date of every language)
    r"\s*[،,]\s*(?:(?!\S*(?:تجمع|اعتراض|تظاهر|راهپیمایی|کرد|شد))[^\s،,.]+(?:\s*[،,]\s*|\s+)){1,8}?"
    r"(?:گفت|اعلام کرد|اظهار داشت|خبر داد)(?![\u0600-\u06ff])"
)


def _explicit(
    sentence: str, published: datetime.date | None, year: YearHints | None = None
) -> tuple[datetime.date, str, str, int] | None:
    found = list(_dated_matches(sentence, published, year))
    if not found:
        return None
    match, value, calendar = min(found, key=lambda item: item[0].start())
    return value, calendar, match.group(0), match.start()


def _dated_matches(
    sentence: str, published: datetime.date | None, year: YearHints | None
) -> Iterator[tuple[re.Match[str], datetime.date, str]]:
    """Yield every explicit date of a sentence that converts, with its match and calendar (any order).

    A day before its speaker and «گفت» is when they spoke, and a wire dateline's day when the report was filed:
    neither is a date of what they told.
    """
    dateline = _DATELINE_EN.match(sentence)
    filed = dateline.end("day") if dateline and dateline.group("day") else 0
    if _BORN_LINE.match(sentence):
        return  # "- Born: 11 June 2013": a person's birth, no event's day
    lives = [span.span() for span in _LIFESPAN.finditer(sentence)] if "(" in sentence else []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if _SPEAKER_THEN_SAID_FA.match(sentence, match.end()) or match.start() < filed:
                continue
            if any(start <= match.start() < end for start, end in lives):
                continue
            try:
                converted = _to_date(kind, match, published, year)
            except ValueError:
                continue
            if converted is not None:
                yield match, converted[0], converted[1]


# A person's life in brackets after their name, as a biography's lead gives it ("Kian Pirfalak (کیان پیرفلک; 11 June
# 2013 – 16 November 2022) was an Iranian nine-year-old boy who …"): the days of a birth and a death, not of an event
# (an event's span in brackets is followed by what the event was: "(15–18 November 2019) were a series of protests").
_LIFESPAN = re.compile(
    r"\((?:[^()\n]{0,80};\s*)?(?:born\s+)?[^()\n;]{0,30}\d{3,4}\s*[–-]\s*[^()\n;]{0,30}\d{3,4}\)"
    r"(?=\s+(?:was|is)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:boy|girl|man|woman|teenager|child|student|activist|journalist|"
    r"protester|protestor|rapper|singer|musician|athlete|wrestler|footballer|boxer|lawyer|teacher|worker|cleric|poet|"
    r"writer|author|filmmaker|actor|actress|dissident|blogger|photographer|engineer|doctor|physician|nurse|"
    r"kurd|baloch|arab|citizen|national|politician)s?\b)",
    re.IGNORECASE,
)
_BORN_LINE = re.compile(r"^[\s\-•*]*(?:Born|Date of birth)\s*[:|]", re.IGNORECASE)
# A Persian agency's dateline («تهران - ایسنا -», «اهواز- ایرنا-», «سنندج – خبرگزاری مهر –»): the town the report
# was filed from. (Not «مهر» or «فارس» alone: a month and a province, which a dash-separated list may hold.)
_DATELINE_FA = re.compile(
    r"\s*[\u0600-\u06ff]+(?: [\u0600-\u06ff]+)?\s*[-–]\s*"
    r"(?:ایرنا|ایسنا|ایلنا|ایکنا|تسنیم|برنا|پانا|رکنا|هرانا|میزان|شبستان|خبرگزاری [\u0600-\u06ff]+(?: [\u0600-\u06ff]+)?)"
    r"\s*[-–]\s*"
)


def dateline_end(sentence: str) -> int:
    """Return where a wire or agency dateline that opens the sentence ends (0 when none does)."""
    dateline = _DATELINE_EN.match(sentence) or _DATELINE_FA.match(sentence)
    return dateline.end() if dateline else 0


def dateline_day(evidence: Evidence) -> datetime.date | None:
    """Return the day of a wire dateline that opens the sentence, when it writes its year ("TEHRAN, Nov. 17, 2019
    (AP) —"): the report's own day, which a weekday in it is counted from when the page gives no publication date."""
    dateline = _DATELINE_EN.match(evidence.sentence)
    if dateline is None or not dateline.group("day"):
        return None
    for kind in ("mdy", "dmy"):
        match = _PATTERN_BY_KIND[kind].match(evidence.sentence, dateline.start("day"), dateline.end("day"))
        if match is not None and match.group("y"):
            try:
                converted = _to_date(kind, match, None)
            except ValueError:
                return None
            return converted[0] if converted is not None else None
    return None


def _to_date(
    kind: str, match: re.Match[str], published: datetime.date | None, hints: YearHints | None = None
) -> tuple[datetime.date, str] | None:
    groups = match.groupdict()
    day = int(groups["d"])
    if kind == "iso":
        return datetime.date(int(groups["y"]), int(groups["m"]), day), "gregorian"
    if kind == "jalali_slash":
        return jdatetime.date(int(groups["y"]), int(groups["m"]), day).togregorian(), "jalali"
    if kind.startswith("jalali"):
        month = JALALI_MONTHS[groups["mon"].lower()]
        year = int(groups["y"]) if groups.get("y") else _jalali_year(month, day, published)
        if year is None and published is None:
            named = _WEEKDAY_BEFORE.search(match.string, 0, match.start())
            year = _solar_year(month, day, WEEKDAYS_FA[named.group("w")] if named else None, hints)
        if year is None:
            return None
        return jdatetime.date(year, month, day).togregorian(), "jalali"
    month = EN_MONTHS[groups["mon"].lower().rstrip(".")]
    if groups["mon"].lower() == "may" and kind == "mdy" and not groups.get("y"):
        return None  # "may 3" is too often the verb
    year_hint = hints.year if hints is not None else None
    year = int(groups["y"]) if groups.get("y") else (_gregorian_year(month, day, published) or year_hint)
    if year is None:
        return None
    return datetime.date(year, month, day), "gregorian"


_REPORTED = re.compile(
    r"\b(?:reported|said|announced|told|wrote|published|reports|says)\s+(?:on\s+)?$"
    r"|(?:گزارش داد|اعلام کرد|گفت|نوشت)\s+$",
    re.IGNORECASE,
)


# One person's death or detention told in a relative clause ("Mahsa Amini who died last week"): the clause's
# own time, not the gathering's.
_ONE_PERSONS_CLAUSE_BEFORE = re.compile(
    r"\bwho\s+(?:had\s+|has\s+)?(?:been\s+|was\s+)?(?:detained|arrested|held|jailed|killed|died|shot)\b"
    r"(?:(?!\b(?:and|but|while|as)\b)[^,.;:]){0,30}$",
    re.IGNORECASE,
)


def _time_of_another_clause(sentence: str, start: int) -> bool:
    """Tell whether the relative day at start dates a report or one person's clause, not the event."""
    before = sentence[max(0, start - 60) : start]
    if _REPORTED.search(before[-30:]):
        return True  # "…, local media reported on Thursday": the day of the report, not of the event
    return bool(_ONE_PERSONS_CLAUSE_BEFORE.search(before))


def _weekday_before(published: datetime.date, weekday: int) -> datetime.date:
    delta = (published.weekday() - weekday) % 7
    return published - datetime.timedelta(days=delta)


def _relative(word: str, published: datetime.date) -> tuple[datetime.date, int] | None:
    if word.lower() == "this week":
        return published, 2  # (not "week", last week's day, once "this " is taken off)
    if _SPAN_WORD_FA.fullmatch(word):
        return published, 2 if "روز" in word else 3  # the past few days or weeks: no one day
    last_week = _LAST_WEEK_AFTER.search(word)
    if last_week is not None:  # "Monday last week", «دوشنبه هفته گذشته»: that weekday of the week before
        found = _relative(word[: last_week.start()], published)
        return (found[0] - datetime.timedelta(days=7), 1) if found is not None else None
    word = word.lower().removeprefix("on ").removeprefix("this past ").removeprefix("last ").removeprefix("this ")
    if word not in {"روز گذشته", "شب گذشته"} and not word.startswith(("هفته", "ماه")):
        word = word.removeprefix("روز ").removesuffix(" گذشته")
    day = datetime.timedelta(days=1)
    table: dict[str, tuple[datetime.date, int]] = {
        "yesterday": (published - day, 1), "دیروز": (published - day, 1), "last night": (published - day, 1),
        "دیشب": (published - day, 1), "روز گذشته": (published - day, 1), "شب گذشته": (published - day, 1), "night": (published - day, 1),
        "the day before yesterday": (published - 2 * day, 1), "پریروز": (published - 2 * day, 1),
        "today": (published, 1), "امروز": (published, 1), "بامداد امروز": (published, 1), "morning": (published, 1),
        "afternoon": (published, 1), "evening": (published, 1), "tonight": (published, 1), "امشب": (published, 1),
        "week": (published - 7 * day, 2), "earlier this week": (published - 2 * day, 2),
        "هفته گذشته": (published - 7 * day, 2), "هفته پیش": (published - 7 * day, 2), "این هفته": (published, 2),
        "month": (published.replace(day=1) - day, 3), "earlier this month": (published.replace(day=1), 3),
        "ماه گذشته": (published.replace(day=1) - day, 3), "ماه پیش": (published.replace(day=1) - day, 3),
    }  # fmt: skip
    if word in table:
        return table[word]
    ago = re.fullmatch(r"(two|three|four|five|دو|سه|چهار|پنج|[2-5]) (?:days ago|روز (?:پیش|قبل))", word)
    if ago is not None:
        count = {"two": 2, "three": 3, "four": 4, "five": 5, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5}
        return published - day * count.get(ago.group(1), int(ago.group(1)) if ago.group(1).isdigit() else 0), 1
    if word in WEEKDAYS_EN:
        return _weekday_before(published, WEEKDAYS_EN[word]), 1
    if word in WEEKDAYS_FA:
        return _weekday_before(published, WEEKDAYS_FA[word]), 1
    return None


# A day's name that holds a weekday: "Bloody Friday", "Black Friday", "جمعه خونین" (Friday prayers
# are on a Friday, so "after Friday prayers" still gives the day). An English name is capitalized: "the streets
# turned bloody Monday" tells the day.
_NAMED_DAY = re.compile(
    r"\b(?:Bloody|Black|Red|Good|Holy) (?:Friday|Sunday|Saturday|Thursday|Wednesday|Tuesday|Monday)\b"
    r"|(?:جمعه|شنبه|یکشنبه|دوشنبه|سه شنبه|چهارشنبه|پنجشنبه) (?:خونین|سیاه)",
)


def _named_day(sentence: str, start: int, end: int) -> bool:
    """Tell whether the weekday at start:end is part of a name ("Bloody Friday"), not a day of the week."""
    return any(m.start() <= start and end <= m.end() for m in _NAMED_DAY.finditer(sentence))


def find_date(
    evidence: Evidence,
    published: datetime.date | None,
    language: str,
    *,
    year: YearHints | None = None,
    anchor: datetime.date | None = None,
) -> DateValue | None:
    """Return the date a sentence gives for its event: explicit dates first, then relative words.

    `year` holds the years a day and month without one belong to when there is no publication date
    (an encyclopedia article's "On 26 June", under a title that names 2018; "شنبه ۳۰ مهر" on a page read
    in 1403). `anchor`, with no
    publication date, is the day the report itself gives (a caption's "Aug. 2, 2018"): a weekday alone
    is the such day nearest to it; other relative words stay unread.
    """
    sentence = evidence.sentence
    explicit = _explicit(sentence, published, year)
    if explicit is not None:
        value, calendar, text, _start = explicit
        if published is None or value <= published + datetime.timedelta(days=1):
            return DateValue(date=value, precision=1, calendar=calendar, text=text, evidence=evidence)
    if published is None and anchor is None:
        return None
    pattern = _RELATIVE_FA if language in {"fa", "ar"} else _RELATIVE_EN
    for match in pattern.finditer(sentence):
        if _time_of_another_clause(sentence, match.start()):
            continue
        if _named_day(sentence, match.start("word"), match.end("word")):
            continue
        relative = _relative_to(match.group("word"), published, anchor)
        if relative is not None:
            return DateValue(
                date=relative[0], precision=relative[1], calendar="relative", text=match.group(0), evidence=evidence
            )
    return None


def _relative_to(
    word: str, published: datetime.date | None, anchor: datetime.date | None
) -> tuple[datetime.date, int] | None:
    """Read a relative word against the publication date, or a weekday alone against the report's own day."""
    if published is not None:
        return _relative(word, published)
    if anchor is None:
        return None
    bare = word.lower().removeprefix("on ").removeprefix("روز ").removesuffix(" گذشته")
    weekday = WEEKDAYS_EN.get(bare, WEEKDAYS_FA.get(bare))
    if weekday is None:
        return None
    # the report's own day may fall before or after the days it tells ("began on July 31, 2018 … on
    # Wednesday"): the weekday nearest to it, the earlier one on a tie
    before = _weekday_before(anchor, weekday)
    after = before + datetime.timedelta(days=7)
    return (after if (after - anchor) < (anchor - before) else before), 1


def dates_in_order(
    evidence: Evidence,
    published: datetime.date | None,
    language: str,
    *,
    anchor: datetime.date | None = None,
    year: YearHints | None = None,
) -> list[DateValue]:
    """Return every date a sentence gives, left to right ("on Sunday in Kerman and on Monday in Ahvaz").

    Of `year`, only the Solar Hijri hints are read here: a Gregorian day and month without a year is
    paired with a town only against the publication date.
    """
    sentence = evidence.sentence
    year = replace(year, year=None) if year is not None else None
    found: list[tuple[int, int, DateValue]] = []
    for match, day, calendar in _dated_matches(sentence, published, year):
        if published is None or day <= published + datetime.timedelta(days=1):
            value = DateValue(date=day, precision=1, calendar=calendar, text=match.group(0), evidence=evidence)
            found.append((match.start(), match.end(), value))
    if published is not None or anchor is not None:
        for match in (_RELATIVE_FA if language in {"fa", "ar"} else _RELATIVE_EN).finditer(sentence):
            if _named_day(sentence, match.start("word"), match.end("word")):
                continue
            relative = _relative_to(match.group("word"), published, anchor)
            if relative is not None and not _time_of_another_clause(sentence, match.start()):
                value = DateValue(
                    date=relative[0], precision=relative[1], calendar="relative", text=match.group(0), evidence=evidence
                )
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: (item[0], -item[1]))
    result: list[DateValue] = []
    last_end = -1
    for start, end, value in found:
        if start >= last_end:  # overlapping readings of one phrase count once
            result.append(value)
            last_end = end
    return result


def publication_date(published: datetime.date) -> DateValue:
    """Return the fallback date when a report names no day: the publication date, to the week."""
    return DateValue(date=published, precision=2, calendar="publication", text="", evidence=None)
