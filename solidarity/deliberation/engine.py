"""The common-ground engine: the Pol.is method and a bridging score, votes in, frozen results out.

Pure numpy/scipy, no Django. Sparse matrices end to end: the only dense arrays are
participants × 2 (projections), statements × 2 (components) and groups × statements (counts).

Vote values use the export convention: agree = +1, disagree = −1, pass = 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.linalg
import scipy.sparse as sp
import scipy.spatial

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

AGREE = 1
DISAGREE = -1
PASS = 0

MIN_VOTES = 7
MIN_IN_CONVERSATION = 15
BASE_K = 100
BASE_ITERATIONS = 100
GROUP_ITERATIONS = 100
# Seeded starts: the method's own start rule over seeded permutations (see `_best_kmeans`)
BASE_STARTS = 8  # base k-means runs; fewer on large conversations (BASE_START_POINTS)
BASE_START_POINTS = 2_000_000  # points × runs budget for the base clusters
GROUP_STARTS = 20  # group k-means starts on the base centres, for each k
REFINE_STARTS = 4  # group k-means starts on the participants, for the chosen k
MAX_K = 5
K_BUFFER = 4
Z_90 = 1.2816
PICK_MAX = 5
META_PRIORITY = 7.0
GRAM_LIMIT = 2_000  # statements; above this the PCA is randomized
TREE_CENTRES = 16  # from this many centres on, nearest centres come from a k-d tree (`_assign`)
# The incremental update (`compute(update="auto")`, docs/deliberation.md "The incremental update")
FULL_AFTER_GROWTH = 0.05  # a full recompute once the votes have grown by 5 % since the last one
FULL_AFTER_UPDATES = 20  # … or after this many incremental updates, whichever comes first
UPDATE_POWER_STEPS = 3  # power steps from the stored principal axes (a cold start takes 8)
UPDATE_ITERATIONS = 20  # Lloyd iterations from the previous base clusters and groups
BRIDGING_SWEEPS = 10  # at most this many alternating least-squares sweeps from the stored bridging fit
BRIDGING_SWEEP_TOLERANCE = 1e-3  # stop once no statement parameter moves more than this in a sweep
# The full bridging fit: the same sweeps from a seeded start (`bridging_start`)
BRIDGING_FULL_SWEEPS = 500  # at most; stops once no statement parameter moves more than the tolerance
BRIDGING_FULL_TOLERANCE = 1e-5
BRIDGING_FULL_OBJECTIVE_TOLERANCE = 1e-8  # … or once a sweep lowers the objective by less (Adam stopped at 1e-7 a step)
# Each sweep's block steps go 1.5 times the exact block minimiser's way (over-relaxation): still a
# descent step on a block the objective is quadratic in, and about half the sweeps to converge
BRIDGING_RELAXATION = 1.5


class EngineInputError(ValueError):
    """Raised when votes cannot be turned into a result (bad values, mismatched lengths)."""


@dataclass(frozen=True, eq=False)
class VoteTable:
    """Votes as three parallel arrays; later rows supersede earlier ones for the same pair."""

    participants: IntArray
    statements: IntArray
    values: npt.NDArray[np.int8]

    @classmethod
    def from_tuples(cls, votes: Iterable[tuple[int, int, int]]) -> VoteTable:
        """Build a table from (participant, statement, value) tuples in the order cast."""
        rows = list(votes)
        if not rows:
            return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int8))
        array = np.asarray(rows, dtype=np.int64)
        return cls.from_arrays(array[:, 0], array[:, 1], array[:, 2])

    @classmethod
    def from_arrays(cls, participants: Any, statements: Any, values: Any) -> VoteTable:
        """Validate and wrap three parallel arrays."""
        p = np.asarray(participants, dtype=np.int64)
        s = np.asarray(statements, dtype=np.int64)
        v = np.asarray(values, dtype=np.int64)
        if not (p.ndim == s.ndim == v.ndim == 1) or not (len(p) == len(s) == len(v)):
            raise EngineInputError("participants, statements and values must be 1-D and of one length")
        if len(v) and (v.min() < -1 or v.max() > 1):
            raise EngineInputError("vote values must be -1, 0 or +1")
        return cls(p, s, v.astype(np.int8))

    def __len__(self) -> int:
        return len(self.values)


@dataclass(frozen=True)
class KState:
    """The k smoother's memory across updates."""

    current: int
    candidate: int
    streak: int


@dataclass(frozen=True)
class GroupCounts:
    """Agree / disagree / pass counts of one group on one statement."""

    agree: int
    disagree: int
    passed: int

    @property
    def seen(self) -> int:
        return self.agree + self.disagree + self.passed


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement that sets one group apart, with the evidence for it."""

    statement: int
    direction: str  # "agree" or "disagree"
    probability: float
    probability_test: float
    representativeness: float
    representativeness_test: float


@dataclass(frozen=True)
class ConsensusStatement:
    """A statement a clear majority of all participants agreed (or disagreed) with."""

    statement: int
    direction: str
    probability: float
    probability_test: float


@dataclass(frozen=True)
class Group:
    """One opinion group: its members and what represents it."""

    id: int
    participants: tuple[int, ...]
    representative: tuple[RepresentativeStatement, ...]

    @property
    def size(self) -> int:
        return len(self.participants)


@dataclass(frozen=True)
class BridgingScore:
    """A statement's place in the 1-D matrix factorisation: intercept (support across sides) and factor."""

    statement: int
    intercept: float
    factor: float
    ratings: int


@dataclass(frozen=True)
class StatementSummary:
    """Per-statement figures for reports and for choosing what to vote on next."""

    statement: int
    agree: int
    disagree: int
    passed: int
    extremity: float
    group_aware_consensus: float
    group_aware_consensus_disagree: float
    divisiveness: float
    per_group: tuple[GroupCounts, ...]
    is_moderated_out: bool


@dataclass(frozen=True, eq=False)
class IncrementalState:
    """What an incremental update starts from besides the groups: axes, bridging fit, drift counters.

    `statement_ids` index the columns of `components` and the rows of `statement_params`
    (i_n, f_n); `participant_ids` the rows of `user_params` (i_u, f_u). The bridging arrays are
    empty when the previous update ran without bridging.
    """

    statement_ids: IntArray
    components: FloatArray  # 2 × statements
    participant_ids: IntArray
    user_params: FloatArray  # participants × 2
    statement_params: FloatArray  # statements × 2
    mu: float
    votes_at_full: int  # distinct votes at the last full recompute
    updates_since_full: int

    @property
    def bridged(self) -> bool:
        return len(self.user_params) == len(self.participant_ids) and len(self.statement_params) > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "statement_ids": self.statement_ids.tolist(),
            "components": self.components.tolist(),
            "participant_ids": self.participant_ids.tolist(),
            "user_params": self.user_params.T.tolist(),
            "statement_params": self.statement_params.T.tolist(),
            "mu": self.mu,
            "votes_at_full": self.votes_at_full,
            "updates_since_full": self.updates_since_full,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IncrementalState:
        statement_ids = np.asarray(data["statement_ids"], dtype=np.int64)
        participant_ids = np.asarray(data["participant_ids"], dtype=np.int64)
        user = np.asarray(data["user_params"], dtype=np.float64).reshape(2, -1).T
        statement = np.asarray(data["statement_params"], dtype=np.float64).reshape(2, -1).T
        return cls(
            statement_ids=statement_ids,
            components=np.asarray(data["components"], dtype=np.float64).reshape(2, len(statement_ids)),
            participant_ids=participant_ids,
            user_params=user,
            statement_params=statement,
            mu=float(data["mu"]),
            votes_at_full=int(data["votes_at_full"]),
            updates_since_full=int(data["updates_since_full"]),
        )


