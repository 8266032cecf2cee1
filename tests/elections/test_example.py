"""The worked example in docs/elections/: the committed record verifies, with exactly the committed output.

Regenerate both files (fresh keys, so new bytes) with:
  SOLIDARITY_REGENERATE_EXAMPLE=1 .venv/bin/pytest tests/elections/test_example.py
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from solidarity.elections import ballots, record
from tests.elections.helpers import make_election

DOCS = Path(__file__).resolve().parents[2] / "docs" / "elections"
RECORD = DOCS / "example-record.json"
OUTPUT = DOCS / "example-verify.txt"


def _build() -> bytes:
    """Two seats among four candidates, eight electors, a quorum of half: six ballots (one spoilt), one pass unused.

    Elector e007 registered no voting key before the freeze: the definition lists it with ``"key": null``.
    """
    election = make_election("scottish-stv", seats=2, candidates=4, voters=8, slug="example")
    election.definition["title_en"] = "Worked example"
    election.definition["title_fa"] = "نمونهٔ کامل"
    election.definition["quorum"] = "1/2"  # half of the eight electors: four ballots needed
    election.definition["electorate"][7]["key"] = None
    rankings = [["c0", "c1"], ["c0", "c2"], ["c0"], ["c1", "c0"], ["c2", "c3", "c1"]]
    for index, ranking in enumerate(rankings):
        election.vote(f"e{index:03d}", {"ranking": ranking})
    spoiler = election.issue("e005")  # seals a ranking naming index 9 of four candidates: spoilt
    plaintext = bytes([ballots.KIND_RANKING, 1, 9]) + bytes(election.layout.length - 3)
    sealed = ballots.seal_with(election.ballot_key, bytes(range(32)), plaintext)
    election.cast_sealed(spoiler, sealed)
    election.issue("e006")  # took a pass, never voted
    return record.serialize(election.build())


def _verify_output(path: Path) -> str:
    out = io.StringIO()
    call_command("elections", "verify", str(path), stdout=out)
    return out.getvalue().replace(str(path), "RECORD")


def test_the_worked_example_verifies_with_the_documented_output() -> None:
    if os.environ.get("SOLIDARITY_REGENERATE_EXAMPLE"):
        RECORD.write_bytes(_build())
        OUTPUT.write_text(_verify_output(RECORD))
    data = RECORD.read_bytes()
    assert record.verify(data) == []
    parsed = record.parse_record(data)
    assert (parsed.result["valid"], parsed.result["spoilt"], len(parsed.issuance)) == (5, 1, 7)
    assert parsed.definition.quorum == "1/2"
    assert parsed.result["quorum"] == {"required": 4, "ballots": 6, "met": True}
    assert _verify_output(RECORD) == OUTPUT.read_text()


def test_the_worked_example_fails_when_one_byte_changes(tmp_path: Path) -> None:
    data = bytearray(RECORD.read_bytes())
    position = data.index(b'"lot_seed":"') + len(b'"lot_seed":"')
    data[position] = ord("0") if data[position] != ord("0") else ord("1")
    path = tmp_path / "changed.json"
    path.write_bytes(bytes(data))
    out = io.StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("elections", "verify", str(path), stdout=out)
    assert "FAIL [record-signature]" in out.getvalue() and "FAIL [lot-seed]" in out.getvalue()
