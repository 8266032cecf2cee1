"""Write an Atom feed (RFC 4287) with feedgen: the one Atom writer (pure Python, no Django).

The assemblies' live updates and the relay's per-language feeds (inside the signed daily bundle,
SR-17) both write through `atom_feed`. The bytes depend only on what is passed in: no clock is
read (every `updated` is given), no generator line names a library version, entries keep the
order given, and lxml serializes attributes and namespaces the same way every time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class AtomLink:
    href: str
    rel: str = "alternate"


@dataclass(frozen=True)
class AtomEntry:
    """One entry; its content is plain text (`type="text"`): nothing in it is markup."""

    id: str
    title: str
    updated: datetime
    content: str
    published: datetime | None = None
    author: str = ""
    links: tuple[AtomLink, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class AtomFeed:
    id: str
    title: str
    updated: datetime
    language: str  # written as the feed's xml:lang
    subtitle: str = ""
    author: str = ""
    links: tuple[AtomLink, ...] = ()


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def atom_feed(feed: AtomFeed, entries: Sequence[AtomEntry]) -> bytes:
    """Return the Atom document of a feed and its entries, in the order given (UTF-8, indented)."""
    generator = FeedGenerator()
    generator.generator("")  # no <generator>: the bytes must not change with feedgen's version
    generator.id(feed.id)
    generator.title(feed.title)
    generator.updated(_utc(feed.updated))
    generator.language(feed.language)
    if feed.subtitle:
        generator.subtitle(feed.subtitle)
    if feed.author:
        generator.author({"name": feed.author})
    for link in feed.links:
        generator.link(href=link.href, rel=link.rel)
    for item in entries:
        entry = generator.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title or "\u2026")  # Atom requires a title; an empty first line shows as an ellipsis
        entry.updated(_utc(item.updated))
        if item.published is not None:
            entry.published(_utc(item.published))
        if item.author:
            entry.author({"name": item.author})
        entry.content(item.content, type="text")
        for link in item.links:
            entry.link(href=link.href, rel=link.rel)
        for term in item.categories:
            entry.category(term=term)
    document: bytes = generator.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return document
