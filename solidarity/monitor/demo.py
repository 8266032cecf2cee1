# Invented report templates read best one per line, however long.
# ruff: noqa: E501
"""Demo corpus: a few hundred invented reports (English and Persian) ingested through the services.

Outlets, organizations and stories are invented. The corpus has what real monitoring meets:
several reports of one event with conflicting crowd sizes, syndicated reprints, outlets of one
network, planned actions that are not events, and monthly aggregate claims.
"""

from __future__ import annotations

import datetime

import jdatetime

from solidarity.core import months
from solidarity.core.text import to_persian_digits
from solidarity.demo import DemoContext
from solidarity.monitor import services
from solidarity.monitor.models import Event, Source
from solidarity.monitor.sources.readers import RawDocument

OUTLETS = [
    # (name, kind, language, affiliation, grade, reason)
    (
        "Kargar Monitor",
        Source.Kind.RIGHTS_GROUP,
        "fa",
        "Kargar network",
        "B",
        "Names its local reporters' towns; corrections published.",
    ),
    (
        "Kargar Monitor English",
        Source.Kind.RIGHTS_GROUP,
        "en",
        "Kargar network",
        "B",
        "English edition of Kargar Monitor.",
    ),
    ("South Wire", Source.Kind.NEWS_AGENCY, "en", "", "A", "Agency with its own stringers; two-source rule."),
    (
        "Daily Tehran Review",
        Source.Kind.INDEPENDENT,
        "en",
        "",
        "B",
        "Independent outlet; usually confirms with photos.",
    ),
    ("Rights Bulletin", Source.Kind.RIGHTS_GROUP, "en", "", "B", "Rights group; publishes detainee names separately."),
    ("Sedaye Kar", Source.Kind.INDEPENDENT, "fa", "", "C", "Young outlet; few corrections so far."),
    ("Khabar-e Shahr", Source.Kind.STATE_MEDIA, "fa", "", "D", "State media: undercounts and omits arrests."),
    ("Teachers' Channel", Source.Kind.SOCIAL_MEDIA, "fa", "", "C", "Union channel on a messaging app."),
]
CITIES = [
    ("Ahvaz", "اهواز"), ("Isfahan", "اصفهان"), ("Tehran", "تهران"), ("Shush", "شوش"), ("Sanandaj", "سنندج"),
    ("Tabriz", "تبریز"), ("Kermanshah", "کرمانشاه"), ("Mashhad", "مشهد"), ("Shiraz", "شیراز"), ("Rasht", "رشت"),
    ("Abadan", "آبادان"), ("Arak", "اراک"), ("Zahedan", "زاهدان"), ("Saqqez", "سقز"), ("Kerman", "کرمان"),
    ("Bandar Abbas", "بندرعباس"), ("Yazd", "یزد"), ("Urmia", "ارومیه"), ("Khorramabad", "خرم‌آباد"), ("Karaj", "کرج"),
]  # fmt: skip
GROUPS = [
    ("workers", "contract workers of the municipality", "کارگران قراردادی شهرداری"),
    ("workers", "steelworkers", "کارگران فولاد"),
    ("teachers", "teachers", "معلمان"),
    ("retirees", "social security retirees", "بازنشستگان تامین اجتماعی"),
    ("nurses", "nurses", "پرستاران"),
    ("farmers", "farmers", "کشاورزان"),
    ("truckers", "truck drivers", "رانندگان کامیون"),
    ("bazaar", "bazaar merchants", "بازاریان"),
    ("depositors", "defrauded depositors", "مالباختگان"),
    ("students", "students", "دانشجویان"),
]
SIZES = [("Hundreds of", "صدها تن از"), ("Dozens of", "ده‌ها تن از"), ("About 200", "حدود ۲۰۰ نفر از"),
         ("More than 500", "بیش از ۵۰۰ نفر از"), ("Some 60", "نزدیک به ۶۰ نفر از"), ("Thousands of", "هزاران تن از")]  # fmt: skip
OUTCOMES_EN = [
    "They chanted slogans and left after three hours.",
    "They chanted slogans and left after three hours.",
    "Police dispersed the gathering and detained three people.",
    "Riot police fired tear gas to disperse the crowd.",
    "Some protesters threw stones at security forces, who responded with tear gas.",
    "Security forces fired pellets at the crowd, injuring several protesters.",
]
OUTCOMES_FA = [
    "تجمع‌کنندگان پس از سه ساعت محل را ترک کردند.",
    "تجمع‌کنندگان پس از سه ساعت محل را ترک کردند.",
    "ماموران انتظامی تجمع را متفرق کردند و سه نفر را بازداشت کردند.",
    "نیروهای یگان ویژه با گاز اشک‌آور تجمع‌کنندگان را پراکنده کردند.",
    "شماری از معترضان با ماموران درگیر شدند و لاستیک آتش زدند.",
    "ماموران به سوی تجمع‌کنندگان ساچمه شلیک کردند و چند نفر زخمی شدند.",
]
JALALI_FA = months.SOLAR_HIJRI_FA
MONTHS_EN = months.GREGORIAN_EN
START = datetime.date(2024, 9, 1)
EVENTS = 170


