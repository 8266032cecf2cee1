"""Bad input: compression bombs are refused by caps on decompressed bytes while streaming, one
document's extraction has a time budget, and no CSV the monitor writes hands a spreadsheet a formula.

Every bomb is built here (gzip of zeros, a WARC record with a large payload written by warcio); each
refusal must come within a bounded time and memory, and the file's other records must survive.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.core.management import call_command
from django.test import Client
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from solidarity.core import jobs
from solidarity.monitor import services, tasks
from solidarity.monitor.models import Document, Event
from solidarity.monitor.pipeline import budget
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.records import DocumentInput
from solidarity.monitor.sources.readers import Limits, RawDocument, ReadError, read_path
from tests.monitor.conftest import AHVAZ_EN, raw

T = TypeVar("T")
MIB = 1024 * 1024

PAGE = (
    "<html><head><title>{title}</title></head><body><article><p>"
    + "Teachers gathered outside the education office in {town} on Monday to protest unpaid wages, "
    "witnesses said. " * 3 + "</p></article></body></html>"
)


def _page(town: str) -> bytes:
    return PAGE.format(title=f"Teachers rally in {town}", town=town).encode()


def _bomb_html(size: int) -> Iterator[bytes]:
    """An HTML page of `size` bytes, in 1 MiB pieces (never held whole)."""
    yield b"<html><body>"
    piece = b"<p>Protest in Tehran.</p>" * (MIB // 25)
    for _ in range(size // len(piece)):
        yield piece
    yield b"</body></html>"


class _Chunks(io.RawIOBase):
    """A stream over pieces, so warcio writes a huge payload without it ever being in memory."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        super().__init__()
        self._pieces, self._rest = pieces, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            self._rest = next(self._pieces, b"")
            if not self._rest:
                return 0
        size = min(len(buffer), len(self._rest))
        buffer[:size], self._rest = self._rest[:size], self._rest[size:]
        return size


def _response(
    writer: WARCWriter, url: str, payload: io.RawIOBase | io.BytesIO, kind: str = "text/html", **headers: str
) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", kind), *headers.items()], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=payload, http_headers=http)
    writer.write_record(record)
    record.raw_stream.close()  # warcio spools a payload of unknown length to a temporary file


