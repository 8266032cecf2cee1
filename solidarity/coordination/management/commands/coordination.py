"""`solidarity coordination check-word`: check a code word offline against a campaign's commitment.

The commitment comes from `coordination/<slug>.json` of a signed bundle (or `/coordination/<slug>/
campaign.json`), or is given by hand. `solidarity coordination release` makes the day's releases
now (the same work as the daily job, and still once a day).

Offline signing keys, on the coordinator's own device (no database touched):
`solidarity coordination keygen --out FILE --user NAME` makes an Ed25519 seed (file mode 0600) and
prints the public key and the proof to paste on the staff page; `solidarity coordination sign
--key FILE BULLETIN.json` prints the signature of a bulletin downloaded from the staff page.
"""

from __future__ import annotations

import json
import os
import secrets
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
        keygen = commands.add_parser("keygen", help="make an offline signing key (on your own device)")
        keygen.add_argument("--out", type=Path, required=True, help="where to write the secret seed (new file)")
        keygen.add_argument("--user", required=True, help="your staff user name (the proof names it)")
        sign = commands.add_parser("sign", help="sign a bulletin with an offline key (on your own device)")
        sign.add_argument("--key", type=Path, required=True, help="the seed file made by keygen")
        sign.add_argument("bulletin", type=Path, help="the bulletin JSON downloaded from the staff page")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "keygen":
            self._keygen(options["out"], options["user"])
            return
        if options["command"] == "sign":
            self._sign(options["key"], options["bulletin"])
            return
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

    def _keygen(self, out: Path, user: str) -> None:
        seed = secrets.token_bytes(32)
        try:
            descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise CommandError(f"cannot create {out} (it must not exist yet): {error.strerror}") from error
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(seed.hex() + "\n")
        self.stdout.write(f"public key: {signal.public_key_of(seed).hex()}")
        self.stdout.write(f"proof:      {signal.sign_message(signal.key_proof_message(user), seed)}")
        self.stdout.write(f"Keep {out} on this device only; paste the two lines above on the staff page.")

    def _sign(self, key: Path, bulletin: Path) -> None:
        try:
            seed = bytes.fromhex(key.read_text(encoding="ascii").strip())
            body = json.loads(bulletin.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"cannot read the key or the bulletin: {error}") from error
        if len(seed) != 32 or not isinstance(body, dict) or body.get("format") != signal.BULLETIN_FORMAT:
            raise CommandError("not a seed made by keygen, or not a bulletin downloaded from the staff page")
        self.stdout.write(f"{body.get('kind', '').upper()} {body.get('campaign', '')} {body.get('action_date', '')}")
        self.stdout.write(f"signature: {signal.sign(body, seed)[1]}")
