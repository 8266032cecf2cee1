"""Golden tests of the input adapters: each captured sample beside its expected JSON; no network."""

from __future__ import annotations

import dataclasses
import json
import socket
from pathlib import Path

import pytest

from solidarity.monitor.sources.readers import RawDocument, ReadError, read_html, read_path, read_text

DATA = Path(__file__).parent / "data"
INPUTS = DATA / "inputs"


def _as_json(item: RawDocument | ReadError) -> dict[str, object]:
    data: dict[str, object] = dataclasses.asdict(item)
    data["kind"] = type(item).__name__
    if isinstance(item, RawDocument) and item.published:
        data["published"] = item.published.isoformat()
    return data


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail on any socket connection (SR-18): readers must never fetch what a document names."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError(f"network use: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize("name", sorted(p.name for p in INPUTS.iterdir()))
def test_reader_matches_golden(name: str, no_network: list[object]) -> None:
    expected = json.loads((DATA / "expected_readers.json").read_text(encoding="utf-8"))[name]
    assert [_as_json(item) for item in read_path(INPUTS / name)] == expected
    assert no_network == []


def test_html_boilerplate_is_removed_and_urls_are_not_fetched(no_network: list[object]) -> None:
    document = read_html((INPUTS / "shiraz.html").read_text(encoding="utf-8"), "shiraz.html")
    assert isinstance(document, RawDocument)
    assert "Advertisement" not in document.text
    assert "Subscribe" not in document.text
    assert "169.254.169.254" not in document.text
    assert no_network == []


def test_text_header_block_and_missing_file() -> None:
    document = read_text("Title: T\nDate: 2024-11-05\n\nBody line.", "x.txt")
    assert isinstance(document, RawDocument)
    assert (document.title, document.text, str(document.published)) == ("T", "Body line.", "2024-11-05")
    errors = list(read_path(Path("/nonexistent/file.html")))
    assert len(errors) == 1
    assert isinstance(errors[0], ReadError)
    assert "cannot open" in errors[0].reason
