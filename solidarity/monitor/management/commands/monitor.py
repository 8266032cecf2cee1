"""`solidarity monitor ingest|export|compare|source`: the monitor's command line.

The extractor's scores are measured outside the product: `python -m evaluation monitor`.
"""

from __future__ import annotations

import csv
import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rich.progress import Progress

from solidarity.core import jobs
from solidarity.monitor import selectors, services, tasks
from solidarity.monitor.models import Source
from solidarity.monitor.sources.readers import ReadError, read_path


class Command(BaseCommand):
    requires_system_checks = ()  # a data command; URL checks belong to the web process
    help = "Ingest documents, export events (ACLED columns) and compare with ACLED."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ingest = sub.add_parser("ingest", help="Ingest HTML/text files, folders, RSS/Atom feeds and WARC files.")
        ingest.add_argument("paths", nargs="+", type=Path)
        ingest.add_argument("--source", default="", help="Name of the source the files come from.")
        ingest.add_argument("--queue", action="store_true", help="Queue one background job per file instead.")
        export = sub.add_parser("export", help="Export events as ACLED-compatible CSV or JSON.")
        export.add_argument("--format", choices=["csv", "json"], default="csv")
        export.add_argument("--output", type=Path, default=None)
        source = sub.add_parser("source", help="Register a source or change what the registry says of it.")
        source.add_argument("name")
        source.add_argument("--kind", choices=Source.Kind.values, default=None)
        source.add_argument("--language", default=None, help="Language code, such as fa or en.")
        source.add_argument("--country", default=None, help="ISO 3166-1 alpha-2 code.")
        source.add_argument("--affiliation", default=None, help="Sources with the same affiliation are one voice.")
        compare = sub.add_parser(
            "compare", help="Compare an ACLED CSV export with the monitor's counts per province, month and sub-type."
        )
        compare.add_argument("csv_path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "ingest":
            self._ingest(options["paths"], options["source"], queue=options["queue"])
        elif action == "export":
            self._export(options["format"], options["output"])
        elif action == "compare":
            self._compare(options["csv_path"])
        elif action == "source":
            self._source(options)

    def _source(self, options: dict[str, Any]) -> None:
        try:
            with transaction.atomic():
                source = services.register_source(name=options["name"])
                source = services.describe_source(
                    source=source,
                    kind=options["kind"],
                    language=options["language"],
                    country=options["country"],
                    affiliation=options["affiliation"],
                )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        affiliation = source.affiliation or "none"
        self.stdout.write(
            f"{source.name}: kind {source.kind}, language {source.language or '-'}, "
            f"country {source.country or '-'}, affiliation {affiliation}, grade {source.grade or 'none'}"
        )

    def _ingest(self, paths: list[Path], source_name: str, *, queue: bool = False) -> None:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"not found: {', '.join(missing)}")
        source: Source | None = services.register_source(name=source_name) if source_name else None
        created = duplicates = events = claims = 0
        errors: list[ReadError] = []
        files = [f for p in paths for f in ([p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file()))]
        if queue:
            for file in files:
                jobs.enqueue(tasks.ingest_file, path=str(file.resolve()), source_id=source.pk if source else None)
            self.stdout.write(f"{len(files)} files queued for ingestion")
            return
        limits = services.reading_limits()
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("ingesting", total=len(files))
            for file in files:
                for item in read_path(file, limits):
                    if isinstance(item, ReadError):
                        errors.append(item)
                        continue
                    try:
                        result = services.ingest_document(raw=item, source=source)
                    except services.DocumentRefused as refused:  # too long, or over its time budget
                        errors.append(ReadError(refused.origin, refused.reason))
                        continue
                    created += result.created
                    duplicates += not result.created
                    events += result.events
                    claims += result.claims
                progress.advance(task)
        for error in errors:
            self.stderr.write(f"skipped {error.origin}: {error.reason}")
        self.stdout.write(
            f"{created} documents stored, {duplicates} already known, {events} event reports, {claims} claims, "
            f"{len(errors)} unreadable"
        )

    def _export(self, fmt: str, output: Path | None) -> None:
        filters = selectors.EventFilters()
        handle = output.open("w", encoding="utf-8", newline="") if output else self.stdout
        if fmt == "json":
            rows = list(selectors.export_rows(filters))
            handle.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
            count = len(rows)
        else:
            count = -1  # the header line
            for line in selectors.export_csv_lines(filters):  # formula-safe cells
                handle.write(line)
                count += 1
        if output:
            handle.close()
            self.stdout.write(f"{count} events written to {output}")

    def _compare(self, csv_path: Path) -> None:
        try:
            with csv_path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"cannot read {csv_path.name}: {error}") from error
        comparison = selectors.compare_acled(rows, selectors.EventFilters())
        if comparison.start is not None:
            period = f"dated {comparison.start} to {comparison.end}; our events counted over the same dates"
        else:
            period = "no readable dates; our events counted over all dates"
        undated = f" ({comparison.undated} without a readable date)" if comparison.undated else ""
        self.stdout.write(f"{comparison.acled_rows} ACLED protest and riot rows in Iran{undated}, {period}")
        for heading, lines in (
            ("province", comparison.by_province),
            ("month", comparison.by_month),
            ("sub-event type", comparison.by_type),
        ):
            self.stdout.write("")
            self.stdout.write(f"{heading:34} {'monitor':>8} {'ACLED':>8}")
            for key, ours, theirs in lines:
                self.stdout.write(f"{key:34} {ours:8} {theirs:8}")
