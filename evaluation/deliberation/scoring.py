"""Measure the engine against Pol.is's own groups on real exports, beside red-dwarf in the same process.

Two ways to run the engine: a cold start on the final vote matrix, and a *replay* of the vote log
(votes.csv) in time order, recomputing as the votes arrive and chaining each result into the next
exactly as the live background recompute does (services.compute_results: the previous version's
`WarmStart`, stored as JSON, is the next update's `previous=`). Pol.is's own groups come from such a
chain of warm-started updates with a smoother on k (METHOD.md 1.5), so the replay is the closer
imitation of how they were produced.
"""

from __future__ import annotations

import json
import math
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from solidarity.deliberation import engine, polis_io

# The replay's cadence, fixed from the method's description before any replay figure was seen:
# an update whenever the number of votes cast has grown by 1 % since the previous update (so one
# update per vote for the first 100 votes, then a bounded relative change per update; 402,
# 631 and 683 updates on 15-per-hour, biodiversity and vtaiwan). Pol.is recomputes on almost
# every vote at these conversations' rates (the live 5 s throttle would give 1,784 / 28,116 /
# 35,909 updates), which at ~0.1 s an update is too slow for an evaluation run. See
# docs/deliberation.md.
REPLAY_GROWTH = 0.01


@dataclass(frozen=True)
class Measurement:
    """One implementation's figures on one conversation."""

    implementation: str
    ari: float | None
    groups: int
    seconds: float
    error: str = ""


@dataclass(frozen=True)
class ConversationEvaluation:
    """The engine and the reference on one conversation, and Pol.is's own group count."""

    name: str
    participants: int
    statements: int
    votes: int
    polis_groups: int | None
    ours: Measurement
    reference: Measurement
    ours_clustered_rows: Measurement | None = None  # the engine with the axes fitted on clustered rows only
    replay: Measurement | None = None  # the engine replaying votes.csv with warm-started updates
    replay_updates: int = 0
    replay_full_updates: int = 0  # of replay_updates, the full recomputes (the rest incremental)
    base_ceiling: float | None = None  # the best grouping of our cold start's base clusters (see below)


@dataclass(frozen=True, eq=False)
class Replay:
    """The last result of a replay, the vote counts at which each update ran, the seconds taken,
    and how many of the updates were full recomputes (the rest took the incremental path)."""

    result: engine.Result
    updates: tuple[int, ...]
    seconds: float
    full_updates: int


