"""Invitation tokens: issue, encode, verify, refuse with the right reason (SR-09, SR-10)."""

from __future__ import annotations

import base64
import hashlib
import zlib
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.assemblies import invitations as inv
from solidarity.assemblies.invitations import (
    InvalidInvite,
    InviteRole,
    Keyring,
    Reason,
    Signer,
)

SEED = bytes(range(32))
OTHER_SEED = bytes(range(1, 33))
START = int(datetime(2026, 12, 5, 7, tzinfo=UTC).timestamp())
END = int(datetime(2026, 12, 6, 22, tzinfo=UTC).timestamp())
NOW = START + 3600
SIGNER = Signer.from_seed(SEED)
KEYRING = Keyring([SIGNER.public_key])
TOKEN = inv.issue(
    SIGNER,
    assembly_id=7,
    venue_id=3,
    role=InviteRole.DELEGATE,
    not_before=START,
    not_after=END,
    nonce=b"N" * 16,
)
TEXT = inv.to_text(TOKEN)


def check(token: bytes | str, **overrides: object) -> inv.Claims:
    arguments: dict[str, object] = {
        "now": NOW,
        "expected_assembly": 7,
        "expected_venue": 3,
    }
    arguments.update(overrides)
    keyring = arguments.pop("keyring", KEYRING)
    return inv.verify(token, keyring, **arguments)  # type: ignore[arg-type]  # test helper forwards keywords


def reason_of(token: bytes | str, **overrides: object) -> Reason:
    with pytest.raises(InvalidInvite) as caught:
        check(token, **overrides)
    return caught.value.reason


def test_a_valid_token_verifies_and_carries_no_name() -> None:
    claims = check(TEXT)
    assert (claims.assembly_id, claims.venue_id, claims.role) == (
        7,
        3,
        InviteRole.DELEGATE,
    )
    assert claims.nonce == b"N" * 16
    assert len(TOKEN) == inv.TOKEN_SIZE == 106
    assert len(TEXT) == 170
    assert TEXT.isupper()
    # The text form uses only QR alphanumeric characters.
    assert set(TEXT) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def test_fresh_tokens_get_fresh_nonces() -> None:
    first = inv.issue(
        SIGNER,
        assembly_id=1,
        venue_id=1,
        role=InviteRole.GUEST,
        not_before=START,
        not_after=END,
    )
    second = inv.issue(
        SIGNER,
        assembly_id=1,
        venue_id=1,
        role=InviteRole.GUEST,
        not_before=START,
        not_after=END,
    )
    assert inv.nonce_of(first) != inv.nonce_of(second)


def test_binary_and_text_forms_agree() -> None:
    assert inv.from_text(TEXT) == TOKEN
    assert check(TOKEN) == check(TEXT)


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"now": START - 1}, Reason.NOT_YET_VALID),
        ({"now": END}, Reason.EXPIRED),
        ({"now": END + 86400}, Reason.EXPIRED),
        ({"expected_assembly": 8}, Reason.WRONG_ASSEMBLY),
        ({"expected_venue": 4}, Reason.WRONG_VENUE),
        ({"revoked": {b"N" * 16}}, Reason.REVOKED),
        ({"seen_nonces": {b"N" * 16}}, Reason.ALREADY_SCANNED),
        (
            {"keyring": Keyring([Signer.from_seed(OTHER_SEED).public_key])},
            Reason.UNKNOWN_KEY,
        ),
        ({"keyring": Keyring()}, Reason.UNKNOWN_KEY),
    ],
)
def test_refusals_name_their_reason(overrides: dict[str, object], reason: Reason) -> None:
    assert reason_of(TEXT, **overrides) is reason


def test_any_venue_is_accepted_when_none_is_expected() -> None:
    assert check(TEXT, expected_venue=None).venue_id == 3


def test_window_bounds_and_leeway() -> None:
    assert check(TEXT, now=START).nonce
    assert check(TEXT, now=END - 1).nonce
    assert check(TEXT, now=END + 30, leeway_seconds=60).nonce
    assert check(TEXT, now=datetime.fromtimestamp(NOW, tz=UTC)).nonce


def test_a_token_signed_by_another_key_under_our_key_id_is_forged() -> None:
    forger = Signer.from_seed(OTHER_SEED)
    forged = inv.issue(
        forger,
        assembly_id=7,
        venue_id=3,
        role=InviteRole.DELEGATE,
        not_before=START,
        not_after=END,
    )
    payload = bytearray(forged[: inv.PAYLOAD.size])
    payload[1:5] = SIGNER.key_id.to_bytes(4, "big")  # claim our key id
    body = bytes(payload) + forged[inv.PAYLOAD.size : -4]
    rebuilt = body + zlib.crc32(body).to_bytes(4, "big")
    assert reason_of(rebuilt) is Reason.FORGED


