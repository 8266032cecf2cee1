"""Offline check-in: a door scanner's state and queue, and the reconciliation of scans (no Django).

A scanner downloads a manifest once (public keys, revocation list, code digests for its
assembly), then verifies tokens with no network and queues every scan under its own random scan
id. Syncing sends the queue; the server stores each scan id once, so a sync may repeat safely.
`reconcile` turns the scans of all venues into one admission per token and flags every further
admission of the same token, at another venue or at the same one, with both scans kept.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from solidarity.assemblies.invitations import (
    InvalidInvite,
    Keyring,
    Reason,
    code_digest,
    nonce_of,
    normalize_code,
    verify,
)

ADMITTED = "admitted"
OUTCOMES = frozenset({ADMITTED, *(reason.value for reason in Reason)})
_HEX_ID = re.compile(r"[0-9a-f]{32}")
MANIFEST_FORMAT = "solidarity-checkin-manifest/1"
QUEUE_FORMAT = "solidarity-checkin-queue/1"


class DuplicateKind(StrEnum):
    TWICE = "twice"  # the same venue admitted the token again
    TWO_VENUES = "two_venues"  # another venue admitted the token too


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """What a manifest says about one typable code (listed by digest, never in clear)."""

    nonce: str
    venue_id: int
    not_before: int
    not_after: int


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a door device downloads once, before it goes offline."""

    assembly_id: int
    venue_id: int
    keyring: Keyring
    revoked: frozenset[str]
    codes: Mapping[str, CodeEntry]
    issued_at: int
    admitted: frozenset[str] = frozenset()  # nonces already admitted anywhere when downloaded

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "assembly_id": self.assembly_id,
            "venue_id": self.venue_id,
            "keys": self.keyring.to_json(),
            "revoked": sorted(self.revoked),
            "codes": {digest: asdict(entry) for digest, entry in sorted(self.codes.items())},
            "issued_at": self.issued_at,
            "admitted": sorted(self.admitted),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Manifest:
        if not isinstance(data, Mapping) or data.get("format") != MANIFEST_FORMAT:
            raise ValueError("not a check-in manifest")
        return cls(
            assembly_id=int(data["assembly_id"]),
            venue_id=int(data["venue_id"]),
            keyring=Keyring.from_json(data["keys"]),
            revoked=frozenset(str(item) for item in data["revoked"]),
            codes={
                str(digest): CodeEntry(**_mapping(entry)) for digest, entry in _mapping(data.get("codes", {})).items()
            },
            issued_at=int(data["issued_at"]),
            admitted=frozenset(str(item) for item in data.get("admitted", [])),
        )


@dataclass(frozen=True, slots=True)
class Scan:
    """One scan at a door: its own random id, the token's nonce (when readable) and the outcome."""

    scan_id: str
    device_id: str
    venue_id: int
    token_nonce: str | None
    scanned_at: int
    outcome: str

    @property
    def is_admission(self) -> bool:
        return self.outcome == ADMITTED

    @property
    def sort_key(self) -> tuple[int, str, str, int, str, str]:
        # Every field takes part, so the order is total even for two contents under one scan id.
        return (
            self.scanned_at,
            self.device_id,
            self.scan_id,
            self.venue_id,
            self.token_nonce or "",
            self.outcome,
        )

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Scan:
        if not isinstance(data, Mapping):
            raise ValueError("a scan is a JSON object")
        nonce = data.get("token_nonce")
        scan = cls(
            scan_id=str(data["scan_id"]),
            device_id=str(data["device_id"]),
            venue_id=int(data["venue_id"]),
            token_nonce=None if nonce is None else str(nonce),
            scanned_at=int(data["scanned_at"]),
            outcome=str(data["outcome"]),
        )
        # Scans come from devices: check every field's shape before it reaches the database.
        if not _HEX_ID.fullmatch(scan.scan_id) or (
            scan.token_nonce is not None and not _HEX_ID.fullmatch(scan.token_nonce)
        ):
            raise ValueError("scan ids and nonces are 32 hexadecimal digits")
        if scan.outcome not in OUTCOMES or not 0 < len(scan.device_id) <= 64 or not 0 <= scan.scanned_at < 2**32:
            raise ValueError("not a scan")
        return scan


def new_scan_id() -> str:
    return secrets.token_hex(16)