def conversation_folders(root: Path) -> list[Path]:
    """Return the folders under root that hold a Pol.is export, in name order."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "participants-votes.csv").is_file())


def adjusted_rand_index(left: Sequence[int], right: Sequence[int]) -> float:
    """Return the adjusted Rand index of two labelings of the same items."""
    a = np.asarray(left)
    b = np.asarray(right)
    if len(a) != len(b):
        raise engine.EngineInputError("labelings differ in length")
    if len(a) < 2:
        return 1.0
    _, ai = np.unique(a, return_inverse=True)
    _, bi = np.unique(b, return_inverse=True)
    table = sp.coo_matrix((np.ones(len(a)), (ai, bi))).toarray()

    def pairs(x: npt.NDArray[np.float64]) -> float:
        return float((x * (x - 1) / 2).sum())

    index = pairs(table)
    rows = pairs(table.sum(axis=1))
    cols = pairs(table.sum(axis=0))
    total = len(a) * (len(a) - 1) / 2
    expected = rows * cols / total
    maximum = (rows + cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)


def _ari_against(truth: dict[int, int], labels: dict[int, int]) -> float | None:
    common = sorted(set(truth) & set(labels))
    if not common:
        return None
    return adjusted_rand_index([truth[p] for p in common], [labels[p] for p in common])


def base_cluster_ceiling(result: engine.Result, truth: dict[int, int]) -> float | None:
    """Return the ARI of the best grouping of `result`'s base clusters against Pol.is's groups.

    Each base cluster goes whole to the Pol.is group most of its clustered members are in: the
    grouping that misplaces the fewest participants. The group step (weighted k-means on the
    base centres) can only choose among groupings of base clusters, so a figure here below a
    target says no better group step reaches it on this map and these base clusters; the gap
    between it and our ARI is what the group step loses.
    """
    base = {int(p): int(b) for p, b in zip(result.participant_ids, result.base_labels, strict=True) if b >= 0}
    common = sorted(set(truth) & set(base))
    if not common:
        return None
    members: dict[int, list[int]] = {}
    for participant in common:
        members.setdefault(base[participant], []).append(truth[participant])
    majority = {b: max(sorted(set(groups)), key=groups.count) for b, groups in members.items()}
    return adjusted_rand_index([truth[p] for p in common], [majority[base[p]] for p in common])


def run_engine(export: polis_io.PolisExport, *, seed: int = 0, pca_on: str = "all") -> tuple[engine.Result, float]:
    """Run the engine cold on an export; return the result and the seconds it took."""
    started = time.perf_counter()
    table = engine.VoteTable.from_tuples(export.vote_tuples())
    result = engine.compute(table, moderated_out=export.moderated_out(), seed=seed, bridging=False, pca_on=pca_on)
    return result, time.perf_counter() - started


def replay_schedule(timestamps: Sequence[int], growth: float = REPLAY_GROWTH) -> list[int]:
    """Return the cumulative vote counts (over time-sorted votes) at which the replay recomputes.

    An update runs once the votes have grown by `growth` (a fraction) since the previous update,
    and at least one vote later; votes cast at the same instant are never split across updates.
    The last entry is always the number of votes.
    """
    if not growth > 0:
        raise ValueError("growth must be positive")
    n = len(timestamps)
    ends: list[int] = []
    done = 0
    while done < n:
        end = min(n, max(done + 1, math.ceil(done * (1 + growth))))
        while end < n and timestamps[end] == timestamps[end - 1]:
            end += 1
        ends.append(end)
        done = end
    return ends


def replay(
    votes: Iterable[polis_io.ImportedVote],
    *,
    moderated_out: Iterable[int] = (),
    seed: int = 0,
    growth: float = REPLAY_GROWTH,
    schedule: Sequence[int] | None = None,
    update: str = "auto",
) -> Replay:
    """Replay a vote log in time order, recomputing at each point of the schedule.

    Each update sees every vote cast up to then (the last vote per pair wins, as in the engine)
    and starts from the previous update's warm start after a JSON round trip, exactly as the
    live recompute stores and reloads it, and takes the live path's way (`update="auto"`:
    incremental between full recomputes; "full" recomputes every time). Moderation is the final
    one throughout (exports carry no moderation times). Ties in time keep the log's order.
    """
    started = time.perf_counter()
    ordered = sorted(votes, key=lambda v: v.timestamp)
    if not ordered:
        raise engine.EngineInputError("no votes to replay")
    timestamps = [v.timestamp for v in ordered]
    ends = list(schedule) if schedule is not None else replay_schedule(timestamps, growth)
    if not ends or ends[-1] != len(ordered) or any(b <= a for a, b in zip([0, *ends], ends, strict=False)):
        raise engine.EngineInputError("the schedule must rise strictly and end at the number of votes")
    participants = np.asarray([v.participant for v in ordered], dtype=np.int64)
    statements = np.asarray([v.statement for v in ordered], dtype=np.int64)
    values = np.asarray([v.value for v in ordered], dtype=np.int64)
    excluded = list(moderated_out)
    paths = {"full": 0, "incremental": 0}
    stored: str | None = None
    result: engine.Result | None = None
    for end in ends:
        table = engine.VoteTable.from_arrays(participants[:end], statements[:end], values[:end])
        previous = engine.WarmStart.from_json(json.loads(stored)) if stored is not None else None
        result = engine.compute(
            table, moderated_out=excluded, previous=previous, seed=seed, bridging=False, update=update
        )
        stored = json.dumps(result.warm_start().to_json())
        paths[result.path] += 1
    if result is None:  # unreachable: the schedule is not empty
        raise engine.EngineInputError("no update ran")
    return Replay(result, tuple(ends), time.perf_counter() - started, full_updates=paths["full"])


def order_sensitivity(export: polis_io.PolisExport, *, runs: int = 10, seed: int = 0) -> tuple[float, ...]:
    """Return the cold start's ARI against Pol.is's groups with the participants listed in `runs` random orders.

    The method starts its k-means from the first distinct points in participant order (Pol.is:
    the order participants arrived in), so the order is an arbitrary input the groups depend on.
    The spread of these figures is how much of an ARI is that arbitrary start rather than the
    method; the ids are relabelled and mapped back, nothing else changes.
    """
    truth = {p.id: p.group for p in export.participants if p.group is not None}
    votes = export.vote_tuples()
    ids = sorted({participant for participant, _, _ in votes})
    rng = np.random.default_rng(seed)
    figures: list[float] = []
    for _ in range(runs):
        order = rng.permutation(len(ids))
        relabel = {participant: int(order[i]) for i, participant in enumerate(ids)}
        back = {new: old for old, new in relabel.items()}
        table = engine.VoteTable.from_tuples([(relabel[p], s, v) for p, s, v in votes])
        result = engine.compute(table, moderated_out=export.moderated_out(), seed=seed, bridging=False)
        ari = _ari_against(truth, {back[p]: g for p, g in result.group_of().items()})
        if ari is not None:
            figures.append(ari)
    return tuple(figures)


def run_red_dwarf(export: polis_io.PolisExport, *, seed: int = 0) -> tuple[dict[int, int], int, float]:
    """Run red-dwarf's Pol.is pipeline on the same votes; return labels, group count and seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its pydantic models warn at import; not ours to fix
        from reddwarf.implementations import polis as red_dwarf  # heavy (pandas, sklearn): import on use

    votes = [{"participant_id": p, "statement_id": s, "vote": v, "modified": 0} for p, s, v in export.vote_tuples()]
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = red_dwarf.run_pipeline(votes=votes, mod_out_statement_ids=export.moderated_out(), random_state=seed)
    seconds = time.perf_counter() - started
    frame = result.participants_df
    labels = {int(pid): int(cluster) for pid, cluster in frame["cluster_id"].dropna().items()}
    return labels, len(set(labels.values())), seconds


