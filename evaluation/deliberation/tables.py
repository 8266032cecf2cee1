"""The deliberation tables, as `python -m evaluation deliberation` prints them (rich tables, 220 columns)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import numpy as np
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from evaluation.deliberation import scoring
from solidarity.deliberation import polis_io


def _ari(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _write(table: Table, out: TextIO) -> None:
    console = Console(width=220, record=True)
    with console.capture() as captured:
        console.print(table)
    text = captured.get()
    out.write(text if text.endswith("\n") else text + "\n")


def _replay_cells(replay: scoring.Measurement | None, updates: int, full: int) -> tuple[str, str, str, str]:
    if replay is None:
        return ("skipped", "—", "—", "—")
    if replay.error:
        return (replay.error, "—", "—", "—")
    return (_ari(replay.ari), str(replay.groups), f"{replay.seconds:.2f}", f"{updates} ({full})")


def print_groups(root: Path | None, out: TextIO, *, with_reference: bool, with_replay: bool) -> None:
    """Print the engine beside red-dwarf, the replay and the ceiling, one row per conversation under root."""
    if root is None:
        out.write("No --data folder of Pol.is conversations given: nothing to evaluate (skipped).\n")
        return
    folders = scoring.conversation_folders(root)
    if not folders:
        out.write(f"No Pol.is conversations under {root}: nothing to evaluate (skipped).\n")
        return
    table = Table(title="Groups against Pol.is's own (adjusted Rand index)")
    for column in ("conversation", "voters×statements", "votes", "Pol.is k", "ARI ours", "k ours", "s ours"):
        table.add_column(column, overflow="fold")  # an unreadable folder's reason is folded, never cut
    for column in ("ARI red-dwarf", "k red-dwarf", "s red-dwarf", "ARI ours, clustered-rows PCA"):
        table.add_column(column)
    for column in ("ARI ours, replayed", "k replayed", "s replayed", "updates (full)"):
        table.add_column(column)
    table.add_column("ceiling: best grouping of our base clusters")
    rows: list[scoring.ConversationEvaluation | tuple[str, str]] = []
    with Progress(transient=True) as progress:
        task = progress.add_task("evaluating", total=len(folders))
        for folder in folders:
            try:
                rows.append(scoring.evaluate(folder, with_reference=with_reference, with_replay=with_replay))
            except (polis_io.PolisFormatError, OSError) as error:  # said in its row; the others still run
                rows.append((folder.name, f"unreadable: {error}"))
            progress.advance(task)
    for row in rows:
        if isinstance(row, tuple):
            table.add_row(row[0], row[1], *("—" for _ in range(14)))
            continue
        table.add_row(
            row.name,
            f"{row.participants}×{row.statements}",
            str(row.votes),
            str(row.polis_groups or "—"),
            _ari(row.ours.ari),
            str(row.ours.groups),
            f"{row.ours.seconds:.2f}",
            _ari(row.reference.ari) if not row.reference.error else row.reference.error,
            str(row.reference.groups or "—"),
            f"{row.reference.seconds:.2f}",
            _ari(row.ours_clustered_rows.ari) if row.ours_clustered_rows else "—",
            *_replay_cells(row.replay, row.replay_updates, row.replay_full_updates),
            _ari(row.base_ceiling),
        )
    _write(table, out)


def print_orders(root: Path | None, runs: int, out: TextIO) -> None:
    """Print the cold start's ARI over `runs` random participant orders (min / median / max) per conversation."""
    if root is None or not scoring.conversation_folders(root):
        return  # print_groups already said there is nothing to evaluate
    table = Table(title=f"The cold start with the participants in {runs} random orders (ARI against Pol.is)")
    for column in ("conversation", "ARI min", "ARI median", "ARI max", "spread (max − min)", "runs ≥ 0.95"):
        table.add_column(column, overflow="fold")
    for folder in scoring.conversation_folders(root):
        try:
            export = polis_io.read_export(folder)
        except (polis_io.PolisFormatError, OSError) as error:
            table.add_row(folder.name, f"unreadable: {error}", "—", "—", "—", "—")  # its columns fold
            continue
        figures = scoring.order_sensitivity(export, runs=runs)
        if not figures:
            table.add_row(folder.name, "—", "—", "—", "—", "—")
            continue
        table.add_row(
            folder.name,
            _ari(min(figures)),
            _ari(float(np.median(figures))),
            _ari(max(figures)),
            f"{max(figures) - min(figures):.3f}",
            f"{sum(f >= 0.95 for f in figures)} of {len(figures)}",
        )
    _write(table, out)
