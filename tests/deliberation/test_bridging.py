"""The full bridging fit by alternating least squares against the Adam fit it replaced: objective and scores."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from solidarity.deliberation import engine, polis_io
from solidarity.deliberation.report import BRIDGING_MAX_FACTOR, BRIDGING_MIN_RATINGS
from tests.deliberation.test_incremental import three_camps

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "deliberation"  # ../shared
# What the docs state for the ALS fit against Adam's (docs/deliberation.md, "Bridging score")
CORRELATION_AT_LEAST = 0.999  # of the statements' intercepts
TOP_TEN_OVERLAP_AT_LEAST = 9  # of the ten statements the report ranks as bridging


Ratings = tuple[np.ndarray, np.ndarray, np.ndarray, int, int]


def ratings_of(votes: engine.VoteTable, moderated_out: list[int]) -> Ratings:
    """The ratings the bridging fit sees, as `engine.compute` builds them.

    The last vote per pair wins; passes and mod-out statements are dropped; agree = 1, disagree = 0.
    """
    matrix = engine._build_matrix(votes, [])
    excluded = np.isin(matrix.statement_ids, np.asarray(moderated_out, dtype=np.int64))
    rated = ~excluded[matrix.cols] & (matrix.values != engine.PASS)
    ratings = (matrix.values[rated] == engine.AGREE).astype(np.float64)
    return matrix.rows[rated], matrix.cols[rated], ratings, *matrix.shape


def top_ten(fit: engine.BridgingFit, counts: np.ndarray) -> list[int]:
    """The report's bridging rank (enough ratings, positive intercept, |f| under the bound), by intercept."""
    eligible = np.flatnonzero(
        (counts >= BRIDGING_MIN_RATINGS)
        & (fit.statement_intercepts > 0)
        & (np.abs(fit.statement_factors) < BRIDGING_MAX_FACTOR)
    )
    return [int(j) for j in eligible[np.argsort(-fit.statement_intercepts[eligible], kind="stable")][:10]]


def assert_als_matches_adam(data: Ratings) -> None:
    rows, cols, ratings, n_rows, n_cols = data
    als = engine.bridging_scores(rows, cols, ratings, n_rows, n_cols)
    adam = engine.bridging_scores_adam(rows, cols, ratings, n_rows, n_cols)
    # the same objective, at least as low (Adam stops where a step changes it by < 1e-7)
    assert engine.bridging_objective(rows, cols, ratings, als) <= engine.bridging_objective(rows, cols, ratings, adam)
    counts = np.bincount(cols, minlength=n_cols)
    scored = counts >= BRIDGING_MIN_RATINGS
    correlation = np.corrcoef(als.statement_intercepts[scored], adam.statement_intercepts[scored])[0, 1]
    assert correlation >= CORRELATION_AT_LEAST
    overlap = set(top_ten(als, counts)) & set(top_ten(adam, counts))
    assert len(overlap) >= TOP_TEN_OVERLAP_AT_LEAST


def test_als_fit_reaches_adams_objective_on_planted_camps() -> None:
    who, what, value = three_camps(participants=1_500, statements=120, votes=60_000)
    assert_als_matches_adam(ratings_of(engine.VoteTable.from_arrays(who, what, value), []))


@pytest.mark.parametrize("name", ["vtaiwan.uberx", "scoop-hivemind.biodiversity"])
def test_als_fit_reaches_adams_objective_on_a_real_conversation(name: str) -> None:
    folder = DATA / name
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    export = polis_io.read_export(folder)
    votes = np.asarray(export.vote_tuples(), dtype=np.int64)
    table = engine.VoteTable.from_arrays(votes[:, 0], votes[:, 1], votes[:, 2])
    assert_als_matches_adam(ratings_of(table, export.moderated_out()))


def test_each_sweep_lowers_the_objective() -> None:
    # the relaxed block steps stay descent steps: the objective never rises from sweep to sweep
    who, what, value = three_camps()
    rows, cols, ratings, n_rows, n_cols = ratings_of(engine.VoteTable.from_arrays(who, what, value), [])
    rated = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n_rows, n_cols))
    agreed = sp.csr_matrix((ratings, (rows, cols)), shape=(n_rows, n_cols))
    fit = engine.bridging_start(n_rows, n_cols, seed=0)
    objectives = [engine.bridging_objective(rows, cols, ratings, fit)]
    for _ in range(40):
        fit, _ = engine.bridging_update(rated, agreed, fit, sweeps=1, tolerance=0.0)
        objectives.append(engine.bridging_objective(rows, cols, ratings, fit))
    assert all(b <= a + 1e-12 for a, b in itertools.pairwise(objectives))
    assert objectives[-1] < objectives[0]


def test_full_fit_in_compute_is_the_seeded_als_fit() -> None:
    who, what, value = three_camps()
    table = engine.VoteTable.from_arrays(who, what, value)
    result = engine.compute(table)
    rows, cols, ratings, n_rows, n_cols = ratings_of(table, [])
    fit = engine.bridging_scores(rows, cols, ratings, n_rows, n_cols, seed=0)
    scored = np.flatnonzero(np.bincount(cols, minlength=n_cols))
    assert [b.statement for b in result.bridging] == [int(result.statement_ids[j]) for j in scored]
    intercepts = np.array([b.intercept for b in result.bridging])
    assert np.abs(intercepts - fit.statement_intercepts[scored]).max() < 1e-6
