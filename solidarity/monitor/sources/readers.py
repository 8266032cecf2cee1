"""Read HTML, text, RSS/Atom and WARC files into RawDocuments; a bad file yields a ReadError.

No reader fetches anything (SR-18): trafilatura gets the HTML as a string, feedparser gets bytes,
and URLs found in documents are kept as text only.

Nothing is decompressed and then measured: gzip (a `.warc.gz`, an `.html.gz`, any file that starts
with gzip's magic bytes) is inflated as a stream through a counter that stops at `Limits.file_bytes`
for the whole file, and each document (a WARC record's payload, after its own content encoding; an
HTML, text or feed file) is read up to `Limits.record_bytes` and refused past it. A refused record
is one ReadError naming the record and the cap; the file's other records are still read.
"""

from __future__ import annotations

import datetime
import email.utils
import gzip
import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

MIB = 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}


@dataclass(frozen=True)
class Limits:
    """How much one file may hold once decompressed (settings `SOLIDARITY_MONITOR_MAX_*_BYTES`)."""

    file_bytes: int = 128 * MIB  # a whole file, decompressed (and its size on disk)
    record_bytes: int = 4 * MIB  # one document: a WARC record's payload, an HTML, text or feed file

    def __post_init__(self) -> None:
        if self.file_bytes < 1 or self.record_bytes < 1:
            raise ValueError("reading limits must be positive")


FILE_CAP = ("file", "SOLIDARITY_MONITOR_MAX_FILE_BYTES")
RECORD_CAP = ("record", "SOLIDARITY_MONITOR_MAX_RECORD_BYTES")


class Readable(Protocol):
    """Anything with a binary `read(size)`: a file, a GzipFile, warcio's payload streams."""

    def read(self, size: int = -1, /) -> bytes: ...


class TooLarge(Exception):
    """Raised by a capped stream when more than its cap of decompressed bytes is asked of it."""

    def __init__(self, cap: int, unit: tuple[str, str]) -> None:
        self.cap, self.unit = cap, unit
        super().__init__(self.reason)

    @property
    def reason(self) -> str:
        """Why the file or record was refused, naming the cap and the setting that sets it."""
        size = f"{self.cap / MIB:.1f} MiB" if self.cap >= MIB else f"{self.cap} bytes"
        what, setting = self.unit
        return f"refused: over the cap of {size} of decompressed bytes per {what} ({setting})"


class CappedReader(io.RawIOBase):
    """A read-only stream that counts what it hands out and raises TooLarge past `cap` bytes.

    It never asks the stream under it for more than one byte past the cap, so a gzip stream under
    it inflates no more than that (gzip decompresses only as much as each read asks for).
    """

    def __init__(self, stream: Readable, cap: int, unit: tuple[str, str] = FILE_CAP) -> None:
        super().__init__()
        self._stream, self.cap, self.unit, self.count = stream, cap, unit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        room = self.cap + 1 - self.count
        if room <= 0:
            raise TooLarge(self.cap, self.unit)
        view = memoryview(buffer).cast("B")
        data = self._stream.read(min(len(view), room))
        self.count += len(data)
        if self.count > self.cap:
            raise TooLarge(self.cap, self.unit)
        view[: len(data)] = data
        return len(data)


