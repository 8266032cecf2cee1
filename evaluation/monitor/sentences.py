"""What a statistical sentence classifier adds over the rules, measured on the real-text development parts.

`python -m evaluation.monitor.sentences` fits a classifier of sentences (event `E` versus claim or neither)
on the annotated sentences of the real-text **development** parts (Wikipedia text, CC BY-SA, which we may
redistribute with its attribution; the blind parts are never read here) and measures it by passage-grouped
cross-validation: each passage is scored by a model fitted on the other folds only. The model is
scikit-learn's logistic regression over hashed character 1- to 4-grams of the normalised, folded sentence
(the relay's advertising classifier is the same kind of model; the installed fastText package,
`fasttext-predict`, can predict but not train). It prints:

- the classifier alone, as a reader of sentences (precision and recall of `E`);
- the rules' sentence-level figures (`sentences given as event evidence`, as the evaluation scores them);
- the rules with the classifier as a veto: an evidence sentence the classifier gives a probability of
  being an event below a threshold is dropped (events left with no evidence are dropped too).

Nothing here ships: it is the measurement `docs/monitor.md` reports ("Statistical layer").
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.monitor.scoring import REAL_DEV3_PATH, REAL_DEV_PATHS, _sentence_label
from solidarity.core.text import fold_for_search
from solidarity.monitor.pipeline.extract import extract
from solidarity.monitor.pipeline.language import normalize
from solidarity.monitor.pipeline.records import DocumentInput

FOLDS = 5
THRESHOLDS = (0.2, 0.3, 0.4, 0.5)


@dataclass(frozen=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def row(self, name: str) -> str:
        return f"{name:58} P {self.precision:.3f}  R {self.recall:.3f}  ({self.tp}/{self.fp}/{self.fn})"


def prepare(sentence: str) -> str:
    """The text the classifier reads: normalised (Persian digits and letters), folded, digits as 0."""
    folded = fold_for_search(normalize(sentence)).lower()
    return " " + "".join("0" if ch.isdigit() else ch for ch in folded) + " "


def _records(paths: Sequence[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def _model(texts: list[str], labels: list[int]) -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vectorizer = HashingVectorizer(analyzer="char_wb", ngram_range=(1, 4), n_features=2**18, alternate_sign=False)
    estimator = LogisticRegression(C=10.0, solver="liblinear", class_weight="balanced", random_state=0, max_iter=1000)
    return make_pipeline(vectorizer, estimator).fit([prepare(t) for t in texts], labels)


def _evidence_counts(record: dict[str, Any], given: Sequence[str]) -> Counts:
    """Sentence-level counts of one passage, as `evaluation.monitor.scoring` counts them."""
    folded = {fold_for_search(sentence) for sentence in given}
    labels = [_sentence_label(sentence, record["sentences"]) for sentence in folded]
    fn = sum(
        1
        for gold in record["sentences"]
        if gold["label"] == "E" and not any(_sentence_label(one, [gold]) == "E" for one in folded)
    )
    return Counts(labels.count("E"), len(labels) - labels.count("E"), fn)


def measure(paths: Sequence[Path] = (*REAL_DEV_PATHS, REAL_DEV3_PATH)) -> list[str]:
    """Return the printed rows: the classifier alone, the rules, the rules with the classifier's veto."""
    from sklearn.model_selection import GroupKFold

    records = _records(paths)
    rows = [(r, s) for r in records for s in r["sentences"]]
    texts = [s["text"] for _r, s in rows]
    labels = np.array([1 if s["label"] == "E" else 0 for _r, s in rows])
    groups = np.array([r["id"] for r, _s in rows])
    alone = np.zeros(len(rows))
    rules = Counts(0, 0, 0)
    vetoed = dict.fromkeys(THRESHOLDS, Counts(0, 0, 0))
    for fit_rows, test_rows in GroupKFold(FOLDS).split(texts, labels, groups):
        model = _model([texts[i] for i in fit_rows], list(labels[fit_rows]))
        alone[test_rows] = model.predict_proba([prepare(texts[i]) for i in test_rows])[:, 1]
        for record in [r for r in records if r["id"] in set(groups[test_rows])]:
            published = None if record["published"] is None else datetime.date.fromisoformat(record["published"])
            result = extract(DocumentInput(text=record["text"], title=record["title"], published=published))
            given = sorted({e.sentence for event in result.events for e in event.evidence})
            rules = _add(rules, _evidence_counts(record, given))
            scores = model.predict_proba([prepare(s) for s in given])[:, 1] if given else np.zeros(0)
            for threshold in THRESHOLDS:
                kept = [s for s, p in zip(given, scores, strict=True) if p >= threshold]
                vetoed[threshold] = _add(vetoed[threshold], _evidence_counts(record, kept))
    predicted = alone >= 0.5
    out = [
        f"real-text development parts: {len(records)} passages, {len(rows)} sentences "
        f"({int(labels.sum())} E); {FOLDS}-fold cross-validation grouped by passage (development figures)",
        Counts(
            int((predicted & (labels == 1)).sum()),
            int((predicted & (labels == 0)).sum()),
            int((~predicted & (labels == 1)).sum()),
        ).row("classifier alone, E at p >= 0.5 (all sentences)"),
        rules.row("rules: sentences given as event evidence"),
    ]
    out += [vetoed[t].row(f"rules + classifier veto below p = {t:.1f}") for t in THRESHOLDS]
    return out


def _add(one: Counts, other: Counts) -> Counts:
    return Counts(one.tp + other.tp, one.fp + other.fp, one.fn + other.fn)


def main() -> int:
    for row in measure():
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
