# Hand-written report templates read best one per line, however long.
# ruff: noqa: E501
"""Write the monitor's gold set: invented reports in English and Persian, annotated by ACLED rules.

The annotation of each report is set by hand in the templates below (what really happened in the
invented story), never computed by the extractor. Run `python -m evaluation.monitor.gold.write_gold`
to regenerate gold.jsonl (seeded, so the file is stable).
"""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import jdatetime

HERE = Path(__file__).resolve().parent
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# (English spelling as a reporter writes it, Persian, ISO 3166-2)
CITIES = [
    ("Tehran", "تهران", "IR-23"), ("Isfahan", "اصفهان", "IR-10"), ("Ahvaz", "اهواز", "IR-06"),
    ("Shiraz", "شیراز", "IR-07"), ("Tabriz", "تبریز", "IR-03"), ("Mashhad", "مشهد", "IR-09"),
    ("Kermanshah", "کرمانشاه", "IR-05"), ("Rasht", "رشت", "IR-01"), ("Sanandaj", "سنندج", "IR-12"),
    ("Arak", "اراک", "IR-00"), ("Yazd", "یزد", "IR-21"), ("Zahedan", "زاهدان", "IR-11"),
    ("Kerman", "کرمان", "IR-08"), ("Qazvin", "قزوین", "IR-26"), ("Hamadan", "همدان", "IR-13"),
    ("Saqqez", "سقز", "IR-12"), ("Abadan", "آبادان", "IR-06"), ("Shush", "شوش", "IR-06"),
    ("Khorramabad", "خرم‌آباد", "IR-15"), ("Bushehr", "بوشهر", "IR-18"), ("Ardabil", "اردبیل", "IR-24"),
    ("Urmia", "ارومیه", "IR-04"), ("Dezful", "دزفول", "IR-06"), ("Gorgan", "گرگان", "IR-27"),
    ("Sari", "ساری", "IR-02"), ("Karaj", "کرج", "IR-30"), ("Qom", "قم", "IR-25"),
    ("Bandar Abbas", "بندرعباس", "IR-22"), ("Marivan", "مریوان", "IR-12"), ("Izeh", "ایذه", "IR-06"),
    ("Mahabad", "مهاباد", "IR-04"), ("Neyshabur", "نیشابور", "IR-09"), ("Borujerd", "بروجرد", "IR-15"),
    ("Shahrekord", "شهرکرد", "IR-14"), ("Yasuj", "یاسوج", "IR-17"), ("Ilam", "ایلام", "IR-16"),
    ("Zanjan", "زنجان", "IR-19"), ("Semnan", "سمنان", "IR-20"), ("Bojnurd", "بجنورد", "IR-28"),
    ("Birjand", "بیرجند", "IR-29"), ("Bam", "بم", "IR-08"), ("Baneh", "بانه", "IR-12"),
    ("Kashan", "کاشان", "IR-10"), ("Sirjan", "سیرجان", "IR-08"), ("Amol", "آمل", "IR-02"),
    ("Behbahan", "بهبهان", "IR-06"), ("Bukan", "بوکان", "IR-04"), ("Kazerun", "کازرون", "IR-07"),
]  # fmt: skip
PROVINCES = [("Khuzestan", "خوزستان", "IR-06"), ("Kurdistan", "کردستان", "IR-12"), ("Gilan", "گیلان", "IR-01"),
             ("Lorestan", "لرستان", "IR-15"), ("Golestan", "گلستان", "IR-27"), ("Fars", "فارس", "IR-07")]  # fmt: skip

