"""Read HTML, text, RSS/Atom and WARC files into RawDocuments; a bad file yields a ReadError.

No reader fetches anything (SR-18): trafilatura gets the HTML as a string, feedparser gets bytes,
and URLs found in documents are kept as text only.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
WARC_SUFFIXES = {".warc", ".gz"}


@dataclass(frozen=True)
class RawDocument:
    """A document's main text and metadata, as read from a file."""

    text: str
    title: str
    published: datetime.date | None
    url: str
    origin: str
    site: str = ""

    @property
    def content_hash(self) -> str:
        """Return the SHA-256 of the main text: the same text ingested twice is stored once."""
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()


@dataclass(frozen=True)
class ReadError:
    """A file (or a record in it) that could not be read, and why."""

    origin: str
    reason: str


def _date(value: object) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def read_html(html: str, origin: str, url: str = "") -> RawDocument | ReadError:
    """Extract the main text, title and date of an HTML page with trafilatura (no fetching)."""
    import trafilatura  # the import is slow; only HTML inputs pay for it

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, url=None)
    except Exception as error:
        return ReadError(origin, f"HTML could not be parsed ({type(error).__name__})")
    if result is None:
        return ReadError(origin, "no main text found")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        return ReadError(origin, "no main text found")
    return RawDocument(
        text=text,
        title=(data.get("title") or "").strip(),
        published=_date(data.get("date")),
        url=url or (data.get("url") or ""),
        origin=origin,
        site=(data.get("sitename") or "").strip(),
    )


def read_text(raw: str, origin: str) -> RawDocument | ReadError:
    """Read a plain-text report: an optional first line "Title:", "Date:" or "Source:" header block."""
    title, published, site = "", None, ""
    lines = raw.splitlines()
    body_start = 0
    for index, line in enumerate(lines[:6]):
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key == "title":
            title = value.strip()
        elif key == "date":
            published = _date(value.strip())
        elif key == "source":
            site = value.strip()
        elif not line.strip():
            body_start = index + 1
            break
        else:
            break
        body_start = index + 1
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        return ReadError(origin, "empty text")
    return RawDocument(text=text, title=title, published=published, url="", origin=origin, site=site)


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | ReadError]:
    """Read each entry of an RSS or Atom feed (the bytes are parsed, no link is followed)."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if parsed.bozo and not parsed.entries:
        yield ReadError(origin, f"not a readable feed ({type(parsed.bozo_exception).__name__})")
        return
    site = str(parsed.feed.get("title", ""))
    for number, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        text = _strip_tags(str(html))
        if not text:
            yield ReadError(f"{origin}#{number}", "feed entry without text")
            continue
        yield RawDocument(
            text=text,
            title=str(entry.get("title", "")),
            published=published,
            url=str(entry.get("link", "")),
            origin=f"{origin}#{number}",
            site=site,
        )


def _strip_tags(html: str) -> str:
    from html.parser import HTMLParser

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in {"p", "br", "div", "li"}:
                self.parts.append("\n")

    collector = Collector()
    collector.feed(html)
    collector.close()
    return "\n".join(" ".join(line.split()) for line in "".join(collector.parts).splitlines() if line.strip())


def read_warc(stream: io.BufferedIOBase, origin: str) -> Iterator[RawDocument | ReadError]:
    """Read each HTML response record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (content_type or ""):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            payload = record.content_stream().read(MAX_FILE_BYTES)
            yield read_html(payload.decode("utf-8", errors="replace"), f"{origin}#{number}", url=url)
    except Exception as error:
        yield ReadError(origin, f"damaged WARC ({type(error).__name__})")


def read_path(path: Path) -> Iterator[RawDocument | ReadError]:
    """Read one file by its suffix (folders: every file inside, sorted)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_path(child)
        return
    origin = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield ReadError(origin, "file too large")
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(origin, f"cannot open ({error.strerror or type(error).__name__})")
        return
    suffixes = {s.lower() for s in path.suffixes}
    if suffixes & WARC_SUFFIXES and ".warc" in suffixes:
        yield from read_warc(io.BytesIO(data), origin)
    elif suffixes & FEED_SUFFIXES:
        yield from read_feed(data, origin)
    elif suffixes & HTML_SUFFIXES:
        yield read_html(_decode(data), origin)
    elif suffixes & TEXT_SUFFIXES:
        yield read_text(_decode(data), origin)
    else:
        yield ReadError(origin, f"unsupported file type {path.suffix or '(none)'}")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")
