"""`solidarity coordination check-word`: check a code word offline against a campaign's commitment.

The commitment comes from `coordination/<slug>.json` of a signed bundle (or `/coordination/<slug>/
campaign.json`), or is given by hand. `solidarity coordination release` makes the day's releases
now (the same work as the daily job, and still once a day).
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from solidarity.coordination import signal


class Command(BaseCommand):
    help = "Check a GO or ABORT code word offline, or make the daily releases."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        check = commands.add_parser("check-word", help="check a word heard on the air against its commitment")
        check.add_argument("word", help="the word as heard (Persian or Latin letters)")
        check.add_argument("--kind", choices=signal.KINDS, required=True)
        check.add_argument("--file", type=Path, help="the campaign's JSON file from a bundle or the server")
        check.add_argument("--campaign", default="", help="the campaign's slug (with --commitment)")
        check.add_argument("--commitment", default="", help="the published commitment, hex (without --file)")
        check.add_argument("--iterations", type=int, default=signal.ITERATIONS, help="PBKDF2 iterations (as published)")
        commands.add_parser("release", help="close due campaigns and make today's releases (once a day)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "release":
            from solidarity.coordination import services

            made = services.release_due()
            self.stdout.write(f"{len(made)} release(s) made")
            return
        campaign, commitment, iterations = options["campaign"], options["commitment"], options["iterations"]
        if options["file"] is not None:
            try:
                document = json.loads(options["file"].read_text(encoding="utf-8"))
                campaign = document["campaign"]
                commitment = document["code_words"][options["kind"]]
                iterations = int(document["code_words"]["iterations"])
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise CommandError(f"cannot read a campaign document from {options['file']}") from error
        if not campaign or not commitment:
            raise CommandError("give --file, or both --campaign and --commitment")
        matches = signal.check_word(
            options["word"], campaign=campaign, kind=options["kind"], commitment=commitment, iterations=iterations
        )
        if matches:
            self.stdout.write(
                f"این همان واژه‌ی اعلام‌شده است · MATCH: this is the announced {options['kind'].upper()} word"
            )
        else:
            self.stdout.write(f"این واژه‌ی اعلام‌شده نیست · NO MATCH: not the announced {options['kind'].upper()} word")
            raise SystemExit(1)
