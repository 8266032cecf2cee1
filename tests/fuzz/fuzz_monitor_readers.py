"""atheris harness for the monitor's readers and extractor (SR-22): arbitrary bytes as HTML, feed,
WARC or text give RawDocuments or ReadErrors, and the extractor returns records, never a crash.

Run for a bounded time:  .venv/bin/python tests/fuzz/fuzz_monitor_readers.py -max_total_time=60
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere in the tree

with atheris.instrument_imports():
    from solidarity.monitor.pipeline.extract import extract
    from solidarity.monitor.pipeline.records import DocumentInput, Extraction
    from solidarity.monitor.sources import readers


def test_one_input(data: bytes) -> None:
    """Feed the bytes to every reader, then the extractor on what they read."""
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, 3)
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    items: list[readers.RawDocument | readers.ReadError]
    if choice == 0:
        items = [readers.read_html(payload.decode("utf-8", errors="replace"), "fuzz.html")]
    elif choice == 1:
        items = list(readers.read_feed(payload, "fuzz.rss"))
    elif choice == 2:
        items = list(readers.read_warc(io.BytesIO(payload), "fuzz.warc"))
    else:
        items = [readers.read_text(payload.decode("utf-8", errors="replace"), "fuzz.txt")]
    for item in items:
        assert isinstance(item, readers.RawDocument | readers.ReadError)
        if isinstance(item, readers.RawDocument):
            result = extract(DocumentInput(text=item.text, title=item.title, published=datetime.date(2024, 11, 5)))
            assert isinstance(result, Extraction)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
