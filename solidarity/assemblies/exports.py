"""iCalendar and Atom renderings of an assembly's programme and live updates.

Nothing here ever reads a venue's street address: exports name the venue and its city only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event

from solidarity.assemblies.models import Assembly, Session, Update, Venue
from solidarity.core.atom import AtomEntry, AtomFeed, AtomLink, atom_feed

PRODUCT_ID = "-//Solidarity//Assemblies//EN"


def _pick(language: str, english: str, persian: str) -> str:
    return persian if language == "fa" and persian else english


def programme_calendar(
    assembly: Assembly, sessions: Iterable[Session], *, language: str, venue: Venue | None = None
) -> bytes:
    """Return an iCalendar file with one event per session (times in UTC)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = _pick(language, assembly.name_en, assembly.name_fa)
    if venue is not None:
        name = f"{name} · {_pick(language, venue.city_en, venue.city_fa)}"
        calendar.add("x-wr-timezone", venue.time_zone)
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    for session in sessions:
        event = Event()
        event.add("uid", f"assembly-{assembly.pk}-session-{session.pk}@solidarity")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(dt.UTC))
        event.add("dtend", session.ends_at.astimezone(dt.UTC))
        event.add("summary", _pick(language, session.title_en, session.title_fa))
        description = _pick(language, session.description_en, session.description_fa)
        speakers = [speaker.display_name for speaker in session.speakers.all()]
        if session.guest_speakers:
            speakers.append(session.guest_speakers)
        lines = [description] if description else []
        if speakers:
            lines.append(("سخنرانان: " if language == "fa" else "Speakers: ") + ", ".join(speakers))
        lines.append(("زبان: " if language == "fa" else "Language: ") + session.language)
        if session.held_at is not None:
            held_in = _pick(language, session.held_at.city_en, session.held_at.city_fa)
            lines.append(("محل برگزاری: " if language == "fa" else "Held in: ") + held_in)
            if venue is not None and venue.pk != session.held_at_id:
                lines.append("پخش زنده در این محل" if language == "fa" else "Screened at this venue")
        if session.interpretation:
            lines.append(("ترجمه: " if language == "fa" else "Interpretation: ") + session.interpretation)
        event.add("description", "\n".join(lines))
        places = [venue] if venue is not None else list(session.venues.all())
        event.add(
            "location",
            "; ".join(
                f"{_pick(language, place.name_en, place.name_fa)}, {_pick(language, place.city_en, place.city_fa)}"
                for place in places
            ),
        )
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def updates_feed(
    assembly: Assembly, updates: Iterable[Update], *, language: str, page_path: str, feed_path: str
) -> bytes:
    """Return an Atom feed of live updates, newest first (relative links only)."""
    base = f"tag:solidarity,2026:assemblies/{assembly.slug}"
    entries = [
        AtomEntry(
            id=f"{base}/update/{update.pk}",
            title=f"{update.get_kind_display()}",
            updated=update.posted_at,
            published=update.posted_at,
            content=_pick(language, update.text_en, update.text_fa),
            links=(AtomLink(f"{page_path}#update-{update.pk}"),),
        )
        for update in updates
    ]
    newest = max((entry.updated for entry in entries), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    feed = AtomFeed(
        id=f"{base}/live",
        title=_pick(language, assembly.name_en, assembly.name_fa),
        subtitle="Live updates" if language != "fa" else "گزارش زنده",
        updated=newest,
        language=language,
        links=(AtomLink(page_path, "alternate"), AtomLink(feed_path, "self")),
    )
    return atom_feed(feed, entries)