def _gzip_stream(pieces: Iterator[bytes]) -> bytes:
    """Gzip what the pieces hold, compressing as they come (the compressed bytes are small)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as handle:
        for piece in pieces:
            handle.write(piece)
    return out.getvalue()


def _measured(run: Callable[[], T]) -> tuple[T, float, int]:
    """Run, returning the result, the CPU seconds and the peak of Python allocations in bytes."""
    tracemalloc.start()
    started = time.process_time()
    try:
        result = run()
        return result, time.process_time() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture
def warc_bomb(tmp_path: Path) -> Path:
    """A small .warc.gz (tens of KB) with a good page, one 21 MiB HTML record, and another good page."""
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _response(writer, "https://example.org/shiraz", io.BytesIO(_page("Shiraz")))
        _response(writer, "https://example.org/bomb", _Chunks(_bomb_html(21 * MIB)))
        _response(writer, "https://example.org/tabriz", io.BytesIO(_page("Tabriz")))
    return path


def test_a_warc_bomb_is_refused_quickly_and_its_other_records_survive(warc_bomb: Path) -> None:
    assert warc_bomb.stat().st_size < 200_000  # the bomb is small on disk
    list(read_path(warc_bomb, Limits()))  # warm up: trafilatura's import is slow and allocates
    items, seconds, peak = _measured(lambda: list(read_path(warc_bomb, Limits())))
    documents = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.origin for d in documents] == ["crawl.warc.gz#1", "crawl.warc.gz#3"]
    assert "Shiraz" in documents[0].text and "Tabriz" in documents[1].text
    assert len(errors) == 1
    assert errors[0].origin == "crawl.warc.gz#2"  # the refusal names the record...
    assert "4.0 MiB" in errors[0].reason and "SOLIDARITY_MONITOR_MAX_RECORD_BYTES" in errors[0].reason  # ...and the cap
    assert seconds < 10  # before the caps: 109 s of CPU for a file like this one
    assert peak < 40 * MIB  # before: 918 MB


def test_a_record_inflated_by_its_own_content_encoding_is_capped_as_it_is_read(tmp_path: Path) -> None:
    # Declared small in the WARC header, but its gzip Content-Encoding inflates 30 MiB of zeros.
    bomb = _gzip_stream(iter([b"\0" * MIB] * 30))
    assert len(bomb) < 100_000
    path = tmp_path / "encoded.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _response(writer, "https://example.org/bomb", io.BytesIO(bomb), **{"Content-Encoding": "gzip"})
        _response(writer, "https://example.org/ok", io.BytesIO(_page("Shiraz")))
    items, seconds, peak = _measured(lambda: list(read_path(path, Limits(record_bytes=2 * MIB))))
    assert isinstance(items[0], ReadError) and items[0].origin == "encoded.warc#1"
    assert "2.0 MiB" in items[0].reason
    assert isinstance(items[1], RawDocument) and "Shiraz" in items[1].text
    assert seconds < 10
    assert peak < 40 * MIB


def test_a_gzip_bomb_is_refused_while_streaming(tmp_path: Path) -> None:
    # 200 MiB of zeros: about 200 KB gzipped; read whole, it would need 200 MiB.
    path = tmp_path / "page.html.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    with path.open("wb") as handle:
        zeros = b"\0" * MIB
        for _ in range(200):
            handle.write(compressor.compress(zeros))
        handle.write(compressor.flush())
    assert path.stat().st_size < 400_000
    items, seconds, peak = _measured(lambda: list(read_path(path, Limits())))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].origin == "page.html.gz"
    assert "4.0 MiB" in items[0].reason and "per record" in items[0].reason
    assert seconds < 5
    assert peak < 20 * MIB  # never more than about one record's cap in memory


def test_a_file_over_the_per_file_cap_keeps_the_records_read_before_it(tmp_path: Path) -> None:
    path = tmp_path / "many.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _response(writer, "https://example.org/first", io.BytesIO(_page("Shiraz")))
        for number in range(6):  # not pages (skipped unparsed), yet inflated and counted: over the file cap
            _response(writer, f"https://example.org/{number}", _Chunks(_bomb_html(MIB)), "application/octet-stream")
        _response(writer, "https://example.org/last", io.BytesIO(_page("Tabriz")))
    items = list(read_path(path, Limits(file_bytes=3 * MIB, record_bytes=2 * MIB)))
    assert isinstance(items[0], RawDocument) and "Shiraz" in items[0].text
    assert isinstance(items[-1], ReadError)
    assert items[-1].origin == "many.warc.gz"
    assert "3.0 MiB" in items[-1].reason and "per file" in items[-1].reason
    assert "SOLIDARITY_MONITOR_MAX_FILE_BYTES" in items[-1].reason


def test_gzipped_pages_feeds_and_texts_are_read_through_the_same_caps(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(_page("Shiraz")))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"Title: Strike\n\nBazaar merchants struck in Tabriz."))
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(_page("Yazd"))[:-30])  # truncated
    items = {i.origin: i for i in read_path(tmp_path, Limits())}
    assert isinstance(items["page.html.gz"], RawDocument) and "Shiraz" in items["page.html.gz"].text
    note = items["note.txt.gz"]
    assert isinstance(note, RawDocument) and note.title == "Strike"
    assert isinstance(items["broken.html.gz"], ReadError) and "cannot open" in items["broken.html.gz"].reason


def test_an_html_file_over_the_record_cap_is_refused_without_being_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"".join(_bomb_html(3 * MIB)))
    items, seconds, _peak = _measured(lambda: list(read_path(path, Limits(record_bytes=MIB))))
    assert len(items) == 1 and isinstance(items[0], ReadError) and "1.0 MiB" in items[0].reason
    assert seconds < 2


def test_the_reading_limits_come_from_the_settings(settings: Any) -> None:  # pytest-django settings
    assert services.reading_limits() == Limits()  # the settings' defaults are the readers' defaults
    settings.MONITOR_MAX_FILE_BYTES, settings.MONITOR_MAX_RECORD_BYTES = 10 * MIB, MIB
    assert services.reading_limits() == Limits(file_bytes=10 * MIB, record_bytes=MIB)


# --- the time budget of one document's extraction ---------------------------------------------

LONG_REPORT = " ".join(
    f"On day {n} hundreds of workers gathered in Ahvaz and in Shiraz to protest unpaid wages." for n in range(1500)
)


def test_extraction_stops_at_its_budget_in_a_worker_thread() -> None:
    """No signal is used, so the budget holds in any thread (the job worker is one)."""
    import threading

    outcome: dict[str, object] = {}

    def work() -> None:
        started = time.thread_time()
        try:
            with budget.limit(0.2):
                extract(DocumentInput(text=LONG_REPORT, language="en"))
        except budget.OverBudget as error:
            outcome["error"] = error
        outcome["seconds"] = time.thread_time() - started

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert isinstance(outcome["error"], budget.OverBudget)
    assert float(str(outcome["seconds"])) < 2  # stopped near its 0.2 s, not after the whole text
    budget.check()  # outside a budget, checking does nothing


def test_without_a_budget_extraction_is_unchanged() -> None:
    text = "Hundreds of workers gathered in Ahvaz on Sunday to protest unpaid wages."
    with budget.limit(60):
        within = extract(DocumentInput(text=text, language="en"))
    assert within == extract(DocumentInput(text=text, language="en"))


@pytest.mark.django_db
def test_a_document_over_its_budget_or_length_is_refused_and_nothing_of_it_stored(settings: Any) -> None:
    settings.MONITOR_EXTRACT_SECONDS = 0
    with pytest.raises(services.DocumentRefused, match="SOLIDARITY_MONITOR_EXTRACT_SECONDS") as refused:
        services.ingest_document(raw=raw(LONG_REPORT, origin="long.txt"))
    assert refused.value.origin == "long.txt"
    settings.MONITOR_EXTRACT_SECONDS, settings.MONITOR_MAX_TEXT_CHARS = 20, 10_000
    with pytest.raises(services.DocumentRefused, match="over the cap of 10,000 characters"):
        services.ingest_document(raw=raw(LONG_REPORT, origin="long.txt"))
    assert Document.objects.count() == 0
    assert services.ingest_document(raw=raw(AHVAZ_EN)).created  # the next document goes on


@pytest.mark.django_db
def test_the_command_reports_each_refusal_and_stores_the_rest(warc_bomb: Path, settings: Any) -> None:
    (warc_bomb.parent / "long.txt").write_text(LONG_REPORT, encoding="utf-8")
    settings.MONITOR_MAX_TEXT_CHARS = 50_000
    out, err = io.StringIO(), io.StringIO()
    call_command("monitor", "ingest", str(warc_bomb.parent), stdout=out, stderr=err)
    assert "2 documents stored" in out.getvalue() and "2 unreadable" in out.getvalue()
    assert "skipped crawl.warc.gz#2: refused: over the cap of 4.0 MiB" in err.getvalue()
    assert "skipped long.txt: refused: main text of" in err.getvalue()
    assert set(Event.objects.values_list("city", flat=True)) == {"Shiraz", "Tabriz"}


@pytest.mark.django_db
def test_a_queued_bomb_frees_the_job_thread_quickly(
    warc_bomb: Path, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.JOBS_BACKEND = "embedded"  # the queue the serving process's worker thread runs
    jobs.enqueue(tasks.ingest_file, path=str(warc_bomb))
    started = time.process_time()
    with caplog.at_level(logging.INFO, logger="solidarity.monitor.tasks"):
        assert jobs.run_pending() == 1
    assert time.process_time() - started < 15  # before the caps: minutes, holding the only worker
    assert Document.objects.count() == 2
    assert "skipped crawl.warc.gz#2: refused" in caplog.text
    assert "2 stored, 1 unreadable or refused" in caplog.text


# --- formula injection in every CSV the monitor writes ----------------------------------------

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.fixture
def hostile_event(db: None) -> Event:
    source = services.register_source(name=HOSTILE[0])
    services.ingest_document(raw=raw(AHVAZ_EN, origin="ahvaz.txt"), source=source)
    event = Event.objects.get()
    event.crowd_text = HOSTILE[3]
    event.save()
    return event


def _assert_safe(rows: list[dict[str, str]]) -> None:
    assert rows
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[0]["source"] == "'" + HOSTILE[0]
    assert rows[0]["size_text"] == "'" + HOSTILE[3]
    assert float(rows[0]["latitude"]) > 0  # numbers stay numbers


def test_the_public_csv_export_neutralises_formulas(client: Client, hostile_event: Event) -> None:
    response = client.get("/monitor/events.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[attr-defined]  # streaming response
    _assert_safe(rows)
    assert client.get("/monitor/events.json").json()[0]["source"] == HOSTILE[0]  # JSON is data, left as is


def test_the_command_export_neutralises_formulas(tmp_path: Path, hostile_event: Event) -> None:
    out = io.StringIO()
    call_command("monitor", "export", "--format", "csv", stdout=out)
    _assert_safe(list(csv.DictReader(io.StringIO(out.getvalue()))))
    target = tmp_path / "events.csv"
    message = io.StringIO()
    call_command("monitor", "export", "--output", str(target), stdout=message)
    assert "1 events written" in message.getvalue()
    _assert_safe(list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))))