# sector: (English group, Persian group, English venue, Persian venue)
SECTORS = {
    "workers": [("contract workers of the municipal water company", "کارگران قراردادی شرکت آب و فاضلاب", "the governor's office", "فرمانداری"),
                ("steelworkers", "کارگران فولاد", "the company's headquarters", "ساختمان مدیریت شرکت"),
                ("sugar cane workers", "کارگران نیشکر", "the provincial governorate", "استانداری")],
    "teachers": [("teachers", "معلمان", "the education department", "اداره آموزش و پرورش"),
                 ("contract teachers", "معلمان حق‌التدریسی", "the provincial parliament office", "دفتر نماینده مجلس")],
    "retirees": [("retirees of the social security organisation", "بازنشستگان تامین اجتماعی", "the social security office", "اداره تامین اجتماعی"),
                 ("retired teachers", "فرهنگیان بازنشسته", "the governorate", "استانداری")],
    "nurses": [("nurses", "پرستاران", "the university hospital", "بیمارستان دانشگاه")],
    "farmers": [("farmers", "کشاورزان", "the regional water authority", "اداره آب منطقه‌ای")],
    "truckers": [("truck drivers", "رانندگان کامیون", "the freight terminal", "پایانه بار")],
    "students": [("students", "دانشجویان", "the university's central library", "کتابخانه مرکزی دانشگاه")],
    "bazaar": [("bazaar merchants", "بازاریان", "the chamber of commerce", "اتاق بازرگانی")],
    "depositors": [("defrauded depositors of a failed credit institution", "مالباختگان موسسه اعتباری", "the judiciary building", "ساختمان دادگستری")],
}  # fmt: skip
# (English words, Persian words, low, high)
CROWDS = [("Hundreds of", "صدها تن از", 100, 999), ("Dozens of", "ده‌ها تن از", 12, 99), ("About 300", "حدود ۳۰۰ نفر از", 300, 300),
          ("Some 50", "نزدیک به ۵۰ نفر از", 50, 50), ("More than 1,000", "بیش از ۱۰۰۰ نفر از", 1000, None),
          ("A group of", "جمعی از", 3, 99), ("Thousands of", "هزاران تن از", 1000, 9999), ("Around 120", "حدود ۱۲۰ تن از", 120, 120)]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_FA = ["دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]
JALALI_EN = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
]
JALALI_FA = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
OUTLETS = ["Kargar Monitor", "Hengaw Watch", "Iran Labour Desk", "South Wire", "Rights Bulletin", "Daily Tehran Review"]
CLAIMANTS_EN = [
    "the Coordinating Council of Teachers' Unions",
    "the Free Workers Union",
    "the Retirees' Rights Committee",
    "the Iran Labour Watch",
]
CLAIMANTS_FA = [
    "شورای هماهنگی تشکل‌های صنفی فرهنگیان",
    "اتحادیه آزاد کارگران",
    "کمیته پیگیری حقوق بازنشستگان",
    "مرکز پایش اعتراضات کارگری",
]


def _date_en(rng: random.Random, event: datetime.date, published: datetime.date) -> tuple[str, datetime.date]:
    """Return how an English report states the day, and the day an ACLED coder would record."""
    style = rng.choice(["explicit", "weekday", "yesterday", "jalali", "today", "mdy"])
    if style == "explicit":
        return f"on {event.day} {MONTHS_EN[event.month - 1]}", event
    if style == "mdy":
        return f"on {MONTHS_EN[event.month - 1]} {event.day}, {event.year}", event
    if style == "weekday" and 0 < (published - event).days < 7:
        return f"on {WEEKDAYS[event.weekday()]}", event
    if style == "yesterday":
        return "yesterday", published - datetime.timedelta(days=1)
    if style == "jalali":
        j = jdatetime.date.fromgregorian(date=event)
        return f"on {j.day} {JALALI_EN[j.month - 1]} {j.year}", event
    return "this morning", published


def _date_fa(rng: random.Random, event: datetime.date, published: datetime.date) -> tuple[str, datetime.date]:
    style = rng.choice(["full", "dayonly", "weekday", "yesterday", "today", "weekday_full"])
    j = jdatetime.date.fromgregorian(date=event)
    if style == "full":
        return f"روز {j.day} {JALALI_FA[j.month - 1]} {j.year}".translate(FA_DIGITS), event
    if style == "dayonly":
        return f"{j.day} {JALALI_FA[j.month - 1]}".translate(FA_DIGITS), event
    if style == "weekday" and 0 < (published - event).days < 7:
        return f"روز {WEEKDAYS_FA[event.weekday()]}", event
    if style == "weekday_full":
        return f"روز {WEEKDAYS_FA[event.weekday()]} {j.day} {JALALI_FA[j.month - 1]}".translate(FA_DIGITS), event
    if style == "yesterday":
        return "دیروز", published - datetime.timedelta(days=1)
    return "صبح امروز", published


def _subtype_en(rng: random.Random, kind: str) -> tuple[str, str]:
    return {
        "peaceful": (
            "They chanted slogans about unpaid wages and dispersed peacefully after two hours.",
            "Peaceful protest",
        ),
        "intervention": (
            rng.choice(
                [
                    "Police dispersed the gathering and detained four of the protesters.",
                    "Security forces broke up the sit-in and arrested several organisers.",
                ]
            ),
            "Protest with intervention",
        ),
        "force": (
            rng.choice(
                [
                    "Security forces opened fire on the crowd, killing one protester and wounding several others.",
                    "Witnesses said agents fired pellets at the protesters, injuring at least six people.",
                ]
            ),
            "Excessive force against protesters",
        ),
        "violent": (
            rng.choice(
                [
                    "Some protesters set fire to tyres and threw stones at the riot police.",
                    "Clashes broke out when protesters tried to storm the building.",
                ]
            ),
            "Violent demonstration",
        ),
    }[kind]


