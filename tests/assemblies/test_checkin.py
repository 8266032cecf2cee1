"""Offline check-in: scanner queue, refusals, code fallback and reconciliation across venues."""

from __future__ import annotations

import contextlib
import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from solidarity.assemblies import invitations as inv
from solidarity.assemblies.checkin import (
    ADMITTED,
    CodeEntry,
    DuplicateKind,
    Manifest,
    Scan,
    Scanner,
    reconcile,
)
from solidarity.assemblies.invitations import InviteRole, Keyring, Reason, Signer

SIGNER = Signer.from_seed(bytes(range(32)))
START, END = 1_800_000_000, 1_800_200_000
NOW = START + 100


def token(venue: int = 1, nonce: bytes | None = None) -> str:
    return inv.to_text(
        inv.issue(
            SIGNER,
            assembly_id=5,
            venue_id=venue,
            role=InviteRole.DELEGATE,
            not_before=START,
            not_after=END,
            nonce=nonce,
        )
    )


def manifest(
    venue: int = 1,
    revoked: frozenset[str] = frozenset(),
    codes: dict[str, CodeEntry] | None = None,
) -> Manifest:
    return Manifest(5, venue, Keyring([SIGNER.public_key]), revoked, codes or {}, NOW - 10)


def test_scanner_admits_once_then_refuses_a_second_scan() -> None:
    scanner = Scanner(manifest(), "door-a")
    text = token()
    first, refusal = scanner.scan_token(text, now=NOW)
    assert refusal is None
    assert first.outcome == ADMITTED
    second, refusal = scanner.scan_token(text, now=NOW + 5)
    assert refusal is not None
    assert refusal.reason is Reason.ALREADY_SCANNED
    assert second.token_nonce == first.token_nonce
    assert second.scan_id != first.scan_id
    assert len(scanner.pending()) == 2


def test_scanner_refuses_revoked_wrong_venue_expired_and_forged() -> None:
    revoked_text = token(nonce=b"R" * 16)
    scanner = Scanner(manifest(revoked=frozenset({(b"R" * 16).hex()})), "door-a")
    assert scanner.scan_token(revoked_text, now=NOW)[1].reason is Reason.REVOKED  # type: ignore[union-attr]
    assert scanner.scan_token(token(venue=2), now=NOW)[1].reason is Reason.WRONG_VENUE  # type: ignore[union-attr]
    assert scanner.scan_token(token(), now=END + 1)[1].reason is Reason.EXPIRED  # type: ignore[union-attr]
    forger = Signer.from_seed(bytes(32))
    forged = inv.to_text(
        inv.issue(
            forger,
            assembly_id=5,
            venue_id=1,
            role=InviteRole.DELEGATE,
            not_before=START,
            not_after=END,
        )
    )
    scan, refusal = scanner.scan_token(forged, now=NOW)
    assert refusal is not None
    assert refusal.reason is Reason.UNKNOWN_KEY
    assert scan.token_nonce is None
    assert [scan.outcome for scan in scanner.queue] == [
        "revoked",
        "wrong_venue",
        "expired",
        "unknown_key",
    ]


def test_short_code_fallback_against_manifest_digests() -> None:
    nonce = b"C" * 16
    code = inv.short_code(inv.from_text(token(nonce=nonce)))
    entries = {inv.code_digest(code): CodeEntry(nonce.hex(), 1, START, END)}
    scanner = Scanner(manifest(codes=entries), "door-a")
    assert scanner.scan_code(code.lower(), now=NOW)[1] is None
    assert scanner.scan_code(code, now=NOW)[1].reason is Reason.ALREADY_SCANNED  # type: ignore[union-attr]
    # The token of the same invitation is refused too: the device knows its nonce now.
    assert scanner.scan_token(token(nonce=nonce), now=NOW)[1].reason is Reason.ALREADY_SCANNED  # type: ignore[union-attr]
    unknown = inv.short_code(inv.from_text(token(nonce=b"D" * 16)))
    assert scanner.scan_code(unknown, now=NOW)[1].reason is Reason.FORGED  # type: ignore[union-attr]
    assert scanner.scan_code("nonsense", now=NOW)[1].reason is Reason.MALFORMED  # type: ignore[union-attr]


def test_queue_file_round_trips() -> None:
    scanner = Scanner(manifest(), "door-a")
    scanner.scan_token(token(), now=NOW)
    scanner.mark_synced([scanner.queue[0].scan_id])
    again = Scanner.from_json(json.loads(scanner.dumps()))
    assert again.queue == scanner.queue
    assert again.synced == scanner.synced
    assert again.pending() == []
    assert again.scan_token(token(nonce=again.seen_nonces.__iter__().__next__()), now=NOW)[1] is not None