@dataclass(frozen=True, eq=False)
class WarmStart:
    """What the next update needs from the previous one (storable as JSON)."""

    in_conversation: tuple[int, ...]
    base_centers: tuple[tuple[float, float], ...]
    group_centers: dict[int, tuple[tuple[float, float], ...]]
    k_state: KState
    # base cluster of each participant in `in_conversation` (same order; −1: none). Empty in
    # warm starts stored before 2026-12-05, which then start from `base_centers` instead.
    base_members: tuple[int, ...] = ()
    # axes, bridging fit and drift counters for the incremental update; None in warm starts
    # stored before 2026-12-06, whose next update is then a full recompute
    incremental: IncrementalState | None = None

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-serialisable form."""
        data: dict[str, Any] = {
            "in_conversation": list(self.in_conversation),
            "base_centers": [list(c) for c in self.base_centers],
            "group_centers": {str(k): [list(c) for c in v] for k, v in self.group_centers.items()},
            "k_state": [self.k_state.current, self.k_state.candidate, self.k_state.streak],
            "base_members": list(self.base_members),
        }
        if self.incremental is not None:
            data["incremental"] = self.incremental.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WarmStart:
        """Rebuild from `to_json` output."""
        current, candidate, streak = (int(x) for x in data["k_state"])
        return cls(
            in_conversation=tuple(int(x) for x in data["in_conversation"]),
            base_centers=tuple((float(a), float(b)) for a, b in data["base_centers"]),
            group_centers={int(k): tuple((float(a), float(b)) for a, b in v) for k, v in data["group_centers"].items()},
            k_state=KState(current, candidate, streak),
            base_members=tuple(int(x) for x in data.get("base_members", ())),
            incremental=IncrementalState.from_json(data["incremental"]) if data.get("incremental") else None,
        )


@dataclass(frozen=True, eq=False)
class Result:
    """Everything one update computes; `previous=` of the next update reads its state."""

    participant_ids: IntArray
    statement_ids: IntArray
    projection: FloatArray  # participants × 2, all participants
    in_conversation: npt.NDArray[np.bool_]
    components: FloatArray  # 2 × statements
    center: FloatArray
    base_centers: FloatArray  # b × 2
    base_weights: IntArray
    base_labels: IntArray  # per participant, −1 when not clustered
    group_labels: IntArray  # per participant, −1 when not clustered
    k_state: KState
    groups: tuple[Group, ...]
    consensus_agree: tuple[ConsensusStatement, ...]
    consensus_disagree: tuple[ConsensusStatement, ...]
    statements: tuple[StatementSummary, ...]
    bridging: tuple[BridgingScore, ...]
    silhouettes: dict[int, float] = field(default_factory=dict)
    group_centers: dict[int, FloatArray] = field(default_factory=dict)
    seed: int = 0
    path: str = "full"  # "full" or "incremental": which way this update was computed
    incremental: IncrementalState | None = None

    def warm_start(self) -> WarmStart:
        """Return the state the next update starts from."""
        return WarmStart(
            in_conversation=tuple(self.participant_ids[self.in_conversation].tolist()),
            base_centers=tuple((float(a), float(b)) for a, b in self.base_centers),
            group_centers={k: tuple((float(a), float(b)) for a, b in v) for k, v in self.group_centers.items()},
            k_state=self.k_state,
            base_members=tuple(self.base_labels[self.in_conversation].tolist()),
            incremental=self.incremental,
        )

    def group_of(self) -> dict[int, int]:
        """Map participant id to group id for clustered participants."""
        return {int(pid): int(g) for pid, g in zip(self.participant_ids, self.group_labels, strict=True) if g >= 0}

    def statement(self, statement_id: int) -> StatementSummary | None:
        """Return the summary of one statement, if it is in the matrix."""
        index = np.searchsorted(self.statement_ids, statement_id)
        if index < len(self.statement_ids) and self.statement_ids[index] == statement_id:
            return self.statements[int(index)]
        return None

    def common_ground(self, limit: int = 10) -> list[StatementSummary]:
        """Return statements most of every group agrees with, by group-aware consensus, strongest first."""
        candidates = [
            s
            for s in self.statements
            if not s.is_moderated_out
            and s.agree > s.disagree
            and all((c.agree + 1) / (c.seen + 2) > 0.5 for c in s.per_group)
        ]
        candidates.sort(key=lambda s: (-s.group_aware_consensus, s.statement))
        return candidates[:limit]

    def most_divisive(self, limit: int = 5) -> list[StatementSummary]:
        """Return the statements on which the groups differ most."""
        candidates = [s for s in self.statements if not s.is_moderated_out and s.divisiveness > 0]
        candidates.sort(key=lambda s: (-s.divisiveness, s.statement))
        return candidates[:limit]


# ---------------------------------------------------------------------------------------------
# Matrix building


@dataclass(frozen=True, eq=False)
class _Matrix:
    participant_ids: IntArray
    statement_ids: IntArray
    rows: IntArray
    cols: IntArray
    values: npt.NDArray[np.int8]

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.participant_ids), len(self.statement_ids))

    def structure(self) -> sp.csr_matrix:
        """Every vote once, as CSR with value + 2 stored (1 disagree, 2 pass, 3 agree).

        The other sparse matrices of an update share its index arrays (`_like`), so the votes
        are sorted into rows once.
        """
        return sp.csr_matrix((self.values.astype(np.float64) + 2, (self.rows, self.cols)), shape=self.shape)


def _like(structure: sp.csr_matrix, data: FloatArray) -> sp.csr_matrix:
    """A matrix with `structure`'s cells (explicit zeros included) holding `data` (in its order)."""
    return sp.csr_matrix((data, structure.indices, structure.indptr), shape=structure.shape)


def _index(values: IntArray, extra: IntArray | None = None) -> tuple[IntArray, IntArray]:
    """Return the sorted distinct ids of `values` (and `extra`) and each value's place among them.

    What `np.unique(..., return_inverse=True)` returns; when the ids span a range not much wider
    than there are values (the usual case: numbers given out in sequence) a lookup table does it
    without sorting.
    """
    every = values if extra is None or not len(extra) else np.concatenate([values, extra])
    if not len(every):
        return np.zeros(0, dtype=np.int64), np.zeros(len(values), dtype=np.int64)
    low, high = int(every.min()), int(every.max())
    if high - low > len(every) + 1_000:
        distinct, places = np.unique(every, return_inverse=True)
        return distinct.astype(np.int64), places[: len(values)].astype(np.int64)
    present = np.zeros(high - low + 1, dtype=np.bool_)
    present[every - low] = True
    table = np.cumsum(present, dtype=np.int64) - 1
    ids: IntArray = np.flatnonzero(present).astype(np.int64) + low
    inverse: IntArray = table[values - low]
    return ids, inverse


def _build_matrix(votes: VoteTable, extra_statements: Sequence[int]) -> _Matrix:
    """Deduplicate (last vote wins) and index votes into a sparse participants × statements layout."""
    participant_ids, rows = _index(votes.participants)
    statement_ids, cols = _index(votes.statements, np.asarray(extra_statements, dtype=np.int64))
    n_statements = max(len(statement_ids), 1)
    keys = rows * n_statements + cols
    # np.unique keeps the first occurrence; reversing keeps the last vote cast.
    _, first_in_reversed = np.unique(keys[::-1], return_index=True)
    # when no pair was voted twice every vote is kept, in order
    unique = len(first_in_reversed) == len(keys)
    keep = np.arange(len(keys)) if unique else np.sort(len(keys) - 1 - first_in_reversed)
    return _Matrix(
        participant_ids=participant_ids,
        statement_ids=statement_ids,
        rows=rows[keep],
        cols=cols[keep],
        values=votes.values[keep],
    )


# ---------------------------------------------------------------------------------------------
# PCA and projection


def _pca(centred: sp.csr_matrix, seed: int, start: FloatArray | None = None) -> FloatArray:
    """Return the top two principal axes (2 × statements) of an already centred sparse matrix.

    Up to GRAM_LIMIT statements: the exact eigenvectors of the statements × statements Gram
    matrix. Beyond: randomized subspace iteration (seeded), never a dense participants ×
    statements matrix; with `start` (the previous update's axes, 2 × statements) the iteration
    starts from them and takes UPDATE_POWER_STEPS steps instead of 8. Both cope with
    rank-deficient input (e.g. two camps voting in lockstep).
    """
    n_rows, n_cols = centred.shape
    components = np.zeros((2, n_cols))
    if n_rows < 1 or n_cols < 1 or not centred.data.any():
        return components
    if n_cols <= GRAM_LIMIT:
        gram = (centred.T @ centred).toarray()
        top = (max(n_cols - 2, 0), n_cols - 1)
        values, vectors = scipy.linalg.eigh(gram, subset_by_index=top)  # only the two largest
        order = np.argsort(-values)[:2]
        axes = vectors[:, order].T
        values = values[order]
    elif start is not None:
        axes, values = _randomized_axes(centred, seed, start=start, iterations=UPDATE_POWER_STEPS)
    else:
        axes, values = _randomized_axes(centred, seed)
    for i in range(min(2, len(axes))):
        if values[i] <= 1e-12:
            continue  # no variance left: leave the axis at zero rather than an arbitrary direction
        vector = axes[i]
        # Fix the sign so the same votes always give the same picture.
        pivot = int(np.argmax(np.abs(vector)))
        components[i] = -vector if vector[pivot] < 0 else vector
    return components