@dataclass
class Scanner:
    """A door device: its manifest, the nonces it has admitted, and the queue of scans to sync."""

    manifest: Manifest
    device_id: str
    queue: list[Scan] = field(default_factory=list)
    synced: set[str] = field(default_factory=set)

    @property
    def seen_nonces(self) -> frozenset[bytes]:
        here = {scan.token_nonce for scan in self.queue if scan.is_admission and scan.token_nonce}
        return frozenset(bytes.fromhex(nonce) for nonce in here | self.manifest.admitted)

    def _record(self, *, nonce: str | None, outcome: str, now: int) -> Scan:
        scan = Scan(new_scan_id(), self.device_id, self.manifest.venue_id, nonce, now, outcome)
        self.queue.append(scan)
        return scan

    def scan_token(self, text: str, *, now: int) -> tuple[Scan, InvalidInvite | None]:
        """Verify a scanned token offline and queue the scan; return it with the refusal, if any."""
        manifest = self.manifest
        nonce: str | None = None
        try:
            claims = verify(
                text.strip(),
                manifest.keyring,
                now=now,
                expected_assembly=manifest.assembly_id,
                expected_venue=manifest.venue_id,
                revoked={bytes.fromhex(item) for item in manifest.revoked},
                seen_nonces=self.seen_nonces,
            )
        except InvalidInvite as refusal:
            if refusal.reason not in {
                Reason.MALFORMED,
                Reason.TAMPERED,
                Reason.UNKNOWN_KEY,
                Reason.FORGED,
            }:
                nonce = nonce_of(text.strip()).hex()
            return self._record(nonce=nonce, outcome=refusal.reason.value, now=now), refusal
        return self._record(nonce=claims.nonce_hex, outcome=ADMITTED, now=now), None

    def scan_code(self, text: str, *, now: int) -> tuple[Scan, InvalidInvite | None]:
        """Check a typed short code against the manifest's digests and queue the scan."""
        try:
            entry = self.manifest.codes.get(code_digest(normalize_code(text)))
            if entry is None:
                raise InvalidInvite(Reason.FORGED, "unknown code")
            refusal = _check_entry(entry, self.manifest, self.seen_nonces, now)
        except InvalidInvite as error:
            return self._record(nonce=None, outcome=error.reason.value, now=now), error
        if refusal is not None:
            return self._record(nonce=entry.nonce, outcome=refusal.reason.value, now=now), refusal
        return self._record(nonce=entry.nonce, outcome=ADMITTED, now=now), None

    def pending(self) -> list[Scan]:
        return [scan for scan in self.queue if scan.scan_id not in self.synced]

    def mark_synced(self, scan_ids: Iterable[str]) -> None:
        self.synced.update(scan_ids)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": QUEUE_FORMAT,
            "device_id": self.device_id,
            "manifest": self.manifest.to_json(),
            "queue": [asdict(scan) for scan in self.queue],
            "synced": sorted(self.synced),
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Scanner:
        if not isinstance(data, Mapping) or data.get("format") != QUEUE_FORMAT:
            raise ValueError("not a check-in queue file")
        return cls(
            manifest=Manifest.from_json(data["manifest"]),
            device_id=str(data["device_id"]),
            queue=[Scan.from_json(item) for item in data["queue"]],
            synced={str(item) for item in data.get("synced", [])},
        )


def _check_entry(entry: CodeEntry, manifest: Manifest, seen: frozenset[bytes], now: int) -> InvalidInvite | None:
    if entry.venue_id != manifest.venue_id:
        return InvalidInvite(Reason.WRONG_VENUE)
    if now < entry.not_before:
        return InvalidInvite(Reason.NOT_YET_VALID)
    if now >= entry.not_after:
        return InvalidInvite(Reason.EXPIRED)
    if entry.nonce in manifest.revoked:
        return InvalidInvite(Reason.REVOKED)
    if bytes.fromhex(entry.nonce) in seen:
        return InvalidInvite(Reason.ALREADY_SCANNED)
    return None


def _mapping(value: object) -> Mapping[str, Any]:
    """Return a JSON object, or raise ValueError: queue files come from devices, not trusted."""
    if not isinstance(value, Mapping):
        raise ValueError("expected a JSON object")
    return value


# --- reconciliation -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A further admission of an already admitted token, with the admission it repeats."""

    token_nonce: str
    kind: DuplicateKind
    first: Scan
    again: Scan


@dataclass(frozen=True)
class Reconciliation:
    """The outcome over all venues: one admission per token, the duplicates, the refusals."""

    admissions: dict[str, Scan]
    duplicates: list[Duplicate]
    refusals: list[Scan]
    scan_count: int

    def admitted_at(self, venue_id: int) -> int:
        return sum(1 for scan in self.admissions.values() if scan.venue_id == venue_id)


def unique_scans(scans: Iterable[Scan]) -> dict[str, Scan]:
    """Return scans by scan id, once each; if one id arrives with two contents keep the earliest."""
    by_id: dict[str, Scan] = {}
    for scan in scans:
        known = by_id.get(scan.scan_id)
        if known is None or scan.sort_key < known.sort_key:
            by_id[scan.scan_id] = scan
    return by_id


def reconcile(scans: Iterable[Scan]) -> Reconciliation:
    """Reconcile scans from every device; the result does not depend on order or repeats."""
    unique = sorted(unique_scans(scans).values(), key=lambda scan: scan.sort_key)
    admissions: dict[str, Scan] = {}
    duplicates: list[Duplicate] = []
    refusals: list[Scan] = []
    for scan in unique:
        if not scan.is_admission or scan.token_nonce is None:
            refusals.append(scan)
            continue
        first = admissions.get(scan.token_nonce)
        if first is None:
            admissions[scan.token_nonce] = scan
            continue
        kind = DuplicateKind.TWICE if first.venue_id == scan.venue_id else DuplicateKind.TWO_VENUES
        duplicates.append(Duplicate(scan.token_nonce, kind, first, scan))
    return Reconciliation(admissions, duplicates, refusals, len(unique))
