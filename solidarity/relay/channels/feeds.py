"""Atom (the kernel's writer) and JSON Feed 1.1 per language, byte-for-byte deterministic (no Django)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from solidarity.core.atom import AtomEntry, AtomFeed, atom_feed
from solidarity.relay.channels import OutgoingMessage, words

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entries(messages: Sequence[OutgoingMessage], language: str) -> list[tuple[OutgoingMessage, str, bool]]:
    rows = []
    for message in messages:
        found = message.text_in(language)
        if found is not None:
            text, _, is_machine = found
            rows.append((message, text, is_machine))
    return rows


def _title(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 80 else first[:79].rstrip() + "\u2026"


def atom(
    messages: Sequence[OutgoingMessage],
    *,
    language: str,
    title: str,
    feed_id: str,
    updated: datetime,
    key_words: Sequence[str] = (),
) -> bytes:
    """Return an Atom feed of the messages readable in `language` (originals and translations)."""
    entries = [
        AtomEntry(
            id=f"{feed_id}:{message.id}",
            title=_title(text),
            updated=message.published_at,
            author=message.display_name or "-",
            content=text,
            categories=tuple(_labels(message, language, is_machine)),
        )
        for message, text, is_machine in _entries(messages, language)
    ]
    feed = AtomFeed(
        id=feed_id,
        title=title,
        updated=updated,
        language=language,
        author="Solidarity Relay",
        subtitle=words.caption(key_words, language),
    )
    return atom_feed(feed, entries)


def _labels(message: OutgoingMessage, language: str, is_machine: bool) -> list[str]:
    labels = [f"lang:{message.language}"]
    if message.language != language:
        labels.append("machine-translation" if is_machine else "translation")
    if message.country:
        labels.append(f"country:{message.country}")
    if message.senders > 1:
        labels.append(f"senders:{message.senders}")
    return labels


def json_feed(
    messages: Sequence[OutgoingMessage], *, language: str, title: str, feed_id: str, key_words: Sequence[str] = ()
) -> bytes:
    """Return a JSON Feed 1.1 document (sorted keys, so the bytes are reproducible)."""
    items = []
    for message, text, is_machine in _entries(messages, language):
        items.append(
            {
                "id": f"{feed_id}:{message.id}",
                "content_text": text,
                "date_published": _iso(message.published_at),
                "language": language,
                "authors": [{"name": message.display_name or "-"}],
                "tags": _labels(message, language, is_machine),
                "_solidarity": {
                    "original_language": message.language,
                    "is_translation": message.language != language,
                    "is_machine_translation": is_machine,
                    "country": message.country,
                    "city": message.city,
                    "senders": message.senders,
                },
            }
        )
    document: dict[str, object] = {"version": JSON_FEED_VERSION, "title": title, "language": language}
    if key_words:
        document["description"] = words.caption(key_words, language)
    document["items"] = items
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()
