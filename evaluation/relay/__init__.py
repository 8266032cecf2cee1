"""Measure relay screening on labelled messages: spam held, genuine passed, per language and reason.

The data lives in `evaluation/relay/data/{dev,blind}/*.tsv` (label, text); see the README for
sources and licences. Screening runs exactly as on the live server (`screening.screen`). The golden
corpus that tests/relay and bench/relay read is `SCREENING_CORPUS`.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SCREENING_CORPUS = Path(__file__).resolve().parent / "screening_corpus.jsonl"
PARTS = ("dev", "blind")


@dataclass(frozen=True, slots=True)
class Example:
    label: str  # "spam" or "genuine"
    text: str
    source: str  # the file it came from


@dataclass(slots=True)
class Tally:
    spam: int = 0
    spam_held: int = 0
    genuine: int = 0
    genuine_passed: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    false_hold_reasons: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float | None:
        return self.spam_held / self.spam if self.spam else None

    @property
    def passed(self) -> float | None:
        return self.genuine_passed / self.genuine if self.genuine else None


def load(part: str) -> list[Example]:
    """Read every labelled example of one part ("dev", "blind") or of both ("all")."""
    parts = PARTS if part == "all" else (part,)
    examples = []
    for name in parts:
        for path in sorted((DATA / name).glob("*.tsv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    examples.append(Example(row["label"], row["text"], path.name))
    return examples


def language_group(language: str) -> str:
    """Report Finglish with Persian: the targets are per language, not per script."""
    return "fa" if language in {"fa", "fa-Latn"} else language


WRITTEN_BY_US = frozenset({"fa_spam_written.tsv", "genuine_written.tsv"})  # figures: "development set"


def evaluate(examples: list[Example]) -> dict[str, Tally]:
    """Screen every example and tally by detected language, by source file ("file:…") and "all"."""
    from solidarity.relay.screening import screen

    tallies: dict[str, Tally] = defaultdict(Tally)
    for example in examples:
        verdict = screen(example.text)
        for key in (language_group(verdict.language), "all", f"file:{example.source}"):
            tally = tallies[key]
            if example.label == "spam":
                tally.spam += 1
                tally.spam_held += verdict.is_held
                tally.reasons.update(str(r) for r in verdict.reasons)
            else:
                tally.genuine += 1
                tally.genuine_passed += not verdict.is_held
                tally.false_hold_reasons.update(str(r) for r in verdict.reasons)
    return dict(tallies)


def _ratio(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def report(tallies: dict[str, Tally]) -> str:
    """Format the tallies as a plain-text table."""
    width = max(9, *(len(k.removeprefix("file:")) + 1 for k in tallies))
    lines = [
        f"{'language':<{width}} {'spam':>5} {'held':>6} {'genuine':>8} {'passed':>6}  reasons (spam) / false holds"
    ]
    languages = sorted((k for k in tallies if not k.startswith("file:")), key=lambda k: (k == "all", k))
    files = sorted(k for k in tallies if k.startswith("file:"))
    for language in languages + files:
        if files and language == files[0]:
            lines.append("by source file (* written by us: a development set, not real traffic)")
        tally = tallies[language]
        reasons = ", ".join(f"{r} {n}" for r, n in tally.reasons.most_common())
        false = ", ".join(f"{r} {n}" for r, n in tally.false_hold_reasons.most_common())
        label = language.removeprefix("file:") + ("*" if language.removeprefix("file:") in WRITTEN_BY_US else "")
        lines.append(
            f"{label:<{width}} {tally.spam:>5} {_ratio(tally.recall)} {tally.genuine:>8} {_ratio(tally.passed)}"
            f"  {reasons or '-'} / {false or '-'}"
        )
    return "\n".join(lines)
