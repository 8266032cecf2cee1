"""Common-ground engine: time and peak memory beside red-dwarf, on real and synthetic conversations.

Every measurement runs in a fresh process (so peak memory is its own), with a time limit.
Peak memory is the process's high-water resident size minus its size just before the engine ran,
so it counts what the computation added, not the interpreter or the input arrays.

- bowling-green (2,031 × 896, 225k votes, real): engine (Pol.is method; and with bridging) and red-dwarf.
- synthetic 20k × 1k × 1M: engine and red-dwarf (red-dwarf's dense pivot still fits).
- synthetic 100k × 5k × 5M: engine only; red-dwarf's dense participants × statements matrices
  would need about 12 GiB (three dense float64 copies), so it is not run on a shared machine.
- synthetic 1M × 10k × 50M: engine only, full run only, killed if over its time limit.
- at 100k × 5k × 5M (and 1M × 10k × 50M in a full run) also the recompute as the live path runs
  it (bridging on), beside the engine without bridging measured just before at the same size,
  and the incremental update after 1,000 new votes from the previous one.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench.table import Row

DATA = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "deliberation" / "american-assembly.bowling-green"
)
BENCH = "deliberation"


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def _synthetic(participants: int, statements: int, votes: int, seed: int = 0) -> tuple[Any, Any, Any]:
    """Three opinion camps; 5 % of statements everyone agrees with; votes placed at random."""
    import numpy as np

    rng = np.random.default_rng(seed)
    camps = rng.integers(0, 3, participants)
    loading = rng.normal(0, 1, (statements, 3))
    loading[: statements // 20] = 1.5
    who = rng.integers(0, participants, votes)
    what = rng.integers(0, statements, votes)
    score = loading[what, camps[who]] + rng.normal(0, 0.8, votes)
    value = np.where(np.abs(score) < 0.2, 0, np.sign(score)).astype(np.int8)
    # one vote per (participant, statement), as an export holds; red-dwarf refuses duplicates
    _, first = np.unique(who.astype(np.int64) * statements + what, return_index=True)
    return who[first], what[first], value[first]


def _load(kind: str, size: tuple[int, int, int]) -> tuple[Any, Any, Any, list[int]]:
    import numpy as np

    if kind == "real":
        from solidarity.deliberation import polis_io

        export = polis_io.read_export(DATA)
        array = np.asarray(export.vote_tuples(), dtype=np.int64)
        return array[:, 0], array[:, 1], array[:, 2], export.moderated_out()
    who, what, value = _synthetic(*size)
    return who, what, value, []


def _run(implementation: str, who: Any, what: Any, value: Any, moderated: list[int]) -> float:
    """Run one implementation once; return the seconds it took (after building its input)."""
    if implementation == "red-dwarf":
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from reddwarf.implementations import polis as red_dwarf
        votes = [
            {"participant_id": int(p), "statement_id": int(s), "vote": int(v), "modified": 0}
            for p, s, v in zip(who, what, value, strict=True)
        ]
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            red_dwarf.run_pipeline(votes=votes, mod_out_statement_ids=moderated, random_state=0)
        return time.perf_counter() - started
    from solidarity.deliberation import engine

    if implementation == "incremental":
        return _incremental(who, what, value, moderated)
    table = engine.VoteTable.from_arrays(who, what, value)
    started = time.perf_counter()
    engine.compute(table, moderated_out=moderated, bridging=implementation == "engine+bridging")
    return time.perf_counter() - started


def _incremental(who: Any, what: Any, value: Any, moderated: list[int], new_votes: int = 1_000) -> float:
    """Time the live update after `new_votes` more votes: bridging on, incremental from the previous version.

    As `services.compute_results` runs it: the previous result's warm start goes through JSON
    (it is stored in the ResultVersion) and is the next update's `previous=`, with
    `update="auto"`; the figure is refused unless the incremental path was taken. Only the
    second update is timed (JSON parsing included); reading votes from the database and
    writing the report are not.
    """
    import json

    from solidarity.deliberation import engine

    # 1,000 at the measured sizes; 1 % on the tiny warm-up conversation, which more would send to a full recompute
    cut = max(len(who) - min(new_votes, len(who) // 100), 0)
    first = engine.compute(engine.VoteTable.from_arrays(who[:cut], what[:cut], value[:cut]), moderated_out=moderated)
    stored = json.dumps(first.warm_start().to_json())
    del first
    table = engine.VoteTable.from_arrays(who, what, value)
    started = time.perf_counter()
    warm = engine.WarmStart.from_json(json.loads(stored))
    result = engine.compute(table, moderated_out=moderated, previous=warm, update="auto")
    seconds = time.perf_counter() - started
    if result.path != "incremental":  # the figure is the incremental update's, never a full one
        raise RuntimeError(f"the update took the {result.path} path")
    return seconds


def _worker(connection: Any, implementation: str, kind: str, size: tuple[int, int, int]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    # warm up on a tiny conversation, so lazy imports are not counted as computation
    _run(implementation, *_synthetic(300, 30, 3_000), [])
    who, what, value, moderated = _load(kind, size)
    before = _rss_mib()
    seconds = _run(implementation, who, what, value, moderated)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    connection.send((seconds, max(peak - before, 0.0)))
    connection.close()


def measure(implementation: str, kind: str, size: tuple[int, int, int], limit: float) -> tuple[float, float] | None:
    """Run one measurement in a fresh process; None when it ran over `limit` seconds or failed."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_worker, args=(sender, implementation, kind, size))
    process.start()
    sender.close()
    result = None
    if receiver.poll(limit):
        try:
            result = receiver.recv()
        except EOFError:
            result = None
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
        process.join()
    return result