def read_capped(stream: Readable, cap: int, unit: tuple[str, str] = RECORD_CAP) -> bytes:
    """Read a stream to its end, raising TooLarge as soon as it passes `cap` bytes."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(64 * 1024, cap + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > cap:
            raise TooLarge(cap, unit)
        chunks.append(chunk)


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


def _header_date(value: str | None) -> datetime.date | None:
    """Read an HTTP or WARC header date ("Tue, 05 Nov 2024 08:00:00 GMT", "2024-11-05T08:00:00Z")."""
    if not value:
        return None
    found = _date(value.strip())
    if found is not None:
        return found
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def read_html(
    html: str, origin: str, url: str = "", fallback_date: datetime.date | None = None
) -> RawDocument | ReadError:
    """Extract the main text, title and date of an HTML page with trafilatura (no fetching).

    The publication date comes from the page's metadata (`article:published_time` and the other
    meta tags, JSON-LD `datePublished`, the URL), else from `fallback_date` (what the archive's
    headers say), never from a date or a clock line found in the page's body text: a page's own
    clock shows the day it was read, not the day it was published.
    """
    import trafilatura  # the import is slow; only HTML inputs pay for it

    # extensive_search off: htmldate then reads metadata only, not dates in the body text
    dating = {"original_date": True, "extensive_search": False, "max_date": datetime.date.today().isoformat()}
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, url=None, date_extraction_params=dating
        )
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
        published=_date(data.get("date")) or fallback_date,
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


def read_warc(stream: Readable, origin: str, limits: Limits | None = None) -> Iterator[RawDocument | ReadError]:
    """Read each HTML response record of a WARC file (uncompressed: `read_path` inflates a .warc.gz).

    A record whose declared or decoded length passes `limits.record_bytes` is refused on its own;
    a stream that passes `limits.file_bytes` ends the file with one error.
    """
    from warcio.archiveiterator import ArchiveIterator

    limits = limits or Limits()
    capped = stream if isinstance(stream, CappedReader) else CappedReader(stream, limits.file_bytes)
    try:
        for number, record in enumerate(ArchiveIterator(capped), start=1):
            if record.rec_type != "response":
                continue
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if "html" not in (content_type or ""):
                continue
            where = f"{origin}#{number}"
            if (record.length or 0) > limits.record_bytes:  # as declared: refused before a byte is read
                yield ReadError(where, TooLarge(limits.record_bytes, RECORD_CAP).reason)
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            try:  # a content encoding (gzip, deflate) inflates the payload again: capped as it is read
                payload = read_capped(_payload_stream(record), limits.record_bytes)
            except TooLarge as error:
                yield ReadError(where, error.reason)
                continue
            except zlib.error:
                yield ReadError(where, "damaged content encoding")
                continue
            # the server's Last-Modified, else the day the page was captured: a page is never
            # published after either (both come before anything the page's body says)
            captured = _header_date(record.http_headers.get_header("Last-Modified")) or _header_date(
                record.rec_headers.get_header("WARC-Date")
            )
            yield read_html(payload.decode("utf-8", errors="replace"), where, url=url, fallback_date=captured)
    except TooLarge as error:
        yield ReadError(origin, error.reason)
    except Exception as error:
        yield ReadError(origin, f"damaged WARC ({type(error).__name__})")


def _payload_stream(record: Any) -> Readable:
    """Return a record's HTTP body with its transfer and content encodings undone, inflated as read.

    warcio's own `content_stream()` inflates each block it reads whole (a 16 KiB block of a bomb is
    16 MiB); `Inflating` never hands out more than each read asks for. The raw body under it is
    bounded by the record's declared length, already checked against the per-record cap.
    """
    from warcio.bufferedreaders import ChunkedDataReader

    body: Readable = record.raw_stream
    if (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked":
        body = ChunkedDataReader(record.raw_stream, decomp_type=None)
    encoding = (record.http_headers.get_header("Content-Encoding") or "").strip().lower()
    return Inflating(body) if encoding in {"gzip", "x-gzip", "deflate"} else body


class Inflating:
    """A gzip, zlib or raw-deflate stream inflated only as far as each read asks (`max_length`)."""

    CHUNK = 64 * 1024

    def __init__(self, stream: Readable) -> None:
        self._stream = stream
        self._zlib = zlib.decompressobj(47)  # a gzip or a zlib header, told apart by the first bytes
        self._started = False

    def read(self, size: int = -1, /) -> bytes:
        limit = size if size > 0 else self.CHUNK
        while not self._zlib.eof:
            data = self._zlib.unconsumed_tail or self._stream.read(self.CHUNK)
            if not data:
                return b""
            try:
                out = self._zlib.decompress(data, limit)
            except zlib.error:
                if self._started:
                    raise
                self._zlib = zlib.decompressobj(-15)  # "deflate" sent as raw deflate, as some servers do
                out = self._zlib.decompress(data, limit)
            self._started = True
            if out:
                return out
        return b""


GZIP_MAGIC = b"\x1f\x8b"


def read_path(path: Path, limits: Limits | None = None) -> Iterator[RawDocument | ReadError]:
    """Read one file by its suffix (folders: every file inside, sorted); gzip is inflated as a stream."""
    limits = limits or Limits()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_path(child, limits)
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            yield from read_file(handle, path.name, size, limits)
    except OSError as error:  # an unreadable file
        yield ReadError(path.name, f"cannot open ({getattr(error, 'strerror', None) or type(error).__name__})")


class Seekable(Readable, Protocol):
    """An open binary file: one on disk, or an upload (Django's UploadedFile)."""

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


def read_file(
    handle: Seekable, name: str, size: int, limits: Limits | None = None
) -> Iterator[RawDocument | ReadError]:
    """Read an open file named `name` (its suffix gives its type) under the caps: a file on disk or an upload.

    The command line and the analysts' upload page read through here alike.
    """
    limits = limits or Limits()
    origin = Path(name).name
    suffixes = [s.lower() for s in Path(origin).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    if size > limits.file_bytes:
        yield ReadError(origin, TooLarge(limits.file_bytes, FILE_CAP).reason)
        return
    try:
        compressed = handle.read(2) == GZIP_MAGIC
        handle.seek(0)
        raw: Readable = gzip.GzipFile(fileobj=handle, mode="rb") if compressed else handle
        with CappedReader(raw, limits.file_bytes) as stream:
            yield from _read_stream(stream, suffixes, origin, limits)
    except TooLarge as error:
        yield ReadError(origin, error.reason)
    except (OSError, EOFError, zlib.error) as error:  # a damaged or truncated gzip stream
        yield ReadError(origin, f"cannot open ({getattr(error, 'strerror', None) or type(error).__name__})")


def _read_stream(
    stream: CappedReader, suffixes: list[str], origin: str, limits: Limits
) -> Iterator[RawDocument | ReadError]:
    kinds = set(suffixes)
    if ".warc" in kinds:
        yield from read_warc(stream, origin, limits)
        return
    if not kinds & (FEED_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES):
        yield ReadError(origin, f"unsupported file type {suffixes[-1] if suffixes else '(none)'}")
        return
    try:  # an HTML, text or feed file is one record
        data = read_capped(stream, limits.record_bytes)
    except TooLarge as error:
        yield ReadError(origin, error.reason)
        return
    if kinds & FEED_SUFFIXES:
        yield from read_feed(data, origin)
    elif kinds & HTML_SUFFIXES:
        yield read_html(_decode(data), origin)
    else:
        yield read_text(_decode(data), origin)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256", errors="replace")
