"""Measure the engine against Pol.is's own groups on real exports, beside red-dwarf in the same process."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from solidarity.deliberation import engine, polis_io


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
    ours_all_rows: Measurement | None = None  # the engine with Pol.is's own all-rows PCA


def conversation_folders(root: Path) -> list[Path]:
    """Return the folders under root that hold a Pol.is export, in name order."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "participants-votes.csv").is_file())


def _ari_against(truth: dict[int, int], labels: dict[int, int]) -> float | None:
    common = sorted(set(truth) & set(labels))
    if not common:
        return None
    return engine.adjusted_rand_index([truth[p] for p in common], [labels[p] for p in common])


def run_engine(
    export: polis_io.PolisExport, *, seed: int = 0, pca_on: str = "clustered"
) -> tuple[engine.Result, float]:
    """Run the engine cold on an export; return the result and the seconds it took."""
    started = time.perf_counter()
    table = engine.VoteTable.from_tuples(export.vote_tuples())
    result = engine.compute(table, moderated_out=export.moderated_out(), seed=seed, bridging=False, pca_on=pca_on)
    return result, time.perf_counter() - started


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


def evaluate(folder: Path, *, with_reference: bool = True, seed: int = 0) -> ConversationEvaluation:
    """Evaluate one conversation folder."""
    export = polis_io.read_export(folder)
    truth = {p.id: p.group for p in export.participants if p.group is not None}
    result, seconds = run_engine(export, seed=seed)
    ours = Measurement("solidarity", _ari_against(truth, result.group_of()), len(result.groups), seconds)
    all_rows, all_seconds = run_engine(export, seed=seed, pca_on="all")
    ours_all_rows = Measurement(
        "solidarity, all-rows PCA", _ari_against(truth, all_rows.group_of()), len(all_rows.groups), all_seconds
    )
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
        ours_all_rows=ours_all_rows,
    )


def evaluate_all(root: Path, *, with_reference: bool = True) -> Iterator[ConversationEvaluation]:
    """Evaluate every conversation under root."""
    for folder in conversation_folders(root):
        yield evaluate(folder, with_reference=with_reference)