def _english(city: str, group: str, size: str, day: datetime.date, outcome: str, style: int) -> tuple[str, str]:
    title = [
        f"{group.capitalize()} protest in {city}",
        f"{city}: {group} rally over unpaid wages",
        f"Protest in {city}",
    ][style % 3]
    when = f"on {day.day} {MONTHS_EN[day.month - 1]}"
    lead = [
        f"{size} {group} gathered outside the governor's office in {city} {when}, demanding months of unpaid wages.",
        f"In {city}, {size.lower()} {group} held a protest {when} over delayed payments.",
    ][style % 2]
    return title, f"{lead} {outcome}"


def _persian(city: str, group: str, size: str, day: datetime.date, outcome: str, style: int) -> tuple[str, str]:
    j = jdatetime.date.fromgregorian(date=day)
    when = to_persian_digits(f"روز {j.day} {JALALI_FA[j.month - 1]}", separators=False)
    title = [f"تجمع {group} در {city}", f"اعتراض {group} در {city} به عدم پرداخت حقوق"][style % 2]
    lead = f"{size} {group} {when} مقابل استانداری در {city} تجمع کردند و خواستار پرداخت حقوق معوقه خود شدند."
    return title, f"{lead} {outcome}"


def build(context: DemoContext) -> None:
    rng = context.rng
    sources = []
    for name, kind, language, affiliation, grade, reason in OUTLETS:
        source = services.register_source(
            name=name, kind=kind, language=language, country="IR", affiliation=affiliation
        )
        source.grade, source.grade_reason = grade, reason
        source.save(update_fields=["grade", "grade_reason"])
        sources.append(source)
    documents = 0
    for number in range(EVENTS):
        day = START + datetime.timedelta(days=rng.randrange(0, 175))
        city_en, city_fa = rng.choice(CITIES)
        _sector, group_en, group_fa = rng.choice(GROUPS)
        outcome = rng.randrange(len(OUTCOMES_EN))
        for copy in range(rng.choice([1, 1, 2, 2, 3])):  # how many outlets report it
            source = rng.choice(sources)
            size_en, size_fa = rng.choice(SIZES)  # outlets disagree on the size
            published = day + datetime.timedelta(days=rng.choice([0, 1, 1, 2]))
            if source.language == "fa":
                title, text = _persian(city_fa, group_fa, size_fa, day, OUTCOMES_FA[outcome], number + copy)
            else:
                title, text = _english(city_en, group_en, size_en, day, OUTCOMES_EN[outcome], number + copy)
            services.ingest_document(
                raw=RawDocument(text, title, published, "", f"demo-{number}-{copy}.txt"), source=source
            )
            documents += 1
            if rng.random() < 0.15:  # a syndicated reprint by another outlet
                reprint = f"This report was first published by {source.name}. {text}"
                other = rng.choice([s for s in sources if s != source])
                services.ingest_document(
                    raw=RawDocument(reprint, title, published, "", f"demo-{number}-{copy}-r.txt"), source=other
                )
                documents += 1
    for month in range(10, 16):  # each claim covers the month before, September to February
        year, number = 2024 + (month > 12), (month - 1) % 12 + 1
        published = datetime.date(year, number, 1) + datetime.timedelta(days=rng.randrange(2, 6))
        previous = (published.replace(day=1) - datetime.timedelta(days=1)).month
        count, places = rng.randrange(90, 260), rng.randrange(30, 80)
        text = f"The Free Workers Council said at least {count} protests were held in {places} cities in {MONTHS_EN[previous - 1]}."
        services.ingest_document(
            raw=RawDocument(text, "Monthly protest count", published, "", f"claim-{month}-en.txt"), source=sources[4]
        )
        j = jdatetime.date.fromgregorian(date=published)
        fa_text = to_persian_digits(
            f"به گزارش کانون صنفی کارگران آزاد، دست کم {count + rng.randrange(5, 40)} تجمع اعتراضی در {places + 3} شهر در {JALALI_FA[(j.month - 2) % 12]} ماه برگزار شد.",
            separators=False,
        )
        services.ingest_document(
            raw=RawDocument(fa_text, "آمار ماهانه اعتراضات", published, "", f"claim-{month}-fa.txt"), source=sources[0]
        )
        plan = (
            f"Teachers' unions called for nationwide gatherings next week in {rng.choice(CITIES)[0]} and other cities."
        )
        services.ingest_document(
            raw=RawDocument(plan, "Call for gatherings", published, "", f"plan-{month}.txt"), source=sources[7]
        )
        documents += 3
    analyst = context.shared.get("users", {}).get("analyst")
    if analyst is not None:
        events = list(Event.objects.order_by("pk")[:12])
        for event in events[:6]:
            services.review_event(event=event, analyst=analyst, action="confirm")
        if len(events) > 8:
            services.review_event(
                event=events[7],
                analyst=analyst,
                action="correct",
                changes={"crowd_low": 150, "crowd_high": 200},
                note="Photos show about 150–200 people.",
            )
            services.review_event(
                event=events[8],
                analyst=analyst,
                action="reject",
                note="Same gathering as another event, reported a day late.",
            )
    context.notes.append(f"monitor: {documents} demo reports → {Event.objects.count()} events")
