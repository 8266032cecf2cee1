"""Train the relay's advertising classifier offline and write the model file the package ships.

`python -m evaluation relay train [--decisions FILE] [--out PATH]`

Training data, text and label only (nothing about any sender):
- the development part of `evaluation/relay/data/` (never the blind part);
- the golden screening corpus: its advertising kinds (link, handle, phone, email, commercial,
  dating, crypto, spam, evasion and the spam floods) as advertising, what it expects to pass as genuine;
- optionally, moderators' decisions exported by `solidarity relay export-decisions FILE`: a
  rejection for an advertising reason is advertising, an approval is genuine; other rejections
  (abuse, off-topic, personal data, duplicates) teach nothing about advertising and are left out.

scikit-learn's logistic regression (liblinear, which has no randomness with these settings) fits
the weights on features computed by the runtime's own `classifier.features`, so the shipped
scorer and the trainer cannot disagree on what a feature is; the same data gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.relay import SCREENING_CORPUS, load

ADVERTISING_KINDS = frozenset(
    {"link", "handle", "phone", "email", "commercial", "dating", "crypto", "spam", "evasion", "flood"}
)
# Moderators' reject reasons (relay.services.REJECT_REASONS) that mean advertising.
ADVERTISING_REJECTIONS = frozenset({"spam", "commercial", "dating", "link"})
REGULARISATION = 3.0  # liblinear's C: 5-fold cross-validation on the development part (with THRESHOLD)
WEIGHT_DECIMALS = 7  # the shipped weights and intercept are rounded to this many decimals (see `build`)


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    is_advertising: bool


def development_samples() -> list[Sample]:
    """Return the labelled development part and the golden corpus, in a fixed order."""
    samples = [Sample(e.text, e.label == "spam") for e in load("dev")]
    for line in SCREENING_CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["expected"] == "pass":
            samples.append(Sample(row["text"], False))
        elif row["kind"] in ADVERTISING_KINDS:
            samples.append(Sample(row["text"], True))
    return samples


def decision_samples(lines: Iterable[str]) -> list[Sample]:
    """Read moderators' decisions (JSON lines: text, decision, reason) as training samples."""
    samples = []
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        if row["decision"] == "approved":
            samples.append(Sample(row["text"], False))
        elif row["decision"] == "rejected" and row.get("reason") in ADVERTISING_REJECTIONS:
            samples.append(Sample(row["text"], True))
    return samples


def feature_matrix(texts: Sequence[str]) -> Any:
    """Return the scipy CSR matrix of the runtime features of each text."""
    from scipy.sparse import csr_matrix

    from solidarity.relay import classifier
    from solidarity.relay.screening import matching_key

    indptr, indices, values = [0], [], []
    for text in texts:
        index, value = classifier.features(matching_key(text))
        indices.append(index)
        values.append(value)
        indptr.append(indptr[-1] + len(index))
    return csr_matrix(
        (np.concatenate(values), np.concatenate(indices), np.array(indptr)),
        shape=(len(texts), classifier.N_FEATURES),
    )


def fit(samples: Sequence[Sample]) -> Any:
    """Fit scikit-learn's logistic regression on the samples; return the estimator."""
    from sklearn.linear_model import LogisticRegression

    matrix = feature_matrix([s.text for s in samples])
    labels = np.array([s.is_advertising for s in samples], dtype=np.int64)
    estimator = LogisticRegression(
        C=REGULARISATION, solver="liblinear", class_weight="balanced", random_state=0, tol=1e-8, max_iter=1000
    )
    estimator.fit(matrix, labels)
    return estimator


def build(samples: Sequence[Sample]) -> tuple[bytes, Any]:
    """Train on the samples and return the model file's bytes with the fitted estimator."""
    from solidarity.relay import classifier

    estimator = fit(samples)
    # Rounded to a 1e-7 grid: the fitted weights differ in their last bits from one CPU to another
    # (1e-14 apart: the committed model and a rebuild on a new machine were not the same bytes),
    # and the shipped file must be the same bytes wherever it is rebuilt. Scores move by < 1e-5.
    weights = np.round(estimator.coef_[0], WEIGHT_DECIMALS)
    indices = np.flatnonzero(weights)
    digest = hashlib.sha256()
    for sample in samples:
        digest.update(f"{int(sample.is_advertising)}\t{sample.text}\n".encode())
    meta = {
        "n_features": classifier.N_FEATURES,
        "ngrams": list(classifier.NGRAMS),
        "samples": len(samples),
        "advertising": sum(s.is_advertising for s in samples),
        "training_sha256": digest.hexdigest(),
        "trainer": f"scikit-learn LogisticRegression(liblinear, C={REGULARISATION:g}, balanced)",
    }
    intercept = round(float(estimator.intercept_[0]), WEIGHT_DECIMALS)
    return classifier.to_bytes(indices, weights[indices], intercept, meta), estimator


def cross_validate(samples: Sequence[Sample], folds: int = 5) -> list[tuple[float, float, float, float]]:
    """Return (C, threshold, spam held, genuine passed) of rules + classifier, cross-validated.

    The rules run first, as in `screen`; the classifier is fitted on the other folds only.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from solidarity.relay import screening

    rule_held = np.array([screening.screen(s.text, with_classifier=False).is_held for s in samples])
    labels = np.array([s.is_advertising for s in samples])
    matrix = feature_matrix([s.text for s in samples])
    rows = []
    for regularisation in (1.0, 3.0, 10.0, 30.0):
        scores = np.zeros(len(labels))
        for fit_rows, test_rows in StratifiedKFold(folds, shuffle=True, random_state=0).split(matrix, labels):
            estimator = LogisticRegression(
                C=regularisation, solver="liblinear", class_weight="balanced", tol=1e-8, max_iter=1000
            ).fit(matrix[fit_rows], labels[fit_rows])
            scores[test_rows] = estimator.predict_proba(matrix[test_rows])[:, 1]
        for threshold in (0.5, 0.55, 0.6, 0.65, 0.7):
            held = rule_held | (scores >= threshold)
            rows.append((regularisation, threshold, float(held[labels].mean()), float((~held[~labels]).mean())))
    return rows


def main(decisions: Path | None, out: Path | None, *, cross: bool = False) -> int:
    from solidarity.relay import classifier

    samples = development_samples()
    if cross:
        for regularisation, threshold, held, passed in cross_validate(samples):
            print(f"C={regularisation:<4g} hold at {threshold:.2f}: spam held {held:.3f}, genuine passed {passed:.3f}")
        return 0
    if decisions is not None:
        extra = decision_samples(decisions.read_text(encoding="utf-8").splitlines())
        print(f"moderators' decisions: {len(extra)} usable ({sum(s.is_advertising for s in extra)} advertising)")
        samples += extra
    data, _estimator = build(samples)
    target = out or classifier.MODEL_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(
        f"trained on {len(samples)} texts ({sum(s.is_advertising for s in samples)} advertising);"
        f" wrote {target} ({len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()[:16]})"
    )
    return 0