def _randomized_axes(
    matrix: sp.csr_matrix,
    seed: int,
    rank: int = 2,
    oversample: int = 10,
    iterations: int = 8,
    start: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Return the top right singular vectors (rank × columns) and squared singular values.

    `start` (rank × columns) replaces the first random directions of the starting subspace.
    """
    n_cols = matrix.shape[1]
    width = min(rank + oversample, n_cols)
    rng = np.random.default_rng(seed)
    initial = rng.standard_normal((n_cols, width))
    if start is not None:
        initial[:, : len(start)] = start.T
    basis, _ = np.linalg.qr(initial)
    for _ in range(iterations):
        basis, _ = np.linalg.qr(np.asarray(matrix.T @ (matrix @ basis)))
    projected = np.asarray(matrix @ basis)
    values, vectors = np.linalg.eigh(projected.T @ projected)
    order = np.argsort(-values)[:rank]
    axes: FloatArray = (basis @ vectors[:, order]).T
    return axes, values[order]


# ---------------------------------------------------------------------------------------------
# k-means


def _squared_distances(points: FloatArray, centers: FloatArray) -> FloatArray:
    diff = points[:, None, :] - centers[None, :, :]
    result: FloatArray = np.einsum("ijk,ijk->ij", diff, diff)
    return result


def _assign(points: FloatArray, centers: FloatArray, chunk: int = 50_000) -> IntArray:
    """Return each point's nearest centre.

    From TREE_CENTRES centres on (the base clusters) a k-d tree over the centres answers each
    point in about log k steps instead of measuring k distances: the same nearest centre (an
    exact tie may go to another, equally near one; still the same for the same input), and the
    whole update about three times faster at 20k participants. Below, every distance is measured
    and a tie keeps the first centre.
    """
    if len(centers) >= TREE_CENTRES and len(points):
        _, nearest = scipy.spatial.cKDTree(centers).query(points, k=1)
        tree_labels: IntArray = np.asarray(nearest, dtype=np.int64)
        return tree_labels
    labels = np.empty(len(points), dtype=np.int64)
    for start in range(0, len(points), chunk):
        block = points[start : start + chunk]
        labels[start : start + chunk] = np.argmin(_squared_distances(block, centers), axis=1)
    return labels


def _assign_with_bounds(points: FloatArray, centers: FloatArray) -> tuple[IntArray, FloatArray, FloatArray]:
    """`_assign` on a k-d tree (TREE_CENTRES or more centres), with each point's two nearest distances.

    The nearest centre is the one `_assign` gives: where the two nearest are exactly as near,
    the point is asked again as `_assign` asks it, so a tie goes the same way.
    """
    distances, nearest = scipy.spatial.cKDTree(centers).query(points, k=2)
    labels: IntArray = np.asarray(nearest[:, 0], dtype=np.int64)
    tied = distances[:, 0] == distances[:, 1]
    if tied.any():
        labels[tied] = _assign(points[tied], centers)
    return labels, distances[:, 0].copy(), distances[:, 1].copy()


def _kmeans(
    points: FloatArray,
    weights: FloatArray,
    init: FloatArray,
    iterations: int,
    tolerance: float = 0.01,
) -> tuple[FloatArray, IntArray]:
    """Weighted Lloyd iterations from given centres; a cluster that empties is dropped at once (as in Pol.is).

    With TREE_CENTRES or more centres each point carries bounds (Hamerly 2010): an upper bound
    on the distance to its centre and a lower bound on the distance to any other, moved by how
    far the centres moved. Where the upper stays below the lower (with a margin for rounding) the
    point's nearest centre cannot have changed and it is not asked again; the rest are. The
    labels are those of asking every point every time, in a fraction of the time once the
    centres settle.
    """
    centers = init.copy()
    bounded = len(centers) >= TREE_CENTRES and len(points) > 0
    if bounded:
        labels, upper, lower = _assign_with_bounds(points, centers)
    else:
        labels = _assign(points, centers)
    for _ in range(iterations):
        k = len(centers)
        totals = np.bincount(labels, weights=weights, minlength=k)
        sums = np.stack(
            [np.bincount(labels, weights=weights * points[:, d], minlength=k) for d in range(points.shape[1])],
            axis=1,
        )
        occupied = np.bincount(labels, minlength=k) > 0
        new_centers = sums[occupied] / np.maximum(totals[occupied], 1e-300)[:, None]
        moved = np.sqrt(((new_centers - centers[occupied]) ** 2).sum(axis=1)).max() if occupied.any() else 0.0
        if bounded and occupied.all():
            shift = np.sqrt(((new_centers - centers) ** 2).sum(axis=1))
            centers = new_centers
            upper += shift[labels]
            lower -= shift.max()
            stale = ~(upper * (1 + 1e-9) + 1e-12 < lower)
            if stale.any():
                labels[stale], upper[stale], lower[stale] = _assign_with_bounds(points[stale], centers)
        else:
            centers = new_centers
            bounded = bounded and len(centers) >= TREE_CENTRES
            if bounded:
                labels, upper, lower = _assign_with_bounds(points, centers)
            else:
                labels = _assign(points, centers)
        if moved < tolerance and occupied.all():
            break
    used = np.unique(labels)
    remap = np.full(len(centers), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return centers[used], remap[labels]


def _first_distinct(points: FloatArray, k: int, order: IntArray | None = None) -> FloatArray:
    """Return the first k distinct points (rounded to 12 places), in order (`points[order]` when given).

    Looks at a prefix first (4k points, then 16k, …): once a prefix holds k distinct points, its
    first k are the whole array's, so a million points are not sorted to find a hundred.
    """
    prefix = max(4 * k, 1)
    while True:
        head = points[:prefix] if order is None else points[order[:prefix]]
        _, first = np.unique(np.round(head, 12), axis=0, return_index=True)
        if len(first) >= k or prefix >= len(head):
            return head[np.sort(first)[:k]]
        prefix *= 4


def _canonical_order(points: FloatArray) -> IntArray:
    """Return an ordering of the points by position alone (x, then y, rounded).

    Every start rule draws from the points in this order, never in participant order, so the
    groups depend on where people stand and not on how they are listed or numbered. Rounding
    absorbs the last-bit noise a different summation order leaves in the projection; points
    that tie after rounding are the same point to k-means.
    """
    rounded = np.round(points, 9)
    order: IntArray = np.lexsort(tuple(rounded[:, d] for d in reversed(range(points.shape[1])))).astype(np.int64)
    return order


def _forgy_init(points: FloatArray, k: int, rng: np.random.Generator) -> FloatArray:
    """Return the method's own start (Pol.is: the first k distinct points) over a seeded permutation of the points."""
    return _first_distinct(points, k, rng.permutation(len(points)))


def _inertia(points: FloatArray, weights: FloatArray, centers: FloatArray, labels: IntArray) -> float:
    """Return the k-means objective: the weighted sum of squared distances to the assigned centres."""
    return float((weights * ((points - centers[labels]) ** 2).sum(axis=1)).sum())


def _best_kmeans(
    points: FloatArray,
    weights: FloatArray,
    k: int,
    *,
    iterations: int,
    seed: int,
    starts: int,
    tolerance: float = 0.01,
    extra_inits: Sequence[FloatArray] = (),
) -> tuple[FloatArray, IntArray, float]:
    """Run k-means from several starts and keep the lowest inertia (the k-means objective).

    The starts are `extra_inits` (e.g. the previous update's centres), then `starts` times the
    method's own rule (Pol.is: the first k distinct points) over a permutation drawn from
    (seed, k, start) of the points in canonical order (`_canonical_order`). So the result is the
    same for the same points and seed whatever order the points come in. Ties in inertia keep
    the earlier start; clusters are numbered by position.
    """
    order = _canonical_order(points)
    ordered, ordered_weights = points[order], weights[order]
    inits = [np.asarray(init, dtype=np.float64) for init in extra_inits if len(init)]
    for start in range(starts):
        rng = np.random.default_rng([seed, k, start])
        inits.append(_forgy_init(ordered, k, rng))
    best: tuple[FloatArray, IntArray, float] | None = None
    for init in inits:
        centers, labels = _kmeans(ordered, ordered_weights, init, iterations, tolerance=tolerance)
        score = _inertia(ordered, ordered_weights, centers, labels)
        if best is None or score < best[2] - 1e-9 * max(abs(best[2]), 1.0):
            best = (centers, labels, score)
    if best is None:  # no start: one centre on the weighted mean
        center = np.average(points, axis=0, weights=weights)[None, :]
        return (
            center,
            np.zeros(len(points), dtype=np.int64),
            _inertia(points, weights, center, np.zeros(len(points), np.int64)),
        )
    centers, ordered_labels, score = best
    centers, ordered_labels = _canonical_centres(ordered, centers, ordered_labels)
    labels = np.empty(len(points), dtype=np.int64)
    labels[order] = ordered_labels
    return centers, labels, score


def _canonical_centres(points: FloatArray, centers: FloatArray, labels: IntArray) -> tuple[FloatArray, IntArray]:
    """Number clusters by their centre's position (x, then y), so the numbering does not depend on the start."""
    rank = _canonical_order(centers)
    remap = np.empty(len(centers), dtype=np.int64)
    remap[rank] = np.arange(len(centers))
    return centers[rank], remap[labels]


def _silhouette(distances: FloatArray, labels: IntArray) -> float:
    """Mean silhouette over points (each counted once); a singleton cluster scores 0."""
    n = len(labels)
    if n < 2:
        return 0.0
    clusters, index = np.unique(labels, return_inverse=True)
    if len(clusters) < 2:
        return 0.0
    one_hot = np.zeros((n, len(clusters)))
    one_hot[np.arange(n), index] = 1.0
    counts = one_hot.sum(axis=0)
    sums = distances @ one_hot  # each point's summed distance to each cluster's members
    own_count = counts[index] - 1
    a = np.divide(sums[np.arange(n), index], own_count, out=np.zeros(n), where=own_count > 0)
    means = sums / counts
    means[np.arange(n), index] = np.inf
    b = means.min(axis=1)
    denominator = np.maximum(a, b)
    scores = np.divide(b - a, denominator, out=np.zeros(n), where=(denominator > 0) & (own_count > 0))
    return float(scores.mean())


def _group_candidates(
    centers: FloatArray, weights: FloatArray, previous: dict[int, FloatArray] | None, seed: int = 0
) -> tuple[dict[int, IntArray], dict[int, float], dict[int, FloatArray]]:
    """Cluster base centres for each k in 2…K; return labels, silhouettes and centres per k.

    Each k runs weighted k-means from GROUP_STARTS seeded k-means++ starts (plus the previous
    update's centres for that k, when there are any) and keeps the lowest inertia; see
    `_best_kmeans`. Pol.is runs one start (the first k distinct centres, or the previous ones);
    docs/deliberation.md says why we do not.
    """
    n = len(centers)
    max_k = min(MAX_K, 2 + n // 12, n)
    distances = np.sqrt(_squared_distances(centers, centers))
    labels_by_k: dict[int, IntArray] = {}
    silhouettes: dict[int, float] = {}
    centers_by_k: dict[int, FloatArray] = {}
    for k in range(2, max_k + 1):
        extra = [previous[k]] if previous and k in previous and len(previous[k]) == k else []
        found_centers, labels, _ = _best_kmeans(
            centers,
            weights,
            k,
            iterations=GROUP_ITERATIONS,
            seed=seed,
            starts=GROUP_STARTS,
            tolerance=1e-9,
            extra_inits=extra,
        )
        if len(found_centers) < 2:
            continue
        labels_by_k[k] = labels
        centers_by_k[k] = found_centers
        silhouettes[k] = _silhouette(distances, labels)
    return labels_by_k, silhouettes, centers_by_k


def _base_starts(n_points: int) -> int:
    """Return how many starts the base clusters get: BASE_STARTS, fewer when the points are many."""
    return max(1, min(BASE_STARTS, BASE_START_POINTS // max(n_points, 1)))


def _smooth_k(best: int, previous: KState | None) -> KState:
    if previous is None:
        return KState(current=best, candidate=best, streak=1)
    if best == previous.current:
        return KState(current=best, candidate=best, streak=0)
    streak = previous.streak + 1 if best == previous.candidate else 1
    if streak >= K_BUFFER:
        return KState(current=best, candidate=best, streak=0)
    return KState(current=previous.current, candidate=best, streak=streak)


# ---------------------------------------------------------------------------------------------
# Statistics


def _proportion_test(successes: FloatArray, trials: FloatArray) -> FloatArray:
    result: FloatArray = 2 * np.sqrt(trials + 1) * ((successes + 1) / (trials + 1) - 0.5)
    return result


def _two_proportion_test(s1: FloatArray, n1: FloatArray, s2: FloatArray, n2: FloatArray) -> FloatArray:
    p1 = (s1 + 1) / (n1 + 1)
    p2 = (s2 + 1) / (n2 + 1)
    pooled = (s1 + s2 + 2) / (n1 + n2 + 2)
    variance = pooled * (1 - pooled) * (1 / (n1 + 1) + 1 / (n2 + 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (p1 - p2) / np.sqrt(variance)
    result: FloatArray = np.where(pooled >= 1, 0.0, np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0))
    return result


def _representative(
    agree: FloatArray,
    disagree: FloatArray,
    seen: FloatArray,
    other_agree: FloatArray,
    other_disagree: FloatArray,
    other_seen: FloatArray,
    excluded: npt.NDArray[np.bool_],
    statement_ids: IntArray,
) -> tuple[RepresentativeStatement, ...]:
    pa = (agree + 1) / (seen + 2)
    pd = (disagree + 1) / (seen + 2)
    pat = _proportion_test(agree, seen)
    pdt = _proportion_test(disagree, seen)
    ra = pa / ((other_agree + 1) / (other_seen + 2))
    rd = pd / ((other_disagree + 1) / (other_seen + 2))
    rat = _two_proportion_test(agree, seen, other_agree, other_seen)
    rdt = _two_proportion_test(disagree, seen, other_disagree, other_seen)
    voted = (agree + disagree) > 0
    eligible = ~excluded & voted
    sufficient = eligible & (((pat > Z_90) & (rat > Z_90)) | ((pdt > Z_90) & (rdt > Z_90)))
    is_agree = rat > rdt
    metric = np.where(is_agree, ra * rat * pa * pat, rd * rdt * pd * pdt)

    def make(j: int, *, as_agree: bool = False) -> RepresentativeStatement:
        if as_agree or is_agree[j]:
            return RepresentativeStatement(
                int(statement_ids[j]), "agree", float(pa[j]), float(pat[j]), float(ra[j]), float(rat[j])
            )
        return RepresentativeStatement(
            int(statement_ids[j]), "disagree", float(pd[j]), float(pdt[j]), float(rd[j]), float(rdt[j])
        )

    # best-agree, as Pol.is tracks it while scanning
    best_agree: int | None = None
    for j in np.flatnonzero(eligible):
        if best_agree is None:
            if pat[j] > Z_90 or (ra[j] > 1 and pa[j] > 0.5):
                best_agree = int(j)
            continue
        b = best_agree
        if ra[b] > 1:
            if ra[j] * rat[j] * pa[j] * pat[j] > ra[b] * rat[b] * pa[b] * pat[b]:
                best_agree = int(j)
        elif pa[j] * pat[j] > pa[b] * pat[b]:
            best_agree = int(j)

    chosen = [int(j) for j in np.flatnonzero(sufficient)]
    chosen.sort(key=lambda j: (-metric[j], int(statement_ids[j])))
    if not chosen:
        if best_agree is not None:
            return (make(best_agree, as_agree=True),)
        candidates = np.flatnonzero(eligible)
        if len(candidates) == 0:
            return ()
        best = int(candidates[np.argmax(np.maximum(rat, rdt)[candidates])])
        return (make(best),)
    if best_agree is not None:
        chosen = [best_agree] + [j for j in chosen if j != best_agree]
    # best-agree is reported as an agree statement, as Pol.is does
    picked = [make(j, as_agree=(j == best_agree)) for j in chosen[:PICK_MAX]]
    picked.sort(key=lambda r: 0 if r.direction == "agree" else 1)
    return tuple(picked)


def _consensus(
    agree: FloatArray, disagree: FloatArray, seen: FloatArray, excluded: npt.NDArray[np.bool_], ids: IntArray
) -> tuple[tuple[ConsensusStatement, ...], tuple[ConsensusStatement, ...]]:
    out: list[tuple[ConsensusStatement, ...]] = []
    for direction, count in (("agree", agree), ("disagree", disagree)):
        p = (count + 1) / (seen + 2)
        test = _proportion_test(count, seen)
        ok = np.flatnonzero(~excluded & (p > 0.5) & (test > Z_90))
        ranked = sorted(ok, key=lambda j: (-(p[j] * test[j]), int(ids[j])))[:PICK_MAX]
        out.append(tuple(ConsensusStatement(int(ids[j]), direction, float(p[j]), float(test[j])) for j in ranked))
    return out[0], out[1]


def comment_priority(*, is_meta: bool, agree: int, passed: int, seen: int, extremity: float) -> float:
    """Return Pol.is's priority for showing a statement next (higher is shown sooner)."""
    if is_meta:
        return META_PRIORITY**2
    p = (passed + 1) / (seen + 2)
    a = (agree + 1) / (seen + 2)
    importance = (1 - p) * (extremity + 1) * a
    return (importance * (1 + 8 * 2 ** (-seen / 5))) ** 2


# ---------------------------------------------------------------------------------------------
# Bridging


def bridging_start(n_rows: int, n_cols: int, seed: int = 0) -> BridgingFit:
    """The seeded start of a full bridging fit: intercepts and μ at 0, factors uniform in ±√(6 / (rows + cols))."""
    rng = np.random.default_rng(seed)
    scale = math.sqrt(6 / (n_rows + n_cols)) if n_rows + n_cols else 0.0
    user_factors = rng.uniform(-scale, scale, n_rows)
    statement_factors = rng.uniform(-scale, scale, n_cols)
    return BridgingFit(0.0, np.zeros(n_rows), user_factors, np.zeros(n_cols), statement_factors)


def bridging_scores(
    rows: IntArray,
    cols: IntArray,
    ratings: FloatArray,
    n_rows: int,
    n_cols: int,
    *,
    seed: int = 0,
    factor_penalty: float = 0.03,
    intercept_penalty: float = 0.15,
    sweeps: int = BRIDGING_FULL_SWEEPS,
    tolerance: float = BRIDGING_FULL_TOLERANCE,
    objective_tolerance: float | None = BRIDGING_FULL_OBJECTIVE_TOLERANCE,
) -> BridgingFit:
    """Fit r̂ = μ + i_u + i_n + f_u·f_n from the seeded start (`bridging_start`) by alternating least squares.

    The intercepts are penalised five times the factors, so the factor explains partisan
    agreement first and a high statement intercept needs support from both sides. The objective
    is `bridging_objective`; `bridging_update` minimises it, here from scratch with up to `sweeps`
    sweeps, until no statement parameter moves more than `tolerance` in one. `compute` calls
    `bridging_update` itself, on the sparse matrices it already holds.
    """
    shape = (n_rows, n_cols)
    rated = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    agreed = sp.csr_matrix((np.asarray(ratings, dtype=np.float64), (rows, cols)), shape=shape)
    fit, _ = bridging_update(
        rated,
        agreed,
        bridging_start(n_rows, n_cols, seed),
        factor_penalty=factor_penalty,
        intercept_penalty=intercept_penalty,
        sweeps=sweeps,
        tolerance=tolerance,
        objective_tolerance=objective_tolerance,
    )
    return fit


def bridging_objective(
    rows: IntArray,
    cols: IntArray,
    ratings: FloatArray,
    fit: BridgingFit,
    *,
    factor_penalty: float = 0.03,
    intercept_penalty: float = 0.15,
) -> float:
    """The bridging model's objective: mean squared error plus the penalties on the means of squared parameters."""
    iu, fu, i_n, fn = fit.user_intercepts, fit.user_factors, fit.statement_intercepts, fit.statement_factors
    error = fit.mu + iu[rows] + i_n[cols] + fu[rows] * fn[cols] - ratings
    return (
        float((error**2).mean() if len(error) else 0.0)
        + intercept_penalty * (float((iu**2).mean() if len(iu) else 0) + float((i_n**2).mean() if len(i_n) else 0))
        + intercept_penalty * fit.mu**2
        + factor_penalty * (float((fu**2).mean() if len(fu) else 0) + float((fn**2).mean() if len(fn) else 0))
    )


def bridging_scores_adam(
    rows: IntArray,
    cols: IntArray,
    ratings: FloatArray,
    n_rows: int,
    n_cols: int,
    *,
    seed: int = 0,
    factor_penalty: float = 0.03,
    intercept_penalty: float = 0.15,
    learning_rate: float = 0.2,
    max_iterations: int = 2_000,
    tolerance: float = 1e-7,
) -> BridgingFit:
    """The same model fitted by full-batch Adam from the same start: how the full fit ran until 2026-12-07.

    Kept as the reference the alternating least squares fit is tested against (objective and
    scores, `tests/deliberation/test_bridging.py`); not on any live path. Stops when the
    objective changes by less than `tolerance` in a step.
    """
    start = bridging_start(n_rows, n_cols, seed)
    params = {
        "mu": np.zeros(1),
        "iu": start.user_intercepts,
        "in": start.statement_intercepts,
        "fu": start.user_factors,
        "fn": start.statement_factors,
    }
    first = {name: np.zeros_like(value) for name, value in params.items()}
    second = {name: np.zeros_like(value) for name, value in params.items()}
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8
    count = max(len(ratings), 1)
    previous_loss = math.inf
    for step in range(1, max_iterations + 1):
        mu, iu, i_n, fu, fn = (params[k] for k in ("mu", "iu", "in", "fu", "fn"))
        error = mu[0] + iu[rows] + i_n[cols] + fu[rows] * fn[cols] - ratings
        loss = (
            float((error**2).mean() if len(error) else 0.0)
            + intercept_penalty * (float((iu**2).mean() if n_rows else 0) + float((i_n**2).mean() if n_cols else 0))
            + intercept_penalty * float(mu[0] ** 2)
            + factor_penalty * (float((fu**2).mean() if n_rows else 0) + float((fn**2).mean() if n_cols else 0))
        )
        if abs(previous_loss - loss) < tolerance:
            break
        previous_loss = loss
        g = 2 * error / count
        grads = {
            "mu": np.array([g.sum() + 2 * intercept_penalty * mu[0]]),
            "iu": np.bincount(rows, weights=g, minlength=n_rows) + 2 * intercept_penalty * iu / max(n_rows, 1),
            "in": np.bincount(cols, weights=g, minlength=n_cols) + 2 * intercept_penalty * i_n / max(n_cols, 1),
            "fu": np.bincount(rows, weights=g * fn[cols], minlength=n_rows) + 2 * factor_penalty * fu / max(n_rows, 1),
            "fn": np.bincount(cols, weights=g * fu[rows], minlength=n_cols) + 2 * factor_penalty * fn / max(n_cols, 1),
        }
        for name, grad in grads.items():
            first[name] = beta1 * first[name] + (1 - beta1) * grad
            second[name] = beta2 * second[name] + (1 - beta2) * grad**2
            corrected1 = first[name] / (1 - beta1**step)
            corrected2 = second[name] / (1 - beta2**step)
            params[name] = params[name] - learning_rate * corrected1 / (np.sqrt(corrected2) + epsilon)
    return _bridging_fit(params["mu"][0], params["iu"], params["fu"], params["in"], params["fn"])


@dataclass(frozen=True, eq=False)
class BridgingFit:
    """The fitted parameters of r̂ = μ + i_u + i_n + f_u·f_n (factor sign fixed)."""

    mu: float
    user_intercepts: FloatArray
    user_factors: FloatArray
    statement_intercepts: FloatArray
    statement_factors: FloatArray


def _bridging_fit(mu: float, iu: FloatArray, fu: FloatArray, i_n: FloatArray, fn: FloatArray) -> BridgingFit:
    # Identifiability: the sign of the factor is arbitrary; fix it so most statements sit at f ≥ 0.
    if len(fn) and np.median(fn) < 0:
        fn, fu = -fn, -fu
    return BridgingFit(float(mu), iu, fu, i_n, fn)


def _ridge_2(
    count: FloatArray,
    sx: FloatArray,
    sxx: FloatArray,
    sy: FloatArray,
    sxy: FloatArray,
    intercept_weight: float,
    factor_weight: float,
) -> tuple[FloatArray, FloatArray]:
    """Per row, the (a, b) minimising Σ (y − a − b·x)² + w_a a² + w_b b², from its sums, in closed form."""
    a11, a12, a22 = count + intercept_weight, sx, sxx + factor_weight
    determinant = a11 * a22 - a12 * a12
    safe = np.where(determinant > 0, determinant, 1.0)
    intercept: FloatArray = np.where(determinant > 0, (a22 * sy - a12 * sxy) / safe, 0.0)
    factor: FloatArray = np.where(determinant > 0, (a11 * sxy - a12 * sy) / safe, 0.0)
    return intercept, factor


@dataclass(frozen=True, eq=False)
class _SideSums:
    """Per row of one side, the sums its ridge regression is solved from (y: rating less μ and the other intercept)."""

    count: FloatArray
    sx: FloatArray  # Σ x (x: the other side's factor)
    sxx: FloatArray
    sy: FloatArray
    sxy: FloatArray
    syy: FloatArray | None  # Σ y², when asked for

    def squared_error(self, intercept: FloatArray, factor: FloatArray) -> float:
        """Σ (y − a − b·x)² over every rating, for each row's (a, b): the objective's error term, without a pass."""
        if self.syy is None:
            raise EngineInputError("the sums were taken without Σ y²")
        a, b = intercept, factor
        terms = self.syy - 2 * a * self.sy - 2 * b * self.sxy + a * a * self.count + 2 * a * b * self.sx
        return float((terms + b * b * self.sxx).sum())


def _ridge_side(
    ones: sp.csr_matrix,
    agreed: sp.csr_matrix,
    count: FloatArray,
    rating: FloatArray,
    other_intercepts: FloatArray,
    other_factors: FloatArray,
    mu: float,
    weights: tuple[float, float],
    *,
    with_error: bool = False,
) -> tuple[FloatArray, FloatArray, _SideSums]:
    """One side's (intercept, factor) given the other side's: the five sums of each row, then `_ridge_2`.

    The participants given the statements, or (with the transposed matrices) the statements given
    the participants: the same algebra on either side of the ratings. Also returns the sums: μ's
    step takes the interaction term from Σ x, and with `with_error` (two more sums: Σ i² over the
    ratings, Σ i over the agrees) the squared error of any (a, b) comes from them without a pass.
    """
    f, i = other_factors, other_intercepts
    columns = [f, f * f, i, i * f, i * i] if with_error else [f, f * f, i, i * f]
    sums = np.asarray(ones @ np.column_stack(columns)).T
    sx, sxx, s_i, s_if = sums[:4]
    syy = None
    if with_error:
        s_rf, s_ri = np.asarray(agreed @ np.column_stack([f, i])).T
        # Σ (r − μ − i)² with r ∈ {0, 1}: Σ r = rating
        syy = rating * (1 - 2 * mu) - 2 * s_ri + count * mu * mu + 2 * mu * s_i + sums[4]
    else:
        s_rf = agreed @ f
    sy, sxy = rating - mu * count - s_i, s_rf - mu * sx - s_if
    intercept, factor = _ridge_2(count, sx, sxx, sy, sxy, *weights)
    return intercept, factor, _SideSums(count, sx, sxx, sy, sxy, syy)


def bridging_update(
    rated: sp.csr_matrix,
    agreed: sp.csr_matrix,
    start: BridgingFit,
    *,
    factor_penalty: float = 0.03,
    intercept_penalty: float = 0.15,
    sweeps: int = BRIDGING_SWEEPS,
    tolerance: float = BRIDGING_SWEEP_TOLERANCE,
    objective_tolerance: float | None = None,
    relaxation: float = BRIDGING_RELAXATION,
) -> tuple[BridgingFit, int]:
    """Refit the bridging model from a previous fit by alternating least squares; return it and the sweeps run.

    The objective is `bridging_objective` (mean squared error plus the penalties on the means of
    squared parameters). With the statements' parameters fixed, each participant's (i_u, f_u)
    is a 2 × 2 ridge regression solved in closed form from five sums, which are sparse
    matrix-vector products; then μ; then the statements given the participants; then μ again.
    Each block step goes `relaxation` times the way to the block's minimiser (over-relaxation);
    the objective is quadratic in each block, so for any factor in (0, 2) each step lowers it.
    Stops when no statement parameter moved more than `tolerance` in a sweep, or, with
    `objective_tolerance`, when a sweep lowered the objective by less than that (as the Adam
    fit stopped; the objective is taken from the statements' sums, without a pass).

    `rated` holds 1 on each rating (agree or disagree) and `agreed` 1 on each agree, 0 on any
    other stored cell; the statements' side works on their transposes (no copy).
    """
    n_rows, n_cols = len(start.user_intercepts), len(start.statement_intercepts)
    ones_by_row, by_row = rated, agreed
    ones_by_col, by_col = rated.T, agreed.T
    row_count = np.asarray(ones_by_row.sum(axis=1)).ravel()
    col_count = np.asarray(ones_by_row.sum(axis=0)).ravel()
    row_rating = np.asarray(by_row.sum(axis=1)).ravel()
    col_rating = np.asarray(by_row.sum(axis=0)).ravel()
    n_ratings = float(row_count.sum())
    count = max(n_ratings, 1.0)
    total = float(row_rating.sum())
    mu = start.mu
    iu, fu = start.user_intercepts.copy(), start.user_factors.copy()
    i_n, fn = start.statement_intercepts.copy(), start.statement_factors.copy()
    row_weights = (intercept_penalty * count / max(n_rows, 1), factor_penalty * count / max(n_rows, 1))
    col_weights = (intercept_penalty * count / max(n_cols, 1), factor_penalty * count / max(n_cols, 1))
    track = objective_tolerance is not None
    previous_objective = math.inf
    done = 0

    def mu_given(interaction: float) -> float:
        residual = total - float(row_count @ iu) - float(col_count @ i_n) - interaction
        return residual / (count * (1 + intercept_penalty)) if n_ratings else 0.0

    def mean_square(values: FloatArray) -> float:
        return float((values**2).mean()) if len(values) else 0.0

    for done in range(1, sweeps + 1):  # noqa: B007 (the count is returned)
        # participants, then μ given both sides (Σ f_u·f_n over the ratings = f_u · (rated @ f_n))
        new_iu, new_fu, row_sums = _ridge_side(ones_by_row, by_row, row_count, row_rating, i_n, fn, mu, row_weights)
        iu, fu = iu + relaxation * (new_iu - iu), fu + relaxation * (new_fu - fu)
        mu = mu_given(float(fu @ row_sums.sx))
        # statements, then μ again
        new_in, new_fn, col_sums = _ridge_side(
            ones_by_col, by_col, col_count, col_rating, iu, fu, mu, col_weights, with_error=track
        )
        new_in, new_fn = i_n + relaxation * (new_in - i_n), fn + relaxation * (new_fn - fn)
        moved = float(max(np.abs(new_in - i_n).max(initial=0.0), np.abs(new_fn - fn).max(initial=0.0)))
        i_n, fn = new_in, new_fn
        if track and objective_tolerance is not None:
            # the objective after the statements' step (μ not yet moved): each block step lowers it
            objective = (
                col_sums.squared_error(i_n, fn) / count
                + intercept_penalty * (mean_square(iu) + mean_square(i_n) + mu * mu)
                + factor_penalty * (mean_square(fu) + mean_square(fn))
            )
            settled = previous_objective - objective < objective_tolerance
            previous_objective = objective
        else:
            settled = False
        mu = mu_given(float(fn @ col_sums.sx))
        if moved < tolerance or settled:
            break
    return _bridging_fit(mu, iu, fu, i_n, fn), done


# ---------------------------------------------------------------------------------------------
# The update


def compute(
    votes: VoteTable,
    *,
    moderated_out: Iterable[int] = (),
    meta: Iterable[int] = (),
    statements: Sequence[int] = (),
    previous: Result | WarmStart | None = None,
    seed: int = 0,
    base_k: int = BASE_K,
    bridging: bool = True,
    bridging_sweeps: int = BRIDGING_FULL_SWEEPS,
    pca_on: str = "all",
    update: str = "full",
) -> Result:
    """Run one update of the Pol.is method (plus bridging) on all votes so far.

    `pca_on="all"` (the default) fits the principal axes on every participant's row, as Pol.is
    does; "clustered" fits them on the rows of the participants who are clustered only (our
    default until 2026-12-07; kept for comparison in the evaluation).
    `update="auto"` (the live path) updates from `previous` incrementally when it carries the
    state for it and the votes have not drifted far since the last full recompute
    (`_takes_incremental_path`); "full" (the default) always recomputes everything.
    `Result.path` says which was taken.
    """
    if pca_on not in ("clustered", "all"):
        raise EngineInputError("pca_on must be 'clustered' or 'all'")
    if update not in ("full", "auto"):
        raise EngineInputError("update must be 'full' or 'auto'")
    warm = previous.warm_start() if isinstance(previous, Result) else previous
    matrix = _build_matrix(votes, statements)
    n_p, n_s = matrix.shape
    excluded_ids = np.unique(np.asarray(list(set(moderated_out) | set(meta)), dtype=np.int64))
    excluded = np.isin(matrix.statement_ids, excluded_ids)
    values = matrix.values.astype(np.float64)

    # raw counts (every vote, moderation not applied)
    structure = matrix.structure()
    code = structure.data  # vote + 2, in CSR order
    seen_matrix = _like(structure, np.ones(len(code)))
    agree_matrix = _like(structure, (code == AGREE + 2).astype(np.float64))
    disagree_matrix = _like(structure, (code == DISAGREE + 2).astype(np.float64))
    raw_votes_per_participant = np.asarray(seen_matrix.sum(axis=1)).ravel()

    # rating-mat: mod-out columns are zero for every row, so they count as voted in n_i
    kept = ~excluded[matrix.cols]
    col_seen = np.bincount(matrix.cols[kept], minlength=n_s).astype(np.float64)
    col_sum = np.bincount(matrix.cols[kept], weights=values[kept], minlength=n_s)
    center = np.divide(col_sum, col_seen, out=np.zeros(n_s), where=col_seen > 0)
    # (v_ij − c_j) on kept cells; mod-out cells hold an explicit 0, which changes no product
    kept_cells = ~excluded[structure.indices]
    centred = _like(structure, np.where(kept_cells, code - 2 - center[structure.indices], 0.0))
    n_excluded = int(excluded.sum())
    counted = np.bincount(matrix.rows[kept], minlength=n_p) + n_excluded

    # who is clustered
    in_conv = _in_conversation(
        matrix.participant_ids,
        raw_votes_per_participant,
        threshold=min(MIN_VOTES, n_s),
        sticky=warm.in_conversation if warm is not None else (),
    )
    members = np.flatnonzero(in_conv)

    # Imputation and centring use every vote and the axes are fitted on every row, as in Pol.is
    # (pca_on="clustered": on the clustered participants' rows only; see docs/deliberation.md).
    fit_rows = members if (pca_on == "clustered" and len(members) >= 2) else np.arange(n_p)
    state = warm.incremental if warm is not None else None
    incremental = (
        update == "auto"
        and warm is not None
        and state is not None
        and _takes_incremental_path(warm, state, n_votes=len(matrix.values), bridging=bridging)
    )
    start_axes = (
        _mapped(state.statement_ids, state.components.T, matrix.statement_ids).T if incremental and state else None
    )
    components = _pca(centred[fit_rows], seed, start=start_axes)
    raw_projection = np.asarray(centred @ components.T)
    scale = np.sqrt(n_s / np.maximum(counted, 1))
    projection = raw_projection * scale[:, None]
    points = projection[members]

    base_labels = np.full(n_p, -1, dtype=np.int64)
    group_labels = np.full(n_p, -1, dtype=np.int64)
    base_centers = np.zeros((0, 2))
    base_weights = np.zeros(0, dtype=np.int64)
    silhouettes: dict[int, float] = {}
    group_centers: dict[int, FloatArray] = {}
    k_state = warm.k_state if warm is not None else KState(1, 1, 0)
    updated = None
    if incremental and warm is not None and len(members):
        updated = _update_groups(
            points, warm, _previous_labels(warm, matrix.participant_ids[members]), base_k, seed=seed
        )
    if updated is not None:
        base_centers, member_base, group_centers, member_group, silhouettes, k_state = updated
        base_weights = np.bincount(member_base, minlength=len(base_centers)).astype(np.int64)
        base_labels[members] = member_base
        group_labels[members] = member_group
    elif len(members):
        incremental = False  # the warm groups did not carry over (e.g. a group emptied): recompute
        warm_inits: list[FloatArray] = []
        if warm is not None and len(warm.base_centers):
            previous_labels = _previous_labels(warm, matrix.participant_ids[members])
            warm_inits.append(
                _warm_base_init(np.asarray(warm.base_centers, dtype=np.float64), points, base_k, previous_labels)
            )
        runs = _base_runs(points, base_k, seed=seed, starts=_base_starts(len(points)), extra_inits=warm_inits)
        base_centers, member_base, _ = min(runs, key=lambda run: run[2])  # min keeps the earliest tie
        base_weights = np.bincount(member_base, minlength=len(base_centers)).astype(np.int64)
        base_labels[members] = member_base
        previous_groups = {k: np.asarray(v, dtype=np.float64) for k, v in warm.group_centers.items()} if warm else None
        if len(base_centers) >= 2:
            labels_by_k, _, group_centers = _group_candidates(
                base_centers, base_weights.astype(np.float64), previous_groups, seed=seed
            )
            per_run = _silhouettes_per_run(runs, previous_groups, seed=seed)
            by_run = _silhouettes_by_run(per_run)
            silhouettes = {k: float(np.mean(values)) for k, values in by_run.items()}
            if labels_by_k:
                candidates = {k: v for k, v in by_run.items() if k in labels_by_k}
                best = (
                    _choose_k(candidates)
                    if warm is not None
                    else _cold_start_k([{k: v for k, v in run.items() if k in labels_by_k} for run in per_run])
                )
                k_state = _smooth_k(best, warm.k_state if warm is not None else None)
                chosen_k = k_state.current if k_state.current in labels_by_k else best
                group_centers[chosen_k], member_group = _refine_groups(
                    points, group_centers[chosen_k], labels_by_k[chosen_k][member_base], seed=seed
                )
                group_labels[members] = _order_member_groups(member_group, group_centers[chosen_k])
            else:
                group_labels[members] = 0
        else:
            group_labels[members] = 0
    n_groups = int(group_labels.max()) + 1 if len(members) else 0

    # per-group counts over clustered members (raw matrix, as Pol.is's group-votes do)
    membership = sp.csr_matrix((np.ones(len(members)), (group_labels[members], members)), shape=(max(n_groups, 1), n_p))
    group_agree = np.asarray((membership @ agree_matrix).todense())
    group_disagree = np.asarray((membership @ disagree_matrix).todense())
    group_seen = np.asarray((membership @ seen_matrix).todense())

    groups = []
    for g in range(n_groups):
        others = np.arange(n_groups) != g
        representative = _representative(
            group_agree[g],
            group_disagree[g],
            group_seen[g],
            group_agree[others].sum(axis=0),
            group_disagree[others].sum(axis=0),
            group_seen[others].sum(axis=0),
            excluded,
            matrix.statement_ids,
        )
        groups.append(
            Group(
                id=g,
                participants=tuple(int(p) for p in matrix.participant_ids[group_labels == g]),
                representative=representative,
            )
        )

    total_agree = np.asarray(agree_matrix.sum(axis=0)).ravel()
    total_disagree = np.asarray(disagree_matrix.sum(axis=0)).ravel()
    total_seen = np.asarray(seen_matrix.sum(axis=0)).ravel()
    consensus_agree, consensus_disagree = _consensus(
        total_agree, total_disagree, total_seen, excluded, matrix.statement_ids
    )

    if n_groups:
        gac = np.prod((group_agree[:n_groups] + 1) / (group_seen[:n_groups] + 2), axis=0)
        gacd = np.prod((group_disagree[:n_groups] + 1) / (group_seen[:n_groups] + 2), axis=0)
        rates = (group_agree[:n_groups] + 1) / (group_seen[:n_groups] + 2)
        divisiveness = (rates.max(axis=0) - rates.min(axis=0)) if n_groups > 1 else np.zeros(n_s)
    else:
        gac = gacd = divisiveness = np.zeros(n_s)
    extremity = np.sqrt(n_s) * np.abs(AGREE - center)[:, None] * components.T
    extremity_norm = np.sqrt((extremity**2).sum(axis=1))

    summaries = tuple(
        StatementSummary(
            statement=int(matrix.statement_ids[j]),
            agree=int(total_agree[j]),
            disagree=int(total_disagree[j]),
            passed=int(total_seen[j] - total_agree[j] - total_disagree[j]),
            extremity=float(extremity_norm[j]),
            group_aware_consensus=float(gac[j]),
            group_aware_consensus_disagree=float(gacd[j]),
            divisiveness=float(divisiveness[j]),
            per_group=tuple(
                GroupCounts(
                    int(group_agree[g, j]),
                    int(group_disagree[g, j]),
                    int(group_seen[g, j] - group_agree[g, j] - group_disagree[g, j]),
                )
                for g in range(n_groups)
            ),
            is_moderated_out=bool(excluded[j]),
        )
        for j in range(n_s)
    )

    bridging_result: tuple[BridgingScore, ...] = ()
    fit: BridgingFit | None = None
    if bridging:
        rated = kept & (matrix.values != PASS)
        # agree = 1 / disagree = 0 on kept ratings; passes and mod-out cells are stored zeros
        rated_cells = kept_cells & (code != PASS + 2)
        rated_matrix = _like(structure, rated_cells.astype(np.float64))
        agreed_matrix = _like(structure, (rated_cells & (code == AGREE + 2)).astype(np.float64))
        if incremental and state is not None:
            user = _mapped(state.participant_ids, state.user_params, matrix.participant_ids)
            statement = _mapped(state.statement_ids, state.statement_params, matrix.statement_ids)
            start = BridgingFit(state.mu, user[:, 0], user[:, 1], statement[:, 0], statement[:, 1])
            fit, _ = bridging_update(rated_matrix, agreed_matrix, start)
        else:  # the full fit: the same sweeps from the seeded start, to a finer tolerance
            fit, _ = bridging_update(
                rated_matrix,
                agreed_matrix,
                bridging_start(n_p, n_s, seed),
                sweeps=bridging_sweeps,
                tolerance=BRIDGING_FULL_TOLERANCE,
                objective_tolerance=BRIDGING_FULL_OBJECTIVE_TOLERANCE,
            )
        del rated_matrix, agreed_matrix
        intercepts, factors = fit.statement_intercepts, fit.statement_factors
        counts = np.bincount(matrix.cols[rated], minlength=n_s)
        bridging_result = tuple(
            BridgingScore(int(matrix.statement_ids[j]), float(intercepts[j]), float(factors[j]), int(counts[j]))
            for j in range(n_s)
            if counts[j] > 0
        )
    next_state = IncrementalState(
        statement_ids=matrix.statement_ids,
        components=components,
        participant_ids=matrix.participant_ids,
        user_params=np.column_stack([fit.user_intercepts, fit.user_factors]) if fit else np.zeros((0, 2)),
        statement_params=(
            np.column_stack([fit.statement_intercepts, fit.statement_factors]) if fit else np.zeros((0, 2))
        ),
        mu=fit.mu if fit else 0.0,
        votes_at_full=state.votes_at_full if incremental and state else len(matrix.values),
        updates_since_full=state.updates_since_full + 1 if incremental and state else 0,
    )

    return Result(
        participant_ids=matrix.participant_ids,
        statement_ids=matrix.statement_ids,
        projection=projection,
        in_conversation=in_conv,
        components=components,
        center=center,
        base_centers=base_centers,
        base_weights=base_weights,
        base_labels=base_labels,
        group_labels=group_labels,
        k_state=k_state,
        groups=tuple(groups),
        consensus_agree=consensus_agree,
        consensus_disagree=consensus_disagree,
        statements=summaries,
        bridging=bridging_result,
        silhouettes=silhouettes,
        group_centers=group_centers,
        seed=seed,
        path="incremental" if incremental else "full",
        incremental=next_state,
    )


def _in_conversation(
    participant_ids: IntArray, vote_counts: FloatArray, *, threshold: int, sticky: Sequence[int]
) -> npt.NDArray[np.bool_]:
    """Mark who is clustered: Pol.is's `in-conv` (METHOD.md 1.2).

    As `:in-conv` in compdemocracy/polis math/src/polismath/math/conversation.clj
    (`base-conv-update-graph`): the previous update's members (sticky) joined with everyone who
    has voted on at least `threshold` statements; if that leaves fewer than 15 (`greedy-n`), the
    15 − |in-conv| participants with the most votes among those **not yet in** are added — never
    the 15 most active on top of the members, which could give more than 15. Ties in the vote
    count go to the smaller participant id (Pol.is's order among ties is a hash map's). Only
    participants with a vote are candidates (Pol.is's rows are made by votes).
    """
    voted = vote_counts > 0
    in_conv = voted & (vote_counts >= threshold)
    if len(sticky):
        in_conv |= voted & np.isin(participant_ids, np.asarray(sticky, dtype=np.int64))
    missing = MIN_IN_CONVERSATION - int(in_conv.sum())
    if missing > 0:
        outside = np.flatnonzero(voted & ~in_conv)
        order = outside[np.lexsort((participant_ids[outside], -vote_counts[outside]))]
        in_conv[order[:missing]] = True
    return in_conv


def _takes_incremental_path(warm: WarmStart, state: IncrementalState, *, n_votes: int, bridging: bool) -> bool:
    """Tell whether an update may start from `warm` instead of recomputing everything.

    Only while the votes have grown by less than FULL_AFTER_GROWTH since the last full
    recompute and fewer than FULL_AFTER_UPDATES updates have been incremental; the incremental
    path keeps the group count and the base clusters' local optimum, which only a full
    recompute revisits.
    """
    return (
        len(warm.base_members) == len(warm.in_conversation) > 0
        and len(warm.base_centers) >= 2
        and warm.k_state.current in warm.group_centers
        and len(warm.group_centers[warm.k_state.current]) == warm.k_state.current
        and (state.bridged or not bridging)
        and state.updates_since_full < FULL_AFTER_UPDATES
        and n_votes <= state.votes_at_full * (1 + FULL_AFTER_GROWTH)
    )


def _mapped(known_ids: IntArray, values: FloatArray, ids: IntArray) -> FloatArray:
    """Return `values` (rows keyed by sorted `known_ids`) for `ids`; rows for unknown ids are 0."""
    out = np.zeros((len(ids), values.shape[1]))
    if len(known_ids):
        at = np.minimum(np.searchsorted(known_ids, ids), len(known_ids) - 1)
        found = known_ids[at] == ids
        out[found] = values[at[found]]
    return out


def _previous_labels(warm: WarmStart, member_ids: IntArray) -> IntArray | None:
    """Each member's base cluster in the previous update (−1 for none); None for old warm starts."""
    if len(warm.base_members) != len(warm.in_conversation):
        return None
    known_ids = np.asarray(warm.in_conversation, dtype=np.int64)
    known_labels = np.asarray(warm.base_members, dtype=np.int64)
    if not len(known_ids):
        return np.full(len(member_ids), -1, dtype=np.int64)
    order = np.argsort(known_ids, kind="stable")
    at = np.minimum(np.searchsorted(known_ids[order], member_ids), len(order) - 1)
    found = known_ids[order][at] == member_ids
    labels: IntArray = np.where(found, known_labels[order][at], -1)
    return labels


def _update_groups(
    points: FloatArray, warm: WarmStart, previous_labels: IntArray | None, base_k: int, *, seed: int
) -> tuple[FloatArray, IntArray, dict[int, FloatArray], IntArray, dict[int, float], KState] | None:
    """The incremental group step: warm Lloyd iterations instead of seeded restarts; None if it cannot.

    Base clusters: the previous clusters re-centred on their members' new positions (METHOD.md
    1.5), then up to UPDATE_ITERATIONS Lloyd iterations over all clustered participants. The k
    smoother advances on every update, as Pol.is's does (METHOD.md 1.5 step 4): each k's
    grouping of the new base centres (`_group_candidates`, from the previous centres for that k
    among its starts) is scored by silhouette and the best (one clustering: the largest) is fed
    to `_smooth_k`. Groups: if the smoother keeps the previous count, weighted k-means on the new
    base centres from the previous group centres; if it moves to another, that count's
    candidate. Then finished on the participants as in a full recompute (from there, against
    REFINE_STARTS seeded starts on the participants, lowest inertia), so both paths pick the
    same grouping when one is best.
    """
    init = _warm_base_init(np.asarray(warm.base_centers, dtype=np.float64), points, base_k, previous_labels)
    weights = np.ones(len(points))
    base_centers, member_base, _ = _best_kmeans(
        points, weights, base_k, iterations=UPDATE_ITERATIONS, seed=0, starts=0, extra_inits=[init]
    )
    if len(base_centers) < 2:
        return None
    base_weights = np.bincount(member_base, minlength=len(base_centers)).astype(np.float64)
    previous_groups = {g: np.asarray(c, dtype=np.float64) for g, c in warm.group_centers.items()}
    labels_by_k, silhouettes, centers_by_k = _group_candidates(base_centers, base_weights, previous_groups, seed=seed)
    if not labels_by_k:
        return None
    k_state = _smooth_k(_choose_k({k: [value] for k, value in silhouettes.items()}), warm.k_state)
    k = k_state.current
    if k not in labels_by_k:
        return None
    if k == warm.k_state.current:
        found, base_group, _ = _best_kmeans(
            base_centers,
            base_weights,
            k,
            iterations=GROUP_ITERATIONS,
            seed=0,
            starts=0,
            tolerance=1e-9,
            extra_inits=[previous_groups[k]],
        )
    else:
        found, base_group = centers_by_k[k], labels_by_k[k]
    if len(found) != k:
        return None
    refined, member_group = _refine_groups(points, found, base_group[member_base], seed=seed)
    if len(refined) != k:
        return None
    group_centers = {**previous_groups, **centers_by_k}
    group_centers[k] = refined
    return (
        base_centers,
        member_base,
        group_centers,
        _order_member_groups(member_group, refined),
        silhouettes,
        k_state,
    )


def _warm_base_init(
    previous_centers: FloatArray, points: FloatArray, k: int, previous_labels: IntArray | None = None
) -> FloatArray:
    """Start from the previous base clusters; split off the most distant points until there are k.

    With `previous_labels` (each point's previous base cluster, −1 for none) the previous
    clusters are re-centred on their members' current positions and identical centres merged,
    as METHOD.md 1.5 describes Pol.is's warm start; without, the previous centres are used.
    """
    centers = np.unique(np.round(previous_centers, 12), axis=0)
    if previous_labels is not None and (previous_labels >= 0).any():
        known = previous_labels >= 0
        ids, inverse = np.unique(previous_labels[known], return_inverse=True)
        sums = np.stack(
            [np.bincount(inverse, weights=points[known, d], minlength=len(ids)) for d in range(points.shape[1])],
            axis=1,
        )
        recentred = sums / np.bincount(inverse, minlength=len(ids))[:, None]
        _, first = np.unique(np.round(recentred, 12), axis=0, return_index=True)
        centers = recentred[np.sort(first)]  # identical centres merged, previous cluster order kept
    distinct = _first_distinct(points, k)
    target = min(k, len(distinct))
    if len(centers) > target:
        centers = centers[:target]
    while len(centers) < target:
        nearest = _squared_distances(points, centers).min(axis=1)
        centers = np.vstack([centers, points[int(np.argmax(nearest))]])
        if nearest.max() == 0:
            break
    return centers


def _base_runs(
    points: FloatArray, k: int, *, seed: int, starts: int, extra_inits: Sequence[FloatArray]
) -> list[tuple[FloatArray, IntArray, float]]:
    """Run the base k-means once from each start (the extra inits, then seeded ones); return every run.

    The run with the lowest inertia gives the base clusters; all of them vote on the group count
    (`_silhouettes_by_run`, `_choose_k`).
    """
    runs = []
    weights = np.ones(len(points))
    for init in extra_inits:
        runs.append(
            _best_kmeans(points, weights, k, iterations=BASE_ITERATIONS, seed=seed, starts=0, extra_inits=[init])
        )
    for start in range(starts):
        runs.append(_best_kmeans(points, weights, k, iterations=BASE_ITERATIONS, seed=seed * 1_000 + start, starts=1))
    return runs


def _silhouettes_per_run(
    runs: Sequence[tuple[FloatArray, IntArray, float]], previous: dict[int, FloatArray] | None, *, seed: int
) -> list[dict[int, float]]:
    """Return, for each base run (with at least two base clusters), each group count's silhouette on its centres.

    A run with fewer base clusters allows fewer group counts (Pol.is: k ≤ 2 + ⌊clusters / 12⌋), so
    the runs' dicts need not have the same keys.
    """
    per_run: list[dict[int, float]] = []
    # Runs that ended on the same base clusters (every run, below BASE_K distinct points: each point
    # is its own cluster) give the same silhouettes: `_group_candidates` is a function of its inputs,
    # and `_best_kmeans` numbers centres by position, so equal clusters are equal arrays. Each
    # distinct one is scored once.
    scored: dict[tuple[bytes, bytes], dict[int, float]] = {}
    for centers, labels, _ in runs:
        if len(centers) < 2:
            continue
        weights = np.bincount(labels, minlength=len(centers)).astype(np.float64)
        key = (np.ascontiguousarray(centers).tobytes(), weights.tobytes())
        if key not in scored:
            _, silhouettes, _ = _group_candidates(centers, weights, previous, seed=seed)
            scored[key] = dict(silhouettes)
        per_run.append(dict(scored[key]))
    return per_run


def _silhouettes_by_run(per_run: Sequence[dict[int, float]]) -> dict[int, list[float]]:
    """Return each group count's silhouettes (on base centres, as Pol.is) over the runs that allow it.

    One run's base clusters are one local optimum among many; the silhouettes of k = 2…5 differ
    by a few hundredths from run to run, enough to flip the choice. Their mean over the runs is
    the same estimate with less of that noise, and their spread says how much noise is left
    (`_choose_k`).
    """
    totals: dict[int, list[float]] = {}
    for silhouettes in per_run:
        for k, value in silhouettes.items():
            totals.setdefault(k, []).append(value)
    return dict(sorted(totals.items()))


def _choose_k(by_run: dict[int, list[float]]) -> int:
    """Return the group count: the fewest groups whose mean silhouette is within one standard error of the best.

    The one-standard-error rule of model selection (Breiman et al. 1984; Tibshirani, Walther &
    Hastie's gap statistic chooses k the same way): the best mean silhouette is an estimate over
    the base runs, and a smaller k that the runs cannot tell apart from it is preferred, as the
    simpler grouping. The standard error is the best k's sample standard deviation over the runs
    divided by √runs; with one run (or runs that all agree) it is 0 and the best mean is taken, as
    Pol.is takes the best silhouette. Ties keep the smaller k.
    """
    if not by_run:
        raise EngineInputError("no group count to choose from")
    means = {k: float(np.mean(values)) for k, values in by_run.items()}
    best = max(sorted(means), key=lambda k: means[k])
    values = by_run[best]
    error = float(np.std(values, ddof=1) / math.sqrt(len(values))) if len(values) > 1 else 0.0
    return min(k for k in means if means[k] >= means[best] - error)


def _cold_start_k(per_run: Sequence[dict[int, float]], start: int = 2) -> int:
    """Return the group count of a cold start: Pol.is's smoother run over the base runs.

    In Pol.is a conversation's first updates can only have 2 groups (fewer than 12 base
    clusters), and the smoother leaves a k only for one that has been best in K_BUFFER
    consecutive updates. A cold start has no updates; its base runs stand in for them (each is
    a fresh base clustering of the same votes, as each Pol.is update is). The runs have no order,
    so a k replaces `start` only if it would whatever order they came in: it is the best (largest
    silhouette, ties to the smaller k) in c of the n runs with c > (s − 1)(n − c + 1), where s =
    min(K_BUFFER, n) — the other n − c runs cannot then break its wins into streaks shorter
    than s. With 8 runs that is 7 of 8; with one run, Pol.is's plain maximum. Each run's best is
    taken among the counts that run allows (`per_run`: one dict of silhouettes per run).
    """
    by_run = _silhouettes_by_run(per_run)
    if not by_run:
        raise EngineInputError("no group count to choose from")
    bests = [max(sorted(silhouettes), key=lambda k: silhouettes[k]) for silhouettes in per_run if silhouettes]
    runs = len(bests)
    needed = min(K_BUFFER, runs)
    for k in sorted(set(bests)):
        wins = bests.count(k)
        if k != start and wins > (needed - 1) * (runs - wins + 1):
            return k
    return start if start in by_run else _choose_k(by_run)


def _refine_groups(
    points: FloatArray, centers: FloatArray, labels: IntArray, *, seed: int, starts: int = REFINE_STARTS
) -> tuple[FloatArray, IntArray]:
    """Finish the chosen grouping on the participants themselves, by the k-means objective.

    Candidates: Lloyd iterations on the participants from the base-cluster grouping's centres,
    and REFINE_STARTS seeded k-means++ starts on the participants; the lowest inertia wins
    (ties keep the base-cluster grouping). Pol.is stops at the grouping of base clusters; see
    docs/deliberation.md for why we go on.

    The method's own start (Pol.is: the first k distinct points; here in order of position, so
    not of listing) is kept unless the best other candidate lowers the inertia by more than one
    participant's average share of it (I/n): k-means on opinion maps often has two solutions
    a few participants apart whose objectives differ by far less than that, and between those
    the method's own start, not the luck of the seeded starts, decides.
    """
    k = len(centers)
    weights = np.ones(len(points))
    member_means = np.stack([points[labels == g].mean(axis=0) if (labels == g).any() else centers[g] for g in range(k)])
    found, found_labels, found_inertia = _best_kmeans(
        points,
        weights,
        k,
        iterations=BASE_ITERATIONS,
        seed=seed,
        starts=starts,
        tolerance=1e-9,
        extra_inits=[member_means],
    )
    order = _canonical_order(points)
    own_centers, own_sorted = _kmeans(
        points[order], weights, _first_distinct(points, k, order), BASE_ITERATIONS, tolerance=1e-9
    )
    if len(own_centers) < k:  # a cluster emptied: the method's start gave fewer groups
        return found, found_labels
    own_labels = np.empty(len(points), dtype=np.int64)
    own_labels[order] = own_sorted
    if _inertia(points, weights, own_centers, own_labels) <= found_inertia * (1 + 1 / len(points)):
        return own_centers, own_labels
    return found, found_labels


def _order_member_groups(labels: IntArray, centers: FloatArray) -> IntArray:
    """Number groups by size (largest first), then by position, so labels are stable."""
    n_groups = int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=n_groups)
    order = np.lexsort((centers[:n_groups, 0], -sizes))
    rank = np.empty(n_groups, dtype=np.int64)
    rank[order] = np.arange(n_groups)
    return rank[labels]


def _order_groups(base_to_group: IntArray, weights: IntArray, centers: FloatArray) -> IntArray:
    """Number groups by size (largest first), then by position, so labels are stable."""
    n_groups = int(base_to_group.max()) + 1
    sizes = np.bincount(base_to_group, weights=weights, minlength=n_groups)
    xs = np.array([centers[base_to_group == g, 0].mean() for g in range(n_groups)])
    order = np.lexsort((xs, -sizes))
    rank = np.empty(n_groups, dtype=np.int64)
    rank[order] = np.arange(n_groups)
    return rank[base_to_group]