def test_a_consistent_token_with_a_zero_signature_is_forged() -> None:
    body = TOKEN[: inv.PAYLOAD.size] + bytes(64)
    assert reason_of(body + zlib.crc32(body).to_bytes(4, "big")) is Reason.FORGED


def test_a_changed_field_with_a_fixed_check_value_is_forged() -> None:
    payload = bytearray(TOKEN[: inv.PAYLOAD.size])
    payload[12] ^= 1  # venue id
    body = bytes(payload) + TOKEN[inv.PAYLOAD.size : -4]
    assert reason_of(body + zlib.crc32(body).to_bytes(4, "big")) is Reason.FORGED


@pytest.mark.parametrize("index", range(0, 106 * 8, 13))
def test_flipping_any_bit_is_refused(index: int) -> None:
    flipped = bytearray(TOKEN)
    flipped[index // 8] ^= 1 << (index % 8)
    assert reason_of(bytes(flipped)) in {Reason.TAMPERED, Reason.MALFORMED}


def test_every_single_bit_flip_is_refused() -> None:
    for index in range(len(TOKEN) * 8):
        flipped = bytearray(TOKEN)
        flipped[index // 8] ^= 1 << (index % 8)
        with pytest.raises(InvalidInvite):
            check(bytes(flipped))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "A",
        TEXT[:-1],
        TEXT + "A",
        TEXT.lower(),
        TEXT[:-1] + "1",
        TEXT[:-1] + "B",
        " " + TEXT,
        "é" * 170,
    ],
)
def test_malformed_text_is_refused(text: str) -> None:
    assert reason_of(text) is Reason.MALFORMED


def test_non_canonical_trailing_bits_are_refused() -> None:
    # 106 bytes fill 848 of 850 bits: the last symbol's low bits must be zero.
    last = TEXT[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    sibling = alphabet[alphabet.index(last) ^ 1]
    assert reason_of(TEXT[:-1] + sibling) is Reason.MALFORMED


def test_unknown_version_and_role_are_malformed() -> None:
    signer = SIGNER
    for version, role in ((2, 1), (1, 99)):
        payload = inv.PAYLOAD.pack(version, signer.key_id, 7, 3, role, START, END, b"N" * 16)
        body = payload + signer.signing_key.sign(inv.DOMAIN + payload).signature
        assert reason_of(body + zlib.crc32(body).to_bytes(4, "big")) is Reason.MALFORMED


def test_keyring_accepts_every_listed_key_for_rotation() -> None:
    new = Signer.from_seed(OTHER_SEED)
    keyring = Keyring([SIGNER.public_key, new.public_key])
    newer = inv.issue(
        new,
        assembly_id=7,
        venue_id=3,
        role=InviteRole.GUEST,
        not_before=START,
        not_after=END,
    )
    assert check(TEXT, keyring=keyring).key_id == SIGNER.key_id
    assert check(newer, keyring=keyring).key_id == new.key_id
    assert reason_of(newer) is Reason.UNKNOWN_KEY  # old keyring only
    assert len(Keyring.from_json(keyring.to_json())) == 2


def test_keyring_json_refuses_a_mismatched_key_id() -> None:
    item = KEYRING.to_json()[0] | {"key_id": 1}
    with pytest.raises(ValueError, match="key id"):
        Keyring.from_json([item])


def test_fingerprint_is_deterministic_and_human_comparable() -> None:
    assert SIGNER.fingerprint == inv.fingerprint(SIGNER.public_key) == Signer.from_seed(SEED).fingerprint
    groups = SIGNER.fingerprint.split(" ")
    assert len(groups) == 10
    assert all(len(group) == 4 for group in groups)
    assert SIGNER.fingerprint != Signer.from_seed(OTHER_SEED).fingerprint
    # Published key file (as the /keys.json view lists it) matches the fingerprint.
    assert KEYRING.to_json()[0]["fingerprint"] == SIGNER.fingerprint
    digest = hashlib.sha256(b"solidarity/invitation-key\x00" + SIGNER.public_key).hexdigest().upper()[:40]
    assert SIGNER.fingerprint.replace(" ", "") == digest
    assert SIGNER.fingerprint == "EF64 DF38 AE81 6929 C81E C6BD B29D 44C0 CE26 A2D3"  # pinned: must never drift


def test_signer_round_trips_through_base64() -> None:
    assert Signer.from_base64(SIGNER.seed_base64()).public_key == SIGNER.public_key
    with pytest.raises(ValueError):
        Signer.from_base64(base64.b64encode(b"short").decode())


def test_issue_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError):
        inv.issue(
            SIGNER,
            assembly_id=1,
            venue_id=1,
            role=InviteRole.GUEST,
            not_before=END,
            not_after=START,
        )
    with pytest.raises(ValueError):
        inv.issue(
            SIGNER,
            assembly_id=2**32,
            venue_id=1,
            role=InviteRole.GUEST,
            not_before=START,
            not_after=END,
        )
    with pytest.raises(ValueError):
        inv.issue(
            SIGNER,
            assembly_id=1,
            venue_id=1,
            role=InviteRole.GUEST,
            not_before=START,
            not_after=END,
            nonce=b"x",
        )


