"""atheris harness for the election record parser and verifier: they return failures, never crash.

Run for a bounded time:  .venv/bin/python tests/fuzz/fuzz_election_record.py -max_total_time=60
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere in the tree

with atheris.instrument_imports():
    from solidarity.elections import record


def test_one_input(data: bytes) -> None:
    """Parse and verify arbitrary bytes; only RecordFormatError may escape the parser."""
    with contextlib.suppress(record.RecordFormatError):
        record.parse_record(data)
    failures = record.verify(data)
    assert isinstance(failures, list)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
