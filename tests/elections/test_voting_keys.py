"""Delegates' voting keys: the derivation's known answers, and the insider's pass for someone who never asked."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import replace
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nacl.signing import SigningKey, VerifyKey

from solidarity.elections import blind, client, record, voting_key
from tests.elections.helpers import make_election, voted_election, voter_key

# A code anyone can retype: the alphabet in order, then its Luhn mod 32 check symbol "Q".
KNOWN_CODE = "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYQ"
KNOWN_SEED = "e94fde6f584e01c67a423260e0b6877293fde7fc503ce9638a823514e8314869"
KNOWN_PUBLIC_KEY = "92d30353a6e118269a3a934423fbfae931d51343df22f0c93aa7fcda25820b8b"


def codes(data: Any) -> set[str]:
    return {failure.code for failure in record.verify(data)}


def messages(data: Any) -> list[str]:
    return [failure.message for failure in record.verify(data)]


def test_the_key_derivation_gives_its_known_answer_with_plain_hashlib_and_pynacl() -> None:
    symbols = KNOWN_CODE.replace("-", "").encode("ascii")
    seed = hashlib.sha512(b"solidarity-voting-key/1\x00" + symbols).digest()[:32]
    assert seed.hex() == KNOWN_SEED
    assert SigningKey(seed).verify_key.encode().hex() == KNOWN_PUBLIC_KEY  # libsodium's crypto_sign_seed_keypair
    assert voting_key.seed(KNOWN_CODE).hex() == KNOWN_SEED
    assert voting_key.public_key(KNOWN_CODE).hex() == KNOWN_PUBLIC_KEY
    # Typed in lower case, without hyphens, with O for 0 and I for 1: the same code, the same key.
    assert voting_key.public_key("o123 4567 89ab cdef ghjk mnpq rstv wxyq") == bytes.fromhex(KNOWN_PUBLIC_KEY)


def test_the_pass_request_message_has_its_known_bytes_and_its_signature_checks_with_pynacl() -> None:
    digest, blinded = "ab" * 32, bytes(range(4))
    message = voting_key.pass_request_message(digest, blinded)
    assert message == b"solidarity-pass-request/1\x00" + bytes.fromhex(digest) + blinded
    assert message.hex() == "736f6c696461726974792d706173732d726571756573742f3100" + "ab" * 32 + "00010203"
    signature = voting_key.sign_pass_request(voting_key.private_key(KNOWN_CODE), digest, blinded)
    VerifyKey(bytes.fromhex(KNOWN_PUBLIC_KEY)).verify(message, signature)
    assert voting_key.is_valid_pass_request(bytes.fromhex(KNOWN_PUBLIC_KEY), digest, blinded, signature)
    assert not voting_key.is_valid_pass_request(bytes.fromhex(KNOWN_PUBLIC_KEY), "cd" * 32, blinded, signature)


@pytest.mark.parametrize(
    "typed",
    ["0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYR", "0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXY", "U123-4567-89AB-CDEF"],
)
def test_a_mistyped_code_is_refused_not_turned_into_another_key(typed: str) -> None:
    with pytest.raises(voting_key.InvalidVotingCodeError):
        voting_key.normalize_code(typed)


def test_new_codes_are_valid_and_differ() -> None:
    made = {voting_key.new_code() for _ in range(20)}
    assert len(made) == 20
    assert all(voting_key.normalize_code(code) == code and len(code) == 39 for code in made)


def test_an_honest_record_with_signed_pass_requests_passes() -> None:
    built = voted_election(voters=5).build()
    assert record.verify(built) == []
    assert all(len(entry["voter_signature"]) == 88 for entry in built["issuance"])


def _pass_listed_by_the_server(election: Any, elector: str, key: Ed25519PrivateKey) -> client.VotingPass:
    """The server, holding the blind-signing key during voting, lists a pass and signs the request with ``key``."""
    public = election.signing.public_key()
    pending = client.start_pass(public)
    blind_signature = blind.blind_sign(election.signing, pending.blinded_message)
    request = voting_key.sign_pass_request(key, election.digest, pending.blinded_message)
    election.issuance.append(record.Issuance(elector, pending.blinded_message, blind_signature, request))
    election._event("issue")
    return client.finish_pass(public, pending, blind_signature)


def test_a_pass_the_server_lists_for_an_elector_who_never_asked_is_caught() -> None:
    """The insider's stuffing during voting: a pass for e005 (who never asked), a ballot cast with it."""
    election = voted_election(voters=4)  # e000…e003 voted, e004 took a pass; e005 never asked
    minted = _pass_listed_by_the_server(election, "e005", Ed25519PrivateKey.generate())
    election.cast.append(
        client.cast(minted, election.digest, election.ballot_key, {"ranking": ["c1"]}, layout=election.layout)
    )
    election._event("cast")
    stuffed = election.build()  # the chain, the counts and the record signature all agree
    # The request is not e005's, and no elector declared the ballot (that needs a voting key too).
    assert codes(stuffed) == {"issuance", "ballot-count"}
    assert any("e005: the pass request is not signed" in text for text in messages(stuffed))