def test_short_code_is_typable_and_tolerant_of_look_alikes() -> None:
    code = inv.short_code(TOKEN)
    assert len(code) == 19
    assert code.count("-") == 3
    assert inv.normalize_code(code) == code
    assert inv.normalize_code(code.lower().replace("-", " ")) == code
    assert inv.normalize_code(code.replace("1", "I").replace("0", "O")) == code
    other = inv.issue(
        SIGNER, assembly_id=7, venue_id=3, role=InviteRole.DELEGATE, not_before=START, not_after=END, nonce=b"M" * 16
    )
    assert inv.short_code(other) != code


def test_short_code_needs_the_signature_not_just_the_nonce() -> None:
    """Nonces travel in public revocation lists, door manifests and queue files: a code that
    followed from the nonce would let anyone holding one of those type their way in."""
    same_claims_other_key = inv.issue(
        Signer.from_seed(OTHER_SEED),
        assembly_id=7,
        venue_id=3,
        role=InviteRole.DELEGATE,
        not_before=START,
        not_after=END,
        nonce=b"N" * 16,
    )
    assert inv.nonce_of(same_claims_other_key) == inv.nonce_of(TOKEN)
    assert inv.short_code(same_claims_other_key) != inv.short_code(TOKEN)
    with pytest.raises(ValueError, match="whole binary token"):
        inv.short_code(b"N" * 16)


def test_short_code_catches_every_single_typo_and_adjacent_swap() -> None:
    code = inv.short_code(TOKEN).replace("-", "")
    for position in range(len(code)):
        for symbol in inv.CODE_ALPHABET:
            if symbol == code[position]:
                continue
            typo = code[:position] + symbol + code[position + 1 :]
            with pytest.raises(InvalidInvite):
                inv.normalize_code(typo)
    for position in range(len(code) - 1):
        if code[position] != code[position + 1]:
            swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
            with pytest.raises(InvalidInvite):
                inv.normalize_code(swapped)


def test_code_digest_hides_the_code() -> None:
    code = inv.short_code(TOKEN)
    assert code.replace("-", "") not in inv.code_digest(code).upper()
    assert inv.code_digest(code) == inv.code_digest(inv.normalize_code(code.lower()))


# --- property-based: every mutation of a valid token is refused -------------------------------


@st.composite
def mutated_tokens(draw: st.DrawFn) -> bytes:
    data = bytearray(TOKEN)
    kind = draw(st.sampled_from(["flip", "set", "truncate", "extend", "splice", "swap"]))
    if kind == "flip":
        for index in draw(st.lists(st.integers(0, len(data) * 8 - 1), min_size=1, max_size=8, unique=True)):
            data[index // 8] ^= 1 << (index % 8)
    elif kind == "set":
        index = draw(st.integers(0, len(data) - 1))
        data[index] = draw(st.integers(0, 255).filter(lambda value: value != TOKEN[index]))
    elif kind == "truncate":
        del data[draw(st.integers(0, len(data) - 1)) :]
    elif kind == "extend":
        data += draw(st.binary(min_size=1, max_size=16))
    elif kind == "splice":
        start = draw(st.integers(0, len(data) - 1))
        replacement = draw(st.binary(min_size=1, max_size=8))
        data[start : start + len(replacement)] = replacement
    else:
        first, second = draw(st.lists(st.integers(0, len(data) - 1), min_size=2, max_size=2, unique=True))
        data[first], data[second] = data[second], data[first]
    return bytes(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(mutated_tokens())
def test_every_mutation_of_a_valid_token_is_refused(mutated: bytes) -> None:
    if mutated == TOKEN:  # a swap of equal bytes or a splice of the same bytes is no mutation
        return
    with pytest.raises(InvalidInvite):
        check(mutated)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 169), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abc01=-"))
def test_every_text_substitution_is_refused(position: int, symbol: str) -> None:
    mutated = TEXT[:position] + symbol + TEXT[position + 1 :]
    if mutated == TEXT:
        return
    with pytest.raises(InvalidInvite):
        check(mutated)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_arbitrary_input_raises_only_invalid_invite(data: bytes | str) -> None:
    with pytest.raises(InvalidInvite):
        check(data)
