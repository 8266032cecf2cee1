"""`solidarity elections verify`: pass on an honest record, exactly what fails otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from solidarity.elections import record
from tests.elections.helpers import make_election, voted_election


def test_verify_passes_and_finds_a_receipt(tmp_path: Path) -> None:
    election = make_election(voters=3)
    mine = election.vote("Delegate 0", {"ranking": ["c1", "c0"]})
    path = tmp_path / "record.json"
    path.write_bytes(record.serialize(election.build()))
    out = io.StringIO()
    call_command("elections", "verify", str(path), "--receipt", mine.receipt, stdout=out)
    assert "PASS" in out.getvalue()
    assert "'ranking': ['c1', 'c0']" in out.getvalue()


def test_verify_says_exactly_what_fails(tmp_path: Path) -> None:
    built = voted_election(voters=3).build()
    built["definition"]["title_en"] = "Changed"
    path = tmp_path / "record.json"
    path.write_text(json.dumps(built))
    out = io.StringIO()
    with pytest.raises(CommandError, match="does not verify"):
        call_command("elections", "verify", str(path), stdout=out)
    assert "FAIL [definition-hash]" in out.getvalue()


def test_verify_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("elections", "verify", str(tmp_path / "nope.json"))
