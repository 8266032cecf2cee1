"""`solidarity deliberation ...`: import and export Pol.is conversations, recompute results.

import PATH [--topic T]                  import a Pol.is export folder (all or nothing; vote times from votes.csv)
export ID PATH                           write conversation ID as a Pol.is export into folder PATH
recompute ID                             compute a new result version now

The engine is measured against Pol.is's groups outside the product: `python -m evaluation deliberation`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.deliberation import polis_io, selectors, services
from solidarity.deliberation.models import Conversation


class Command(BaseCommand):
    help = "Common ground: import/export Pol.is conversations, recompute results."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
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
        if action == "import":
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

    def _import(self, path: Path, topic: str) -> None:
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder holding participants-votes.csv and comments.csv")
        try:
            export = polis_io.read_export(path)
            times = polis_io.read_vote_times(path, statements=(s.id for s in export.statements))
        except polis_io.PolisFormatError as error:
            raise CommandError(f"import refused, nothing was imported: {error}") from None
        conversation = services.import_polis(export=export, organizer=None, topic_en=topic, vote_times=times)
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