def evaluate(
    folder: Path, *, with_reference: bool = True, with_replay: bool = True, seed: int = 0
) -> ConversationEvaluation:
    """Evaluate one conversation folder."""
    export = polis_io.read_export(folder)
    log = polis_io.read_vote_log(folder) if with_replay else None
    if log is not None:
        known = {s.id for s in export.statements}
        stray = next((v for v in log if v.statement not in known), None)
        if stray is not None:
            raise polis_io.PolisFormatError(f"votes.csv: vote on statement {stray.statement}, not in comments.csv")
    truth = {p.id: p.group for p in export.participants if p.group is not None}
    result, seconds = run_engine(export, seed=seed)
    ours = Measurement("solidarity", _ari_against(truth, result.group_of()), len(result.groups), seconds)
    clustered_rows, clustered_seconds = run_engine(export, seed=seed, pca_on="clustered")
    ours_clustered_rows = Measurement(
        "solidarity, clustered-rows PCA",
        _ari_against(truth, clustered_rows.group_of()),
        len(clustered_rows.groups),
        clustered_seconds,
    )
    replayed: Measurement | None = None
    updates = full_updates = 0
    if log:
        outcome = replay(log, moderated_out=export.moderated_out(), seed=seed)
        replayed = Measurement(
            "solidarity, replayed",
            _ari_against(truth, outcome.result.group_of()),
            len(outcome.result.groups),
            outcome.seconds,
        )
        updates = len(outcome.updates)
        full_updates = outcome.full_updates
    elif with_replay:  # no log, or a header alone: nothing to replay, said in the table, not a traceback
        error = "no votes.csv" if log is None else "votes.csv holds no votes"
        replayed = Measurement("solidarity, replayed", None, 0, 0.0, error=error)
    if with_reference:
        try:
            labels, groups, ref_seconds = run_red_dwarf(export, seed=seed)
            reference = Measurement("red-dwarf", _ari_against(truth, labels), groups, ref_seconds)
        except Exception as error:
            reference = Measurement("red-dwarf", None, 0, 0.0, error=type(error).__name__)
    else:
        reference = Measurement("red-dwarf", None, 0, 0.0, error="skipped")
    return ConversationEvaluation(
        name=folder.name,
        participants=len(export.participants),
        statements=len(export.statements),
        votes=sum(len(p.votes) for p in export.participants),
        polis_groups=export.groups,
        ours=ours,
        reference=reference,
        ours_clustered_rows=ours_clustered_rows,
        replay=replayed,
        replay_updates=updates,
        replay_full_updates=full_updates,
        base_ceiling=base_cluster_ceiling(result, truth),
    )


def evaluate_all(
    root: Path, *, with_reference: bool = True, with_replay: bool = True
) -> Iterator[ConversationEvaluation]:
    """Evaluate every conversation under root."""
    for folder in conversation_folders(root):
        yield evaluate(folder, with_reference=with_reference, with_replay=with_replay)
