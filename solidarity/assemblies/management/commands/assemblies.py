"""`solidarity assemblies ...`: signing keys, door-device queue files, offline check-in and sync.

keys                               print the signing key's fingerprint and the published keys
manifest SLUG VENUE --out FILE     write a queue file for a door device (keys, revocations, codes)
check-in FILE [ENTRY ...]          verify tokens or short codes offline; read lines from stdin
                                   when no ENTRY is given; every scan is saved to FILE at once
sync FILE                          store the file's scans once each and reconcile the assembly
reconcile SLUG                     list admissions repeated at one venue or at two
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from rich.progress import Progress

from solidarity.assemblies import checkin, invitations
from solidarity.assemblies.refusals import ADMITTED_MESSAGE, explain
from solidarity.core import calendars


def _write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, so a power cut never leaves half a queue."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _load_queue(path: Path) -> checkin.Scanner:
    try:
        return checkin.Scanner.from_json(json.loads(path.read_text()))
    except FileNotFoundError as error:
        raise CommandError(f"no such file: {path}") from error
    except (ValueError, KeyError, TypeError) as error:
        raise CommandError(f"{path} is not a check-in queue file ({error})") from error


class Command(BaseCommand):
    help = "Assemblies: signing keys, door-device queue files, offline check-in and sync."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        commands.add_parser("keys", help="print the signing key's fingerprint and the published keys")
        manifest = commands.add_parser("manifest", help="write a queue file for a door device")
        manifest.add_argument("slug")
        manifest.add_argument("venue", type=int)
        manifest.add_argument("--out", required=True, type=Path)
        manifest.add_argument("--device", default="")
        scan = commands.add_parser("check-in", help="verify invitations offline and queue the scans")
        scan.add_argument("file", type=Path)
        scan.add_argument("entries", nargs="*", help="tokens or short codes (default: one per line on stdin)")
        scan.add_argument("--language", default="", help="en or fa (the officer's language)")
        sync = commands.add_parser("sync", help="store a queue file's scans and reconcile")
        sync.add_argument("file", type=Path)
        reconcile = commands.add_parser("reconcile", help="list repeated admissions of an assembly")
        reconcile.add_argument("slug")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "keys":
            self._keys()
        elif action == "manifest":
            self._manifest(options["slug"], options["venue"], options["out"], options["device"])
        elif action == "check-in":
            self._check_in(options["file"], options["entries"], options["language"])
        elif action == "sync":
            self._sync(options["file"])
        elif action == "reconcile":
            self._reconcile(options["slug"])

    def _keys(self) -> None:
        from solidarity.assemblies.keys import current_signer, published_keyring

        signer = current_signer()
        self.stdout.write(f"signing key id {signer.key_id}, fingerprint {signer.fingerprint}")
        self.stdout.write(json.dumps(published_keyring().to_json(), indent=1))

    def _manifest(self, slug: str, venue_id: int, out: Path, device: str) -> None:
        from solidarity.assemblies import services
        from solidarity.assemblies.models import Venue

        venue = Venue.objects.select_related("assembly").filter(assembly__slug=slug, pk=venue_id).first()
        if venue is None:
            raise CommandError(f"no venue {venue_id} in assembly {slug!r}")
        if out.exists():
            raise CommandError(f"{out} exists: keep its scans, sync it, or choose another name")
        scanner = checkin.Scanner(services.build_manifest(venue=venue), device or f"door-{venue.pk}-{os.getpid()}")
        _write_atomically(out, scanner.dumps())
        manifest = scanner.manifest
        self.stdout.write(
            f"wrote {out}: venue {venue.city_en}, {len(manifest.keyring)} key(s), "
            f"{len(manifest.revoked)} revoked, {len(manifest.codes)} short codes, device {scanner.device_id}"
        )

    def _check_in(self, path: Path, entries: list[str], language: str) -> None:
        """Verify offline: this step reads only the queue file, never the database or network."""
        scanner = _load_queue(path)
        lines = entries or (line for line in sys.stdin)
        admitted = refused = 0
        with calendars.override(language or translation.get_language() or "en"):
            for raw in lines:
                text = raw.strip()
                if not text:
                    continue
                now = int(time.time())
                if len(text) == invitations.TEXT_LENGTH:
                    scan, refusal = scanner.scan_token(text, now=now)
                else:
                    scan, refusal = scanner.scan_code(text, now=now)
                _write_atomically(path, scanner.dumps())
                if refusal is None:
                    admitted += 1
                    self.stdout.write(self.style.SUCCESS(f"ADMIT  {ADMITTED_MESSAGE}"))
                else:
                    refused += 1
                    self.stdout.write(self.style.ERROR(f"REFUSE [{scan.outcome}] {explain(scan.outcome)}"))
        self.stdout.write(f"{admitted} admitted, {refused} refused; {len(scanner.pending())} scans waiting to sync")

    def _sync(self, path: Path) -> None:
        from solidarity.assemblies import services
        from solidarity.assemblies.models import Venue

        scanner = _load_queue(path)
        manifest = scanner.manifest
        venue = (
            Venue.objects.select_related("assembly")
            .filter(pk=manifest.venue_id, assembly_id=manifest.assembly_id)
            .first()
        )
        if venue is None:
            raise CommandError("the file's venue is not in this database")
        pending = scanner.pending()
        with Progress(transient=True, disable=not self.stdout.isatty()) as progress:
            task = progress.add_task("sync", total=len(pending) or 1)
            result = services.sync_scans(officer=None, venue=venue, scans=pending)
            progress.advance(task, len(pending) or 1)
        scanner.mark_synced(scan.scan_id for scan in pending)
        _write_atomically(path, scanner.dumps())
        self.stdout.write(
            f"synced {result.received} scans: {result.stored} new, {result.already_known} already known; "
            f"{len(result.reconciliation.admissions)} admitted in the assembly, "
            f"{len(result.reconciliation.duplicates)} flagged duplicates"
        )
        self._print_duplicates(result.reconciliation)

    def _reconcile(self, slug: str) -> None:
        from solidarity.assemblies import services
        from solidarity.assemblies.models import Assembly

        assembly = Assembly.objects.filter(slug=slug).first()
        if assembly is None:
            raise CommandError(f"no assembly {slug!r}")
        result = services.reconcile_assembly(assembly=assembly)
        self.stdout.write(
            f"{result.scan_count} scans, {len(result.admissions)} admitted, {len(result.duplicates)} flagged"
        )
        self._print_duplicates(result)

    def _print_duplicates(self, result: checkin.Reconciliation) -> None:
        for duplicate in result.duplicates:
            first, again = duplicate.first, duplicate.again
            self.stdout.write(
                f"  {duplicate.kind.value}: token {duplicate.token_nonce[:8]}… "
                f"first at venue {first.venue_id} ({first.device_id}), "
                f"again at venue {again.venue_id} ({again.device_id})"
            )
