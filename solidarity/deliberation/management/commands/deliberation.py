"""`solidarity deliberation ...`: measure the engine, import and export Pol.is conversations, recompute.

evaluate [--data DIR] [--no-reference] [--no-replay] [--orders N]
                                         run the engine on each conversation in DIR beside red-dwarf:
                                         adjusted Rand index against Pol.is's groups, groups, time;
                                         cold start, a warm-started replay of votes.csv, the best
                                         grouping of our base clusters; with --orders, the cold
                                         start with the participants in N random orders
import PATH [--topic T]                  import a Pol.is export folder (all or nothing)
export ID PATH                           write conversation ID as a Pol.is export into folder PATH
recompute ID                             compute a new result version now
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from solidarity.deliberation import evaluation, polis_io, selectors, services
from solidarity.deliberation.models import Conversation
from solidarity.settings import env

DEFAULT_DATA = Path(env.text("SOLIDARITY_DELIBERATION_DATA", "/work/shared/data/deliberation"))


def _ari(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = "Common ground: evaluate the engine, import/export Pol.is conversations, recompute results."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        evaluate = commands.add_parser("evaluate", help="compare the engine with Pol.is's groups, beside red-dwarf")
        evaluate.add_argument("--data", type=Path, default=DEFAULT_DATA)
        evaluate.add_argument("--no-reference", action="store_true", help="skip red-dwarf")
        evaluate.add_argument("--no-replay", action="store_true", help="skip the replay of votes.csv")
        evaluate.add_argument(
            "--orders",
            type=int,
            default=0,
            metavar="N",
            help="also run the cold start with the participants in N random orders (ARI min / median / max)",
        )
        importing = commands.add_parser("import", help="import a Pol.is export folder")
        importing.add_argument("path", type=Path)
        importing.add_argument("--topic", default="")
        exporting = commands.add_parser("export", help="write a conversation as a Pol.is export")
        exporting.add_argument("conversation", type=int)
        exporting.add_argument("path", type=Path)
        recompute = commands.add_parser("recompute", help="compute a new result version now")
        recompute.add_argument("conversation", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "evaluate":
            self._evaluate(
                options["data"], with_reference=not options["no_reference"], with_replay=not options["no_replay"]
            )
            if options["orders"] > 0:
                self._orders(options["data"], options["orders"])
        elif action == "import":
            self._import(options["path"], options["topic"])
        elif action == "export":
            self._export(options["conversation"], options["path"])
        elif action == "recompute":
            conversation = self._conversation(options["conversation"])
            result = services.compute_results(conversation=conversation, force=True)
            if result is not None:
                self.stdout.write(f"version {result.version}: {result.report['k']} groups, {result.seconds:.2f} s")

    def _conversation(self, pk: int) -> Conversation:
        conversation = Conversation.objects.filter(pk=pk).first()
        if conversation is None:
            raise CommandError(f"no conversation {pk}")
        return conversation

    def _evaluate(self, root: Path, *, with_reference: bool, with_replay: bool) -> None:
        folders = evaluation.conversation_folders(root)
        if not folders:
            self.stdout.write(f"No Pol.is conversations under {root}: nothing to evaluate (skipped).")
            return
        table = Table(title="Groups against Pol.is's own (adjusted Rand index)")
        for column in ("conversation", "voters×statements", "votes", "Pol.is k", "ARI ours", "k ours", "s ours"):
            table.add_column(column)
        for column in ("ARI red-dwarf", "k red-dwarf", "s red-dwarf", "ARI ours, all-rows PCA (Pol.is)"):
            table.add_column(column)
        for column in ("ARI ours, replayed", "k replayed", "s replayed", "updates"):
            table.add_column(column)
        table.add_column("ceiling: best grouping of our base clusters")
        rows = []
        with Progress(transient=True) as progress:
            task = progress.add_task("evaluating", total=len(folders))
            for folder in folders:
                try:
                    rows.append(evaluation.evaluate(folder, with_reference=with_reference, with_replay=with_replay))
                except polis_io.PolisFormatError as error:
                    raise CommandError(f"{folder.name}: {error}") from None
                progress.advance(task)
        for row in rows:
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
                _ari(row.ours_all_rows.ari) if row.ours_all_rows else "—",
                *self._replay_cells(row.replay, row.replay_updates),
                _ari(row.base_ceiling),
            )
        console = Console(width=200, record=True)
        with console.capture() as captured:
            console.print(table)
        self.stdout.write(captured.get())

    def _orders(self, root: Path, runs: int) -> None:
        table = Table(title=f"The cold start with the participants in {runs} random orders (ARI against Pol.is)")
        for column in ("conversation", "ARI min", "ARI median", "ARI max", "runs ≥ 0.95"):
            table.add_column(column)
        for folder in evaluation.conversation_folders(root):
            figures = evaluation.order_sensitivity(polis_io.read_export(folder), runs=runs)
            if not figures:
                table.add_row(folder.name, "—", "—", "—", "—")
                continue
            table.add_row(
                folder.name,
                _ari(min(figures)),
                _ari(float(np.median(figures))),
                _ari(max(figures)),
                f"{sum(f >= 0.95 for f in figures)} of {len(figures)}",
            )
        console = Console(width=200, record=True)
        with console.capture() as captured:
            console.print(table)
        self.stdout.write(captured.get())

    @staticmethod
    def _replay_cells(replay: evaluation.Measurement | None, updates: int) -> tuple[str, str, str, str]:
        if replay is None:
            return ("skipped", "—", "—", "—")
        if replay.error:
            return (replay.error, "—", "—", "—")
        return (_ari(replay.ari), str(replay.groups), f"{replay.seconds:.2f}", str(updates))

    def _import(self, path: Path, topic: str) -> None:
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder holding participants-votes.csv and comments.csv")
        try:
            export = polis_io.read_export(path)
        except polis_io.PolisFormatError as error:
            raise CommandError(f"import refused, nothing was imported: {error}") from None
        conversation = services.import_polis(export=export, organizer=None, topic_en=topic)
        result = services.compute_results(conversation=conversation)
        groups = result.report["k"] if result is not None else 0
        self.stdout.write(
            f"imported conversation {conversation.pk}: {len(export.participants)} participants, "
            f"{len(export.statements)} statements, {groups} groups"
        )

    def _export(self, pk: int, path: Path) -> None:
        conversation = self._conversation(pk)
        files = polis_io.export_files(selectors.polis_export(conversation))
        path.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (path / name).write_text(text, encoding="utf-8")
        self.stdout.write(f"wrote {', '.join(sorted(files))} to {path}")
