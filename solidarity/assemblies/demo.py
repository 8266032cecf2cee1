"""Demo: an assembly at a hub in Paris with 30 satellite venues, a two-day programme, eight broadcast
partners, 200+ invitations in every state, and check-ins synced from offline door devices.

Every venue, partner and guest name is invented; the cities and time zones are real.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from solidarity.assemblies import checkin, services
from solidarity.assemblies.models import Assembly, Invitation, Venue
from solidarity.coalition.models import Delegate

if TYPE_CHECKING:
    from solidarity.demo import DemoContext

# (city EN, city FA, country, time zone, capacity)
SATELLITES = [
    ("London", "لندن", "GB", "Europe/London", 180),
    ("Berlin", "برلین", "DE", "Europe/Berlin", 160),
    ("Hamburg", "هامبورگ", "DE", "Europe/Berlin", 90),
    ("Cologne", "کلن", "DE", "Europe/Berlin", 80),
    ("Stockholm", "استکهلم", "SE", "Europe/Stockholm", 120),
    ("Gothenburg", "گوتنبرگ", "SE", "Europe/Stockholm", 60),
    ("Oslo", "اسلو", "NO", "Europe/Oslo", 60),
    ("Copenhagen", "کپنهاگ", "DK", "Europe/Copenhagen", 70),
    ("Amsterdam", "آمستردام", "NL", "Europe/Amsterdam", 90),
    ("Brussels", "بروکسل", "BE", "Europe/Brussels", 70),
    ("Vienna", "وین", "AT", "Europe/Vienna", 80),
    ("Zurich", "زوریخ", "CH", "Europe/Zurich", 60),
    ("Rome", "رم", "IT", "Europe/Rome", 50),
    ("Madrid", "مادرید", "ES", "Europe/Madrid", 50),
    ("Istanbul", "استانبول", "TR", "Europe/Istanbul", 150),
    ("Yerevan", "ایروان", "AM", "Asia/Yerevan", 60),
    ("Erbil", "اربیل", "IQ", "Asia/Baghdad", 120),
    ("Dubai", "دبی", "AE", "Asia/Dubai", 100),
    ("Toronto", "تورنتو", "CA", "America/Toronto", 220),
    ("Montreal", "مونترال", "CA", "America/Toronto", 90),
    ("Vancouver", "ونکوور", "CA", "America/Vancouver", 150),
    ("Los Angeles", "لس‌آنجلس", "US", "America/Los_Angeles", 250),
    ("San Francisco", "سان‌فرانسیسکو", "US", "America/Los_Angeles", 90),
    ("New York", "نیویورک", "US", "America/New_York", 140),
    ("Washington", "واشنگتن", "US", "America/New_York", 100),
    ("Houston", "هیوستون", "US", "America/Chicago", 70),
    ("Chicago", "شیکاگو", "US", "America/Chicago", 60),
    ("Sydney", "سیدنی", "AU", "Australia/Sydney", 110),
    ("Melbourne", "ملبورن", "AU", "Australia/Melbourne", 80),
    ("Auckland", "اوکلند", "NZ", "Pacific/Auckland", 40),
]

# (title EN, title FA, start hour UTC, minutes, language, interpretation, all venues?)
SESSIONS = [
    ("Opening and roll call", "گشایش و حضور و غیاب", 8, 60, "fa", "en,fr,ku", True),
    ("Report of the credentials committee", "گزارش کمیتهٔ اعتبارنامه‌ها", 9, 45, "fa", "en", True),
    ("Charter: first reading", "منشور: خوانش نخست", 10, 120, "fa", "en,ku,az", True),
    ("Voices from inside the country (recorded)", "صداهایی از درون کشور (ضبط‌شده)", 13, 60, "fa", "en,fr", True),
    ("Workshop: labour and teachers' unions", "کارگاه: سندیکاهای کارگری و معلمان", 14, 90, "fa", "en", False),
    ("Workshop: women's rights", "کارگاه: حقوق زنان", 14, 90, "en", "fa", False),
    ("Regional and ethnic ties: round table", "میزگرد پیوندهای قومی و منطقه‌ای", 16, 90, "ku", "fa,en", True),
    ("Satellite reports from the Americas", "گزارش محل‌های قاره آمریکا", 18, 60, "en", "fa", True),
]
DAY_TWO = [
    ("Charter: amendments and debate", "منشور: اصلاحیه‌ها و بحث", 8, 150, "fa", "en,ku,az", True),
    ("Election of the coordinating council", "انتخاب شورای هماهنگی", 11, 90, "fa", "en,fr", True),
    ("Media and broadcasting plan", "برنامهٔ رسانه و پخش", 13, 60, "en", "fa", False),
    ("Satellite reports from Oceania and Asia", "گزارش محل‌های اقیانوسیه و آسیا", 14, 60, "en", "fa", True),
    ("Resolutions", "قطعنامه‌ها", 15, 90, "fa", "en,fr,ku", True),
    ("Closing", "پایان", 17, 45, "fa", "en", True),
]
PARTNERS = [
    ("Horizon TV", "تلویزیون افق", "tv", "fa,en", "", "Satellite: Hotbird 13E, 11.2 GHz", "Channel 14"),
    ("Radio Morning Star", "رادیو ستارهٔ صبح", "radio", "fa", "", "1575 kHz medium wave", ""),
    ("Radio Free Shortwave", "رادیو موج کوتاه آزاد", "radio", "fa,ku", "", "9.5 MHz shortwave, 19:00–23:00 UTC", ""),
    ("Open Window TV", "تلویزیون پنجرهٔ باز", "tv", "fa", "", "", "Satellite channel 7"),
    ("Tribune Web Live", "تریبون وب زنده", "web", "fa,en", "https://tribune.example.org/live", "", ""),
    ("Kurdistan Community Radio", "رادیو جامعهٔ کردستان", "radio", "ku,fa", "", "98.4 FM (Erbil)", ""),
    (
        "Diaspora Podcast Network",
        "شبکهٔ پادکست دیاسپورا",
        "web",
        "en,fa",
        "https://podcasts.example.org/assembly",
        "",
        "",
    ),
    ("Azadi Stream", "پخش آزادی", "web", "fa,az", "https://azadi-stream.example.net/", "", ""),
]
GUESTS = [
    "Prof. H. Navid",
    "Dr. M. Arvin",
    "Ms. J. Dupont",
    "Mr. K. Lindqvist",
    "Dr. S. Okafor",
    "Ms. T. Moreau",
    "Mr. B. Kessler",
    "Dr. A. Haddad",
    "Ms. L. Rossi",
    "Mr. P. Novak",
    "Dr. F. Sabet",
    "Ms. R. Castillo",
]


def build(context: DemoContext) -> None:
    rng = context.rng
    organizer = context.shared["users"]["organizer"]
    officer = context.shared["users"]["officer"]
    today = timezone.now().date()
    assembly = services.create_assembly(
        actor=organizer,
        slug="paris-assembly",
        name_en="Founding Assembly of the Coalition (Paris and satellites)",
        name_fa="مجمع مؤسس ائتلاف (پاریس و محل‌های اقماری)",
        starts_on=today,
        ends_on=today + dt.timedelta(days=1),
        description_en=(
            "Two days of debate on the coalition's charter, held at a hub in Paris and joined by thirty "
            "satellite venues across Europe, North America and Australia. Invitation only; the programme is public."
        ),
        description_fa=(
            "دو روز گفت‌وگو دربارهٔ منشور ائتلاف، در مرکزی در پاریس و با پیوستن سی محل اقماری در اروپا، "
            "آمریکای شمالی و استرالیا. ورود فقط با دعوت‌نامه؛ برنامه عمومی است."
        ),
    )
    context.progress("demo: assemblies venues")
    hub = services.add_venue(
        actor=organizer,
        assembly=assembly,
        kind=Venue.Kind.HUB,
        name_en="Hall of the Republic (invented)",
        name_fa="تالار جمهوری (ساختگی)",
        city_en="Paris",
        city_fa="پاریس",
        country="FR",
        time_zone="Europe/Paris",
        capacity=600,
        street_address="12 Rue Imaginaire, 75011 Paris (demo)",
        stream_url="https://stream.example.org/paris",
    )
    hub.coordinators.add(organizer)
    hub.checkin_officers.add(officer, context.shared["users"]["checkin"])
    venues = [hub]
    for position, (city_en, city_fa, country, zone, capacity) in enumerate(SATELLITES, start=1):
        venues.append(
            services.add_venue(
                actor=organizer,
                assembly=assembly,
                name_en=f"{city_en} Community Hall",
                name_fa=f"سالن همبستگی {city_fa}",
                city_en=city_en,
                city_fa=city_fa,
                country=country,
                time_zone=zone,
                capacity=capacity,
                street_address=f"{rng.randint(1, 250)} Demo Street, {city_en} (invented)",
                stream_url=f"https://stream.example.org/{city_en.lower().replace(' ', '-')}",
                position=position,
            )
        )
    context.progress("demo: assemblies programme")
    delegates = list(Delegate.objects.filter(is_accredited=True).order_by("id"))
    for day_offset, rows in ((0, SESSIONS), (1, DAY_TWO)):
        day = today + dt.timedelta(days=day_offset)
        for title_en, title_fa, hour, minutes, language, interpretation, everywhere in rows:
            start = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)
            screened = venues if everywhere else [hub, *rng.sample(venues[1:], 8)]
            services.add_session(
                actor=organizer,
                assembly=assembly,
                venues=screened,
                held_at=hub,
                speakers=rng.sample(delegates, min(3, len(delegates))),
                guest_speakers=rng.choice(GUESTS) if rng.random() < 0.4 else "",
                title_en=title_en,
                title_fa=title_fa,
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=minutes),
                language=language,
                interpretation=interpretation,
            )
    for index, (name_en, name_fa, kind, languages, url, frequency, channel) in enumerate(PARTNERS):
        partner = services.add_partner(
            actor=organizer,
            assembly=assembly,
            name_en=name_en,
            name_fa=name_fa,
            kind=kind,
            languages=languages,
            stream_url=url,
            frequency=frequency,
            channel=channel,
            how_to_follow_en=f"{name_en} relays every plenary session live.",
            how_to_follow_fa=f"{name_fa} همهٔ نشست‌های عمومی را زنده پخش می‌کند.",
        )
        if index < 7:  # one partner still waits for accreditation
            services.accredit_partner(actor=organizer, partner=partner)

    context.progress("demo: assemblies invitations")
    issued: list[tuple[Invitation, str]] = []
    for delegate in delegates:
        venue = hub if rng.random() < 0.45 else rng.choice(venues[1:])
        issued.append(services.issue_invitation(officer=officer, venue=venue, delegate=delegate))
    for number in range(max(12, 220 - len(issued))):
        guest = f"{rng.choice(GUESTS)} #{number + 1}"
        role = rng.choice(
            [Invitation.Role.GUEST, Invitation.Role.PRESS, Invitation.Role.OBSERVER, Invitation.Role.SPEAKER]
        )
        issued.append(services.issue_invitation(officer=officer, venue=rng.choice(venues), role=role, guest_name=guest))
    for invitation, _token in issued:
        draw = rng.random()
        if draw < 0.62:
            services.respond_to_invitation(invitation=invitation, accept=True)
        elif draw < 0.72:
            services.respond_to_invitation(invitation=invitation, accept=False)
        elif draw < 0.77:
            services.revoke_invitation(officer=officer, invitation=invitation, reason="demo")
    services.set_assembly_status(actor=organizer, assembly=assembly, status=Assembly.Status.LIVE)

    context.progress("demo: assemblies check-ins")
    _check_in(context, assembly, venues[:6], issued)
    opening = dt.datetime.combine(today, dt.time(8), tzinfo=dt.UTC)
    posts: list[tuple[int, str, str, str, Venue | None]] = [
        (0, "notice", "The assembly is open. Welcome to all venues.", "مجمع گشوده شد. به همهٔ محل‌ها خوش آمدید.", None),
        (5, "venue_joined", "Toronto has joined by stream.", "تورنتو از راه پخش زنده پیوست.", venues[19]),
        (6, "venue_joined", "Sydney has joined by stream.", "سیدنی از راه پخش زنده پیوست.", venues[28]),
        (70, "speaking", "Now speaking: the credentials committee.", "اکنون: کمیتهٔ اعتبارنامه‌ها.", hub),
        (
            120,
            "statement",
            "Statement of the teachers' unions read in Paris.",
            "بیانیهٔ سندیکاهای معلمان در پاریس خوانده شد.",
            hub,
        ),
    ]
    for minutes, kind, text_en, text_fa, place in posts:
        update = services.post_update(
            author=organizer, assembly=assembly, kind=kind, text_en=text_en, text_fa=text_fa, venue=place
        )
        update.posted_at = opening + dt.timedelta(minutes=minutes)
        update.save(update_fields=["posted_at"])
    context.shared["assembly"] = assembly
    counts = {
        state: Invitation.objects.filter(assembly=assembly, state=state).count() for state in Invitation.State.values
    }
    context.notes.append(
        f"assemblies: {assembly.slug} with {len(venues)} venues, {assembly.sessions.count()} sessions, "
        f"{len(PARTNERS)} partners, {len(issued)} invitations {counts}"
    )


def _check_in(
    context: DemoContext, assembly: Assembly, venues: list[Venue], issued: list[tuple[Invitation, str]]
) -> None:
    """Scan accepted invitations on offline door devices, then sync them (one token used twice)."""
    rng = context.rng
    officer = context.shared["users"]["checkin"]
    opening = int(dt.datetime.combine(assembly.starts_on, dt.time(7, 30), tzinfo=dt.UTC).timestamp())
    shared_token = ""
    accepted = set(
        Invitation.objects.filter(assembly=assembly, state=Invitation.State.ACCEPTED).values_list("pk", flat=True)
    )
    for venue in venues:
        manifest = services.build_manifest(venue=venue)
        devices = [checkin.Scanner(manifest, f"{venue.city_en.lower()}-door-{number}") for number in (1, 2)]
        mine = [token for invitation, token in issued if invitation.venue_id == venue.pk and invitation.pk in accepted]
        for offset, token in enumerate(mine[: max(1, int(len(mine) * 0.8))]):
            rng.choice(devices).scan_token(token, now=opening + offset * 20)
            shared_token = shared_token or token
        if venue.kind == Venue.Kind.SATELLITE and shared_token and venue is venues[1]:
            devices[0].scan_token(shared_token, now=opening + 900)  # refused: wrong venue
        for device in devices:
            services.sync_scans(officer=officer, venue=venue, scans=device.pending())
    # Two doors at the hub, both offline, admit the same person: one admission, one flagged duplicate.
    hub = venues[0]
    late = checkin.Scanner(
        checkin.Manifest(assembly.pk, hub.pk, services.build_manifest(venue=hub).keyring, frozenset(), {}, opening),
        "paris-door-3",
    )
    if shared_token:
        late.scan_token(shared_token, now=opening + 1800)
        services.sync_scans(officer=officer, venue=hub, scans=late.pending())