def _rows(name: str, ours: tuple[float, float] | None, reference: tuple[float, float] | None, note: str) -> list[Row]:
    rows = []
    for metric, index, unit in (("time", 0, "s"), ("peak memory", 1, "MiB")):
        value = ours[index] if ours is not None else float("nan")
        ref_value = reference[index] if reference is not None else None
        rows.append(Row(BENCH, f"{name}: {metric}", value, unit, note, ref_value))
    return rows


def run(*, quick: bool) -> list[Row]:
    rows: list[Row] = []
    if DATA.is_dir():
        ours = measure("engine", "real", (0, 0, 0), 300)
        bridged = measure("engine+bridging", "real", (0, 0, 0), 300)
        reference = measure("red-dwarf", "real", (0, 0, 0), 300)
        rows += _rows("bowling-green 2,031×896, Pol.is method", ours, reference, "red-dwarf")
        rows += _rows("bowling-green, with bridging", bridged, reference, "red-dwarf")
    medium = (20_000, 1_000, 1_000_000) if not quick else (5_000, 500, 200_000)
    ours = measure("engine", "synthetic", medium, 600)
    reference = measure("red-dwarf", "synthetic", medium, 900)
    label = f"synthetic {medium[0]:,}×{medium[1]:,}×{medium[2]:,}"
    rows += _rows(label, ours, reference, "red-dwarf")
    large = (100_000, 5_000, 5_000_000) if not quick else (20_000, 2_000, 1_000_000)
    label = f"synthetic {large[0]:,}×{large[1]:,}×{large[2]:,}"
    ours = measure("engine", "synthetic", large, 900)
    rows += _rows(label, ours, None, "red-dwarf not run (dense)")
    rows += _live_rows(label, large, 900, ours)
    if not quick:
        huge = (1_000_000, 10_000, 50_000_000)
        label = f"synthetic {huge[0]:,}×{huge[1]:,}×{huge[2]:,}"
        ours = measure("engine", "synthetic", huge, 1_200)
        note = "red-dwarf not run (dense)" if ours is not None else "not finished in 1,200 s"
        rows += _rows(label, ours, None, note)
        rows += _live_rows(label, huge, 1_800, ours)
    return rows


def _live_rows(
    label: str, size: tuple[int, int, int], limit: float, groups_only: tuple[float, float] | None
) -> list[Row]:
    """The recompute as the live path runs it: with bridging; and an update after 1,000 more votes.

    The recompute's reference is the engine without bridging at the same size, measured just
    before in the same run (`groups_only`), so the row shows what the bridging fit adds; the
    issue's targets are in the note.
    """
    rows: list[Row] = []
    full = measure("engine+bridging", "synthetic", size, limit)
    reference = "engine without bridging, same run"
    if size[0] >= 1_000_000:
        reference += "; target < 300 s, < 8,192 MiB"
    if full is None:
        reference = f"live, with bridging: not finished in {limit:,.0f} s; " + reference
    rows += _rows(f"{label}, live recompute (with bridging)", full, groups_only, reference)
    update = measure("incremental", "synthetic", size, 2 * limit)
    note = "incremental update, bridging; peak includes the first update"
    if size[0] >= 100_000:
        note += "; target < 10 s"
    rows += _rows(
        f"{label}, update after 1,000 new votes", update, None, note if update is not None else "not finished"
    )
    return rows
