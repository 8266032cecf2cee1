"""`solidarity relay ...`: screen a text, sign and verify bundles, purge, and resume stuck work.

relay screen TEXT                      print the screening verdict, its reasons and the advertising score
relay export-decisions FILE            write moderators' decisions (text, decision, reason) for training
relay verify BUNDLE [--fingerprint F]  check a bundle's signature and every file's hash
relay keygen --out PATH                make an Ed25519 signing key (on the OFFLINE machine)
relay sign BUNDLE --key PATH [--out P] sign a built bundle with the offline key
relay attach ID SIGNED                 verify a signed bundle and release transmission ID
relay purge [--days N]                 delete what the retention period no longer allows
relay resume                           screen messages and build transmissions left unfinished
relay retry                            queue every delivery that has not gone out again
relay mirror DIR [--day D] [--audio]   write the public relay as plain files (static mirror)
relay reclean                          clean every published text again (after make_inert changed)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from solidarity.relay.channels import bundle, openpgp


class Command(BaseCommand):
    help = "Relay tools: screen, export-decisions, verify, keygen, sign, attach, purge, resume, retry, reclean, mirror."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        screen = sub.add_parser("screen", help="print the screening verdict of a text")
        screen.add_argument("text", nargs="+")
        screen.add_argument("--json", action="store_true")
        export = sub.add_parser(
            "export-decisions", help="write approved and rejected texts with the reason (JSON lines) for training"
        )
        export.add_argument("file")
        verify = sub.add_parser("verify", help="verify a signed bundle")
        verify.add_argument("bundle")
        verify.add_argument("--fingerprint", default="")
        keygen = sub.add_parser("keygen", help="create an Ed25519 signing key file (offline)")
        keygen.add_argument("--out", required=True)
        sign = sub.add_parser("sign", help="sign a bundle with an offline key file")
        sign.add_argument("bundle")
        sign.add_argument("--key", required=True)
        sign.add_argument("--out", default="")
        attach = sub.add_parser("attach", help="verify a signed bundle and release its transmission")
        attach.add_argument("transmission", type=int)
        attach.add_argument("signed")
        purge = sub.add_parser("purge", help="apply the retention period")
        purge.add_argument("--days", type=int, default=None)
        sub.add_parser("resume", help="finish screening and builds a crash interrupted")
        sub.add_parser("retry", help="queue undelivered deliveries again")
        mirror = sub.add_parser("mirror", help="write the public relay as plain files into a folder")
        mirror.add_argument("directory")
        mirror.add_argument("--day", default="", help="the day the pages and feeds carry (YYYY-MM-DD; today)")
        mirror.add_argument("--audio", action="store_true", help="also the spoken bulletins (needs espeak-ng)")
        sub.add_parser("reclean", help="store the inert form of every published text again")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        try:
            getattr(self, f"_{action}")(options)
        except bundle.BundleError as error:
            raise CommandError(f"FAILED: {error}") from error
        except OSError as error:
            raise CommandError(f"cannot read or write a file: {error.strerror or error}") from error

    def _screen(self, options: dict[str, Any]) -> None:
        from solidarity.relay import classifier
        from solidarity.relay.conf import relay_settings
        from solidarity.relay.screening import screen

        verdict = screen(" ".join(options["text"]), languages=relay_settings().languages)
        if options["json"]:
            data = {
                "decision": verdict.decision,
                "reasons": [r.value for r in verdict.reasons],
                "language": verdict.language,
                "advertising_score": verdict.advertising_score,
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        self.stdout.write(f"decision: {verdict.decision}")
        self.stdout.write(f"language: {verdict.language} ({verdict.language_confidence:.2f})")
        self.stdout.write("reasons:  " + (", ".join(r.value for r in verdict.reasons) or "none"))
        self.stdout.write(f"advertising score: {verdict.advertising_score:.3f} (held at {classifier.THRESHOLD:.2f})")

    def _export_decisions(self, options: dict[str, Any]) -> None:
        from solidarity.relay.models import Message

        # Text, outcome and the moderator's reason only: nothing about a sender leaves the database.
        rows = Message.objects.filter(status__in=[Message.Status.APPROVED, Message.Status.REJECTED]).order_by("id")
        count = 0
        with Path(options["file"]).open("w", encoding="utf-8") as handle:
            for text, status, reason in rows.values_list("text", "status", "moderation_reason").iterator():
                handle.write(json.dumps({"text": text, "decision": status, "reason": reason}, ensure_ascii=False))
                handle.write("\n")
                count += 1
        self.stdout.write(f"wrote {count} decisions to {options['file']}")

    def _verify(self, options: dict[str, Any]) -> None:
        data = Path(options["bundle"]).read_bytes()
        result = bundle.verify_bundle(data, expected_fingerprint=options["fingerprint"] or None)
        self.stdout.write(f"OK: {result.files} files match MANIFEST.json; signature valid")
        self.stdout.write(f"signed by key {result.fingerprint}; day {result.day}; {result.messages} messages")
        public = bytes.fromhex(bundle.read_files(data)[bundle.PUBLIC_KEY].decode().strip())
        self.stdout.write(f"OpenPGP certificate of the same key: {openpgp.certificate_fingerprint(public)}")
        if not options["fingerprint"]:
            self.stdout.write("WARNING: no --fingerprint given; compare the key above with the published fingerprint")

    def _keygen(self, options: dict[str, Any]) -> None:
        path = Path(options["out"])
        if path.exists():
            raise CommandError(f"{path} exists; refusing to overwrite a key")
        public = bundle.generate_key_file(path)
        self.stdout.write(f"private key written to {path} (mode 0600): keep it OFFLINE")
        self.stdout.write(f"public key (set SOLIDARITY_RELAY_SIGNING_PUBLIC_KEY on the server): {public}")
        self.stdout.write(f"fingerprint to publish: {bundle.fingerprint(bytes.fromhex(public))}")
        self.stdout.write(
            f"OpenPGP fingerprint of the same key (gpg, OpenKeychain): "
            f"{openpgp.certificate_fingerprint(bytes.fromhex(public))}"
        )

    def _sign(self, options: dict[str, Any]) -> None:
        source = Path(options["bundle"])
        key = bundle.load_signing_key(Path(options["key"]))
        signed = bundle.sign_bundle(source.read_bytes(), key)
        out = Path(options["out"]) if options["out"] else source.with_name(source.stem + ".signed.zip")
        out.write_bytes(signed)
        self.stdout.write(f"signed: {out}")

    def _attach(self, options: dict[str, Any]) -> None:
        from solidarity.relay import services
        from solidarity.relay.models import Transmission

        transmission = Transmission.objects.filter(pk=options["transmission"]).first()
        if transmission is None:
            raise CommandError("no such transmission")
        try:
            released = services.attach_signature(
                transmission=transmission, signed_data=Path(options["signed"]).read_bytes(), actor=None
            )
        except services.RelayError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"released {released} signed by {released.signer_fingerprint}")

    def _purge(self, options: dict[str, Any]) -> None:
        from solidarity.relay import services

        report = services.purge_expired(days=options["days"])
        self.stdout.write(
            f"deleted {report.messages_deleted} unpublished messages and "
            f"{report.decisions_deleted} moderation records; "
            f"minimized {report.messages_minimized} published messages"
        )

    def _resume(self, options: dict[str, Any]) -> None:
        from rich.progress import Progress

        from solidarity.relay import services
        from solidarity.relay.models import Message, Transmission

        pending = list(Message.objects.filter(status=Message.Status.RECEIVED).values_list("id", flat=True))
        with Progress(transient=True) as progress:
            task = progress.add_task("screening", total=len(pending))
            for message_id in pending:
                services.screen_message(message_id=message_id)
                progress.advance(task)
        built = 0
        for transmission_id in Transmission.objects.filter(status=Transmission.Status.BUILDING).values_list(
            "id", flat=True
        ):
            if services.build_transmission(transmission_id=transmission_id) is not None:
                built += 1
        self.stdout.write(f"screened {len(pending)} messages; built {built} transmissions")

    def _retry(self, options: dict[str, Any]) -> None:
        from solidarity.relay import services

        self.stdout.write(f"queued {services.retry_failed_deliveries()} deliveries again")

    def _mirror(self, options: dict[str, Any]) -> None:
        from datetime import date

        from django.utils import timezone

        from solidarity.relay import mirror

        try:
            day = date.fromisoformat(options["day"]) if options["day"] else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--day must be YYYY-MM-DD, not {options['day']!r}") from error
        try:
            report = mirror.write_mirror(Path(options["directory"]), day=day, audio=options["audio"])
        except mirror.MirrorError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{report.files} files ({report.messages} messages, {report.bundles} signed bundles), "
            f"{report.removed} stale files removed; mirror digest {report.digest}"
        )

    def _reclean(self, options: dict[str, Any]) -> None:
        from solidarity.relay import services

        self.stdout.write(f"updated the inert forms of {services.keep_inert_forms()} rows")