def _subtype_fa(rng: random.Random, kind: str) -> tuple[str, str]:
    return {
        "peaceful": ("تجمع‌کنندگان با سر دادن شعار خواستار پرداخت حقوق معوقه خود شدند.", "Peaceful protest"),
        "intervention": (
            rng.choice(
                [
                    "ماموران انتظامی تجمع را متفرق کردند و چهار نفر را بازداشت کردند.",
                    "نیروهای یگان ویژه با باتوم به تجمع‌کنندگان حمله کردند.",
                ]
            ),
            "Protest with intervention",
        ),
        "force": (
            rng.choice(
                ["ماموران به سوی معترضان شلیک کردند و یک نفر کشته شد.", "بر اثر شلیک ساچمه، دست کم شش نفر زخمی شدند."]
            ),
            "Excessive force against protesters",
        ),
        "violent": (
            rng.choice(
                ["شماری از معترضان لاستیک آتش زدند و با ماموران درگیر شدند.", "معترضان به سوی ماموران سنگ‌پرانی کردند."]
            ),
            "Violent demonstration",
        ),
    }[kind]


KINDS = ["peaceful"] * 6 + ["intervention"] * 2 + ["force", "violent"]


def event_report(rng: random.Random, number: int, language: str) -> dict[str, object]:
    """Write one report of one (or two) invented protest event(s), with its annotation."""
    published = datetime.date(2024, 9, 1) + datetime.timedelta(days=rng.randrange(0, 180))
    event = published - datetime.timedelta(days=rng.choice([0, 1, 1, 2, 3, 5]))
    sector = rng.choice(list(SECTORS))
    group_en, group_fa, venue_en, venue_fa = rng.choice(SECTORS[sector])
    crowd_en, crowd_fa, low, high = rng.choice(CROWDS)
    kind = rng.choice(KINDS)
    city_en, city_fa, iso = rng.choice(CITIES)
    province_only = rng.random() < 0.08
    if province_only:
        city_en, city_fa, iso = rng.choice(PROVINCES)
    second = rng.random() < 0.08 and not province_only
    if language == "en":
        when, date = _date_en(rng, event, published)
        where = f"in {city_en} province" if province_only else f"in {city_en}"
        title = rng.choice(
            [
                f"{group_en.capitalize()} protest {where}",
                f"Protest {where} over unpaid wages",
                f"{city_en}: {group_en} rally",
            ]
        )
        lead = f"{crowd_en} {group_en} gathered outside {venue_en} {where} {when}, demanding their unpaid wages."
        sub_text, sub = _subtype_en(rng, kind)
        text = f"{lead} {sub_text}"
        if rng.random() < 0.3:
            text += " The protesters said they had not been paid for four months."
        if second:
            city2_en, city2_fa, iso2 = rng.choice([c for c in CITIES if c[0] != city_en])
            text += f" A similar gathering of {group_en} was held in {city2_en} {when}."
    else:
        when, date = _date_fa(rng, event, published)
        where = f"در استان {city_fa}" if province_only else f"در {city_fa}"
        title = rng.choice(
            [
                f"تجمع {group_fa} {where}",
                f"اعتراض {group_fa} {where} به عدم پرداخت حقوق",
                f"{city_fa}: تجمع اعتراضی {group_fa}",
            ]
        )
        lead = f"{crowd_fa} {group_fa} {when} مقابل {venue_fa} {where} تجمع کردند و خواستار پرداخت حقوق معوقه خود شدند."
        sub_text, sub = _subtype_fa(rng, kind)
        text = f"{lead} {sub_text}"
        if second:
            city2_en, city2_fa, iso2 = rng.choice([c for c in CITIES if c[0] != city_en])
            text += f" همزمان {group_fa} در {city2_fa} نیز تجمع کردند."
    events = [{
        "city": None if province_only else city_en, "province_iso": iso, "date": date.isoformat(), "sub_event_type": sub,
        "sector": sector, "crowd_low": low, "crowd_high": high,
    }]  # fmt: skip
    if second:
        events.append({"city": city2_en, "province_iso": iso2, "date": date.isoformat(), "sub_event_type": "Peaceful protest",
                       "sector": sector, "crowd_low": None, "crowd_high": None})  # fmt: skip
    return {"id": f"gold-{number:03d}", "language": language, "source": rng.choice(OUTLETS), "published": published.isoformat(),
            "title": title, "text": text, "events": events, "claims": [], "notes": f"{kind}{', province only' if province_only else ''}{', two places' if second else ''}"}  # fmt: skip