def test_a_pass_for_an_elector_without_a_voting_key_is_caught() -> None:
    election = make_election(voters=4)
    election.definition["electorate"][3]["key"] = None  # registered no key before the freeze
    for elector in ("e000", "e001", "e002"):
        election.vote(elector, {"ranking": ["c0"]})
    assert record.verify(election.build()) == []
    _pass_listed_by_the_server(election, "e003", Ed25519PrivateKey.generate())
    built = election.build()
    assert codes(built) == {"issuance"}
    assert any("e003: a pass for an elector with no voting key" in text for text in messages(built))


@pytest.mark.parametrize("what", ["definition hash", "blinded message"])
def test_a_voter_signature_over_something_else_is_caught(what: str) -> None:
    election = voted_election(voters=3)
    first = election.issuance[0]
    if what == "definition hash":
        other = voting_key.sign_pass_request(voter_key(first.elector), "00" * 32, first.blinded_message)
    else:
        other = voting_key.sign_pass_request(voter_key(first.elector), election.digest, first.blinded_message[::-1])
    election.issuance[0] = replace(first, voter_signature=other)
    assert codes(election.build()) == {"issuance"}


def test_a_signature_replayed_for_another_elector_is_caught() -> None:
    """e000's request, blinded message and blind signature moved to e004, who never asked."""
    election = voted_election(voters=3)  # e000…e002 voted, e003 took a pass; e004 never asked
    first = election.issuance[0]
    election.issuance[0] = replace(first, elector="e004")
    assert codes(election.build()) == {"issuance", "declaration"}  # e000's declaration moved with it
    # Listed for both: the blinded message repeats, and e004's entry is not signed by e004's key.
    election = voted_election(voters=3)
    first = election.issuance[0]
    election.issuance.append(
        record.Issuance("e004", first.blinded_message, first.blind_signature, first.voter_signature)
    )
    election._event("issue")
    found = messages(election.build())
    assert any("blinded message appears twice" in text for text in found)
    assert any("e004: the pass request is not signed" in text for text in found)


def test_electorate_entries_are_exact_and_keys_distinct() -> None:
    built = voted_election(voters=2).build()
    for change in ("missing", "short", "repeated"):
        forged = copy.deepcopy(built)
        electorate = forged["definition"]["electorate"]
        if change == "missing":
            del electorate[0]["key"]
        elif change == "short":
            electorate[0]["key"] = record.b64(b"\x01" * 31)
        else:
            electorate[1]["key"] = electorate[0]["key"]
        assert codes(forged) == {"format"}, change


@pytest.mark.django_db
def test_two_registrations_racing_past_the_checks_get_a_clear_refusal(
    delegates: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db.models.query import QuerySet

    from solidarity.elections import services
    from solidarity.elections.models import VotingKey
    from tests.elections.helpers import voting_code

    public = voting_key.public_key(voting_code("racing"))
    services.register_voting_key(delegate=delegates[0], public_key=public)
    # the second request read "no such key" before the first one's row was committed
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    with pytest.raises(services.VotingKeyError, match="already registered"):
        services.register_voting_key(delegate=delegates[1], public_key=public)
    monkeypatch.undo()
    assert VotingKey.objects.count() == 1
