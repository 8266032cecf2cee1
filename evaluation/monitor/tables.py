"""The monitor's table: precision, recall and F1 per field and data set, as `python -m evaluation monitor` prints it."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from evaluation.monitor.scoring import (
    REAL_DEV6_PATH,
    REAL_DEV7_PATH,
    REAL_DEV9_PATH,
    REAL_DEV10_PATH,
    REAL_DEV11_PATH,
    REAL_DEV_ALL_PATHS,
    evaluate_all,
    sentence_errors,
)


def print_scores(data: Path | None, out: TextIO, real_blind: bool = False, development: bool = False) -> None:
    """Score every set (the public sets under `data` when given; the gold sets always) and print one row per field.

    `development`: only the development sets (never the held-out set or a blind part).
    """
    scores, skipped = evaluate_all(data, real_blind, development)
    for item in skipped:
        out.write(f"SKIPPED {item.dataset}: {item.reason}\n")
    out.write(f"{'dataset':15} {'field':46} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn  target\n")
    for score in scores:
        met = "" if score.target is None else (" met" if score.meets_target else " NOT met")
        on = "P " if score.target_on_precision else ""
        recall = "" if score.recall_target is None else f" R {score.recall_target:.2f}"
        target = "" if score.target is None else f"{on}{score.target:.2f}{recall}{met}"
        counts = f"{score.true_positives}/{score.false_positives}/{score.false_negatives}"
        figures = f"{score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
        out.write(f"{score.dataset:15} {score.field:46} {figures}  {counts}  {target}\n")


def print_sentence_errors(out: TextIO) -> None:
    """Print each sentence of the real-text development part the extractor got wrong at sentence level."""
    errors = sentence_errors(
        (*REAL_DEV_ALL_PATHS, REAL_DEV6_PATH, REAL_DEV7_PATH, REAL_DEV9_PATH, REAL_DEV10_PATH, REAL_DEV11_PATH)
    )
    for error in errors:
        out.write(f"{error.record_id}\t{error.kind}\t{error.label}\t{error.sentence}\n")
    given = sum(error.kind == "given" for error in errors)
    out.write(f"real-dev (development): {given} sentences given as event evidence that report no event, ")
    out.write(f"{len(errors) - given} event sentences not given\n")