def non_event_report(rng: random.Random, number: int, language: str) -> dict[str, object]:
    """Write a report of a planned, called-for, cancelled or online-only action: no event."""
    published = datetime.date(2024, 9, 1) + datetime.timedelta(days=rng.randrange(0, 180))
    city_en, city_fa, _iso = rng.choice(CITIES)
    sector = rng.choice(list(SECTORS))
    group_en, group_fa, _venue_en, venue_fa = rng.choice(SECTORS[sector])
    if language == "en":
        text = rng.choice([
            f"The union of {group_en} has called for a nationwide strike next week, starting in {city_en}.",
            f"{group_en.capitalize()} in {city_en} plan to rally outside the governor's office on Saturday if wages are not paid.",
            f"A gathering of {group_en} planned for Tuesday in {city_en} was cancelled after organisers were summoned by security agents.",
            f"{group_en.capitalize()} from {city_en} launched an online petition on social media against the new pension rules.",
        ])  # fmt: skip
        title = f"{group_en.capitalize()} in {city_en} announce action"
    else:
        text = rng.choice([
            f"تشکل‌های صنفی {group_fa} برای هفته آینده فراخوان تجمع مقابل {venue_fa} در {city_fa} داده‌اند.",
            f"قرار است {group_fa} در {city_fa} روز شنبه در اعتراض به عدم پرداخت حقوق تجمع کنند.",
            f"تجمع {group_fa} در {city_fa} که برای سه‌شنبه برنامه‌ریزی شده بود لغو شد.",
            f"{group_fa} {city_fa} کارزاری در فضای مجازی علیه قانون جدید بازنشستگی به راه انداختند.",
        ])  # fmt: skip
        title = f"فراخوان {group_fa} در {city_fa}"
    return {"id": f"gold-{number:03d}", "language": language, "source": rng.choice(OUTLETS), "published": published.isoformat(),
            "title": title, "text": text, "events": [], "claims": [], "notes": "planned, cancelled or online only: no event"}  # fmt: skip


def claim_report(rng: random.Random, number: int, language: str) -> dict[str, object]:
    """Write a report of an aggregate claim (counted apart from events)."""
    published = datetime.date(2024, 10, 3) + datetime.timedelta(days=rng.randrange(0, 150))
    count, places = rng.randrange(40, 400), rng.randrange(10, 90)
    if language == "en":
        claimant = rng.choice(CLAIMANTS_EN)
        prev = published.replace(day=1) - datetime.timedelta(days=1)
        text = rng.choice([
            f"{claimant[0].upper() + claimant[1:]} said at least {count} protests were held in {places} cities in {MONTHS_EN[prev.month - 1]}.",
            f"According to {claimant}, {count} labour protests took place across {places} cities last month.",
        ]) + " The figures could not be independently verified."  # fmt: skip
        title = "Monthly tally of protests"
    else:
        claimant = rng.choice(CLAIMANTS_FA)
        j = jdatetime.date.fromgregorian(date=published)
        month = JALALI_FA[(j.month - 2) % 12]
        text = rng.choice([
            f"به گزارش {claimant}، دست کم {count} تجمع اعتراضی در {places} شهر در {month} ماه برگزار شد.".translate(FA_DIGITS),
            f"{claimant} اعلام کرد در ماه گذشته {count} اعتصاب در {places} شهر ثبت شده است.".translate(FA_DIGITS),
        ])  # fmt: skip
        title = "آمار ماهانه اعتراضات"
    return {"id": f"gold-{number:03d}", "language": language, "source": rng.choice(OUTLETS), "published": published.isoformat(),
            "title": title, "text": text, "events": [], "claims": [{"count": count, "places": places, "claimant": claimant}],
            "notes": "aggregate claim"}  # fmt: skip


def main() -> None:
    """Write gold.jsonl."""
    rng = random.Random(20241105)  # noqa: S311 - a fixed seed makes the invented set reproducible
    records = []
    number = 1
    for language in ("en", "fa"):
        for _ in range(85):
            records.append(event_report(rng, number, language))
            number += 1
        for _ in range(12):
            records.append(non_event_report(rng, number, language))
            number += 1
        for _ in range(8):
            records.append(claim_report(rng, number, language))
            number += 1
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} reports")


if __name__ == "__main__":
    main()
