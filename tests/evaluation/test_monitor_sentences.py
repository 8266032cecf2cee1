"""The measurement of a statistical sentence classifier beside the rules (evaluation/monitor/sentences.py)."""

from __future__ import annotations

from evaluation.monitor.sentences import Counts, _evidence_counts, prepare


def test_the_classifier_reads_normalised_folded_text_with_digits_as_zero() -> None:
    assert prepare("Protests in Tehran on 12 May") == " protests in tehran on 00 may "
    assert prepare("تجمع در تهران ۱۲ اردیبهشت") == prepare("تجمع در تهران 12 اردیبهشت")


def test_evidence_is_counted_as_the_evaluation_counts_it() -> None:
    record = {
        "sentences": [
            {"label": "E", "text": "Teachers rallied in Ahvaz on Monday."},
            {"label": "N", "text": "The union was founded in 1999."},
            {"label": "E", "text": "Nurses gathered in Tabriz."},
        ]
    }
    counts = _evidence_counts(record, ["Teachers rallied in Ahvaz on Monday.", "The union was founded in 1999."])
    assert counts == Counts(1, 1, 1)
    assert (counts.precision, counts.recall) == (0.5, 0.5)
