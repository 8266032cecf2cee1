"""The relay's golden corpus: labelled messages the screening is measured on (tests/relay, bench/relay)."""

from __future__ import annotations

from pathlib import Path

SCREENING_CORPUS = Path(__file__).resolve().parent / "screening_corpus.jsonl"
