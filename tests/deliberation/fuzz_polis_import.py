"""atheris harness for the Pol.is importer: only PolisFormatError may escape (SR-22).

Run for a bounded time:  .venv/bin/python tests/deliberation/fuzz_polis_import.py -max_total_time=60
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere in the tree

with atheris.instrument_imports():
    from solidarity.deliberation import polis_io

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1,x,0,1,1,0,1,First\n1,x,1,2,0,1,0,Second\n"
)
VOTES = "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1\n1,0,1,2,1,1,1,-1\n2,,0,1,0,0,0,\n"
SUMMARY = "topic,T\ngroups,2\n"


def test_one_input(data: bytes) -> None:
    """Split bytes into the three files and parse; anything but PolisFormatError is a bug."""
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 2)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    files = {"participants_votes": VOTES, "comments": COMMENTS, "summary": SUMMARY}
    key = ("participants_votes", "comments", "summary")[mode]
    files[key] = text
    try:
        export = polis_io.parse_export(**files)
    except polis_io.PolisFormatError:
        return
    # whatever parses must write back and parse again to the same conversation
    written = polis_io.export_files(export)
    again = polis_io.parse_export(
        participants_votes=written["participants-votes.csv"],
        comments=written["comments.csv"],
        summary=written["summary.csv"],
    )
    assert {p.id: dict(p.votes) for p in again.participants} == {p.id: dict(p.votes) for p in export.participants}


def seed_corpus() -> list[bytes]:
    """Return starting inputs: each valid file in its slot."""
    return [b"\x00" + VOTES.encode(), b"\x01" + COMMENTS.encode(), b"\x02" + SUMMARY.encode()]


def run_iterations(count: int, seed: int = 1) -> None:
    """Run the harness body on mutated seeds without libFuzzer (for the bounded pytest)."""
    rng = random.Random(seed)
    corpus = seed_corpus()
    alphabet = b',\n"-01 9x\r'
    for _ in range(count):
        base = bytearray(rng.choice(corpus))
        for _ in range(rng.randint(0, 6)):
            position = rng.randrange(len(base) + 1)
            byte = rng.choice(alphabet) if rng.random() < 0.8 else rng.randrange(256)
            if base and rng.random() < 0.5:
                base[min(position, len(base) - 1)] = byte
            else:
                base.insert(position, byte)
        test_one_input(bytes(base))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