def test_two_devices_scanning_the_same_token_offline_give_one_admission_and_one_duplicate() -> None:
    text = token()
    paris, lyon = Scanner(manifest(), "paris-1"), Scanner(manifest(), "paris-2")
    paris.scan_token(text, now=NOW)
    lyon.scan_token(text, now=NOW + 60)
    result = reconcile(paris.pending() + lyon.pending())
    assert len(result.admissions) == 1
    assert len(result.duplicates) == 1
    duplicate = result.duplicates[0]
    assert duplicate.kind is DuplicateKind.TWICE
    assert duplicate.first.device_id == "paris-1"
    assert duplicate.again.device_id == "paris-2"
    assert result.scan_count == 2  # no scan lost


def test_the_same_token_at_two_venues_is_flagged_with_both_scans() -> None:
    first = Scan("a" * 32, "hub", 1, "ff" * 16, NOW, ADMITTED)
    second = Scan("b" * 32, "sat", 2, "ff" * 16, NOW - 5, ADMITTED)
    result = reconcile([first, second])
    assert result.admissions["ff" * 16] == second  # the earlier scan is the admission
    assert result.duplicates[0].kind is DuplicateKind.TWO_VENUES
    assert result.duplicates[0].again == first


def test_refusals_are_kept_apart() -> None:
    scans = [
        Scan("c" * 32, "hub", 1, None, NOW, "forged"),
        Scan("d" * 32, "hub", 1, "ee" * 16, NOW, ADMITTED),
    ]
    result = reconcile(scans)
    assert len(result.refusals) == 1
    assert len(result.admissions) == 1
    assert result.admitted_at(1) == 1


scans_strategy = st.lists(
    st.builds(
        Scan,
        scan_id=st.sampled_from([f"{index:032x}" for index in range(40)]),
        device_id=st.sampled_from(["d1", "d2", "d3"]),
        venue_id=st.integers(1, 3),
        token_nonce=st.sampled_from([f"{index:032x}" for index in range(8)]),
        scanned_at=st.integers(NOW, NOW + 50),
        outcome=st.sampled_from([ADMITTED, ADMITTED, "revoked"]),
    ),
    max_size=60,
)


@settings(max_examples=100, deadline=None)
@given(scans_strategy, st.randoms(use_true_random=False))
def test_reconciliation_is_idempotent_and_order_free(scans: list[Scan], rng: random.Random) -> None:
    once = reconcile(scans)
    shuffled = scans + scans
    rng.shuffle(shuffled)
    again = reconcile(shuffled)
    assert once.admissions == again.admissions
    assert once.duplicates == again.duplicates
    assert once.scan_count == again.scan_count
    # Every unique scan is accounted for: admission, duplicate or refusal.
    assert len(once.admissions) + len(once.duplicates) + len(once.refusals) == once.scan_count


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)


def _valid_queue_file() -> dict[str, object]:
    nonce = b"C" * 16
    scanner = Scanner(
        manifest(
            codes={
                inv.code_digest(inv.short_code(inv.from_text(token(nonce=nonce)))): CodeEntry(
                    nonce.hex(), 1, START, END
                )
            }
        ),
        "d",
    )
    scanner.scan_token(token(), now=NOW)
    return json.loads(scanner.dumps())  # type: ignore[no-any-return]  # a JSON object


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


@settings(max_examples=300, deadline=None)
@given(st.data(), JSON_VALUES)
def test_queue_and_scan_parsers_refuse_damaged_files_cleanly(data: st.DataObject, junk: object) -> None:
    """Uploaded queue files are untrusted: a value replaced anywhere fails only with ValueError, KeyError
    or TypeError (the views answer 400 or a message), or still parses."""
    document: Any = _valid_queue_file()
    path = data.draw(st.sampled_from(_paths(document)))
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = junk
    parsers: list[tuple[Any, Any]] = [
        (Scanner.from_json, document),
        (Manifest.from_json, document.get("manifest")),
        (Scan.from_json, (document.get("queue") or [None])[0] if isinstance(document.get("queue"), list) else None),
    ]
    for parse, argument in parsers:
        with contextlib.suppress(ValueError, KeyError, TypeError):
            parse(argument)


def test_scan_fields_are_checked_before_they_reach_the_database() -> None:
    good = {
        "scan_id": "a" * 32,
        "device_id": "d",
        "venue_id": 1,
        "token_nonce": "b" * 32,
        "scanned_at": NOW,
        "outcome": "admitted",
    }
    assert Scan.from_json(good).token_nonce == "b" * 32
    for change in (
        {"scan_id": "a" * 33},
        {"token_nonce": "x" * 32},
        {"token_nonce": "b" * 40},
        {"outcome": "let in"},
        {"device_id": "d" * 65},
        {"scanned_at": -1},
    ):
        with pytest.raises(ValueError):
            Scan.from_json(good | change)
