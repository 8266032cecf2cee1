"""`solidarity elections verify RECORD [--tracking T] [--definition-hash H] [--chain-head H …] [--voting-key K]`.

Check a record; with `--voting-key`, also say which elector the definition lists with that key (the
one on the delegate's page) and whether a pass was issued to them.

`solidarity elections audit FILE`: check a ballot the booth audited (it seals exactly the shown choices).

The election key is made by the trustees together (`python -m solidarity.elections.trustee`), never
whole; a record without their dealings fails `verify`.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from solidarity.elections import canonical, record


class Command(BaseCommand):
    help = "Verify an election's public record, or look up a receipt in it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        verify = commands.add_parser("verify", help="check every claim of a record")
        verify.add_argument("record", type=Path)
        verify.add_argument(
            "--tracking", default="", help="also check that the box holds the ballot with this tracking code"
        )
        verify.add_argument(
            "--chain-head",
            action="append",
            default=[],
            help="a count-chain head copied while voting ran (repeatable); each must be on the record's chain",
        )
        verify.add_argument(
            "--voting-key",
            default="",
            help="your voting key as your delegate page shows it: check the definition lists it, and whether a pass "
            "was issued to you",
        )
        verify.add_argument(
            "--definition-hash",
            default=None,
            help="the definition hash published before voting; without it the record is checked only against itself",
        )
        audit = commands.add_parser("audit", help="check a ballot audited in the booth")
        audit.add_argument("file", type=Path, help="the JSON the booth showed after 'audit'")
        audit.add_argument(
            "--definition",
            type=Path,
            required=True,
            help="the election's definition.json: its hash must be the audited one; it gives the key and the layout",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["command"] == "verify":
            self.verify(
                options["record"],
                options["tracking"],
                options["definition_hash"],
                options["chain_head"],
                voting_key=options["voting_key"],
            )
        elif options["command"] == "audit":
            self.audit(options["file"], options["definition"])

    def audit(self, path: Path, definition_path: Path) -> None:
        import base64
        import binascii
        import hashlib
        import json

        from solidarity.elections import ballots

        try:
            audited = json.loads(path.read_bytes())
            definition_bytes = definition_path.read_bytes()
            if hashlib.sha256(definition_bytes).hexdigest() != audited["definition_hash"]:
                raise CommandError("FAIL: the definition given is not the one the booth hashed")
            definition = record.parse_definition(canonical.loads(definition_bytes))
            key = base64.b64decode(audited["ballot_key"], validate=True)
            if key != definition.ballot_key:
                raise CommandError("FAIL: the booth sealed to a key that is not the definition's ballot key")
            secret = base64.b64decode(audited["sealing_secret"], validate=True)
            ciphertext = base64.b64decode(audited["ciphertext"], validate=True)
            ballot = audited["ballot"]
            if not isinstance(ballot, dict):
                raise TypeError("ballot")
            matches = ballots.audit_sealed(key, definition.layout, secret, ciphertext, ballot)
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            binascii.Error,
            ballots.BallotError,
            canonical.NotCanonicalError,
            record.RecordFormatError,
        ) as error:
            raise CommandError(f"cannot read the audited ballot: {error}") from error
        if not matches:
            raise CommandError("FAIL: the sealed ballot is not the ballot shown: the booth cheated")
        self.stdout.write(f"PASS: the sealed ballot is exactly {canonical.dumps(ballot).decode()}")
        self.stdout.write(
            f"sealed to ballot key {audited['ballot_key']} of definition {audited.get('definition_hash', '?')}: "
            "compare both with the definition published before voting"
        )

    def verify(
        self,
        path: Path,
        tracking: str,
        expected_hash: str | None = None,
        heads: list[str] | None = None,
        *,
        voting_key: str = "",
    ) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            progress.add_task("verifying the record", total=None)
            failures = record.verify(data, expected_definition_hash=expected_hash, expected_chain_heads=heads or [])
        if failures:
            for failure in failures:
                self.stdout.write(f"FAIL [{failure.code}] {failure.message}")
            raise CommandError(f"the record does not verify: {len(failures)} failure(s)")
        self.stdout.write(summary(record.parse_record(data), expected_hash, heads or []))
        if tracking:
            if not record.has_ballot(data, tracking):
                raise CommandError("no ballot with this tracking code")
            self.stdout.write(
                f"tracking {tracking.strip().lower()}: in the ballot box and in the shuffle; "
                "which opened ballot it became is hidden by the shuffle, from everyone"
            )
        if voting_key:
            self.stdout.write(voting_key_line(record.parse_record(data), voting_key.strip()))


def voting_key_line(parsed: record.Record, key: str) -> str:
    """Say which elector the definition lists with this voting key, and whether a pass was issued to them."""
    listed = [e for e in parsed.definition.electorate if e.key is not None and record.b64(e.key) == key]
    if not listed:
        raise CommandError(
            f"FAIL: the definition lists no elector with the voting key {key}: the key on your delegate page is not "
            "the one this election was frozen with"
        )
    elector = listed[0]
    issued = next((i for i in parsed.issuance if i.elector == elector.id), None)
    if issued is None:
        return f"voting key {key}: elector {elector.id}; no pass was issued to you"
    cast = (
        "your cast declaration is listed: the box counts one ballot of yours (if you cast none, your voting code "
        "is known to someone else)"
        if issued.cast_declaration is not None
        else "no cast declaration of yours is listed: the box holds no ballot of yours (if you cast one, it was "
        "dropped: say so publicly)"
    )
    return (
        f"voting key {key}: elector {elector.id}; a pass was issued to you, asked for with this key "
        f"(if you never asked for one, your voting code is known to someone else); {cast}"
    )


def summary(parsed: record.Record, expected_hash: str | None, heads: list[str]) -> str:
    """Describe a record that passed every check, as `verify` prints it."""
    result = parsed.result
    lines = [
        f"PASS: definition {parsed.definition_hash}",
        f"electorate {len(parsed.definition.electorate)}, passes issued {len(parsed.issuance)}, "
        f"ballots {len(parsed.ballots)} (valid {result.get('valid')}, spoilt {result.get('spoilt')})",
        f"voting keys: {sum(e.key is not None for e in parsed.definition.electorate)} of "
        f"{len(parsed.definition.electorate)} electors hold one; every pass was asked for with its elector's key "
        "(compare yours with the definition)",
        f"cast declarations: {sum(i.cast_declaration is not None for i in parsed.issuance)}, each signed with its "
        "elector's voting key, one for every ballot in the box",
        f"chain: {len(parsed.chain)} events, closed, head {parsed.chain_head}",
        f"lot seed {parsed.lot_seed}",
    ]
    quorum = result.get("quorum") or {}
    if quorum.get("required"):
        lines.append(
            f"quorum {parsed.definition.quorum} of the voter roll: {quorum['required']} ballots needed, "
            f"{quorum['ballots']} cast: {'met' if quorum['met'] else 'NOT met'}"
        )
    else:
        lines.append("no quorum set")
    if "elected" in result:
        lines.append(f"elected, in order: {', '.join(result['elected'])}")
    if "passed" in result:
        lines.append(f"motion {'passed' if result['passed'] else 'failed'}: yes {result['yes']}, no {result['no']}")
    definition = parsed.definition
    lines.append(
        f"election key: made jointly by {definition.trustee_count} trustees, any {definition.trustee_threshold} "
        "of whom open the count; no machine ever held it whole; every dealing, commitment and "
        "confirmation checks"
    )
    opened_by = "trustees " + ", ".join(str(d.trustee) for d in parsed.decryptions)
    rows = len(parsed.decryptions[0].rows) if parsed.decryptions else 0
    mixers = ", ".join("the server" if m.mixer == record.SERVER_MIXER else f"trustee {m.mixer}" for m in parsed.mixes)
    lines.append(
        f"shuffle: {len(parsed.mixes)} mix(es) of {len(parsed.ballots)} ballots (by {mixers or 'nobody'}), "
        "every proof checks; each trustee's mix is signed with its key share; "
        f"{rows} shuffled ballots opened by {opened_by}, each trustee's batched decryption proof checks"
    )
    lines.append("every signature, the chain, the lot seed and the recount check")
    if expected_hash is None:
        lines.append(
            "note: compare the definition hash above with the one published before voting opened, "
            "or pass it with --definition-hash"
        )
    else:
        lines.append("the definition is the one whose hash was published before voting")
    if heads:
        lines.append(f"{len(heads)} chain head(s) copied during voting are on the chain")
    return "\n".join(lines)
