"""`solidarity elections verify RECORD [--receipt R]`: check a published record from its bytes alone.

`solidarity elections ceremony --threshold K --trustees N`: the offline key ceremony (run it on a
machine that is not the server; see solidarity/elections/ceremony.py).
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from solidarity.elections import record


class Command(BaseCommand):
    help = "Verify an election's public record, or look up a receipt in it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        verify = commands.add_parser("verify", help="check every claim of a record")
        verify.add_argument("record", type=Path)
        verify.add_argument("--receipt", default="", help="also show the ballot with this receipt")
        verify.add_argument(
            "--definition-hash",
            default=None,
            help="the definition hash published before voting; without it the record is checked only against itself",
        )
        ceremony = commands.add_parser("ceremony", help="make the ballot key and trustees' shares offline")
        ceremony.add_argument("--threshold", type=int, required=True, help="shares needed to open the count (k)")
        ceremony.add_argument("--trustees", type=int, required=True, help="number of trustees (n)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "verify":
            self.verify(options["record"], options["receipt"], options["definition_hash"])
        elif options["command"] == "ceremony":
            self.ceremony(options["threshold"], options["trustees"])

    def ceremony(self, threshold: int, trustees: int) -> None:
        from solidarity.elections import ballots, ceremony

        try:
            held = ceremony.offline_ceremony(threshold=threshold, trustees=trustees)
        except ballots.CeremonyError as error:
            raise CommandError(str(error)) from error
        ceremony.write_ceremony(held, self.stdout)

    def verify(self, path: Path, receipt: str, expected_hash: str | None = None) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            progress.add_task("verifying the record", total=None)
            failures = record.verify(data, expected_definition_hash=expected_hash)
        if failures:
            for failure in failures:
                self.stdout.write(f"FAIL [{failure.code}] {failure.message}")
            raise CommandError(f"the record does not verify: {len(failures)} failure(s)")
        parsed = record.parse_record(data)
        self.stdout.write(
            f"PASS: definition {parsed.definition_hash}, {len(parsed.recipients)} signatures issued, "
            f"{len(parsed.ballots)} ballots, result recounted and equal"
        )
        if expected_hash is None:
            self.stdout.write(
                "note: compare the definition hash above with the one published before voting opened, "
                "or pass it with --definition-hash"
            )
        else:
            self.stdout.write("the definition is the one whose hash was published before voting")
        if receipt:
            ballot = record.find_receipt(data, receipt)
            if ballot is None:
                raise CommandError("no ballot with this receipt")
            self.stdout.write(f"receipt {receipt.strip().lower()}: {ballot}")
