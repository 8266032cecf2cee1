"""Election services end to end: freeze, sign once, cast anonymously, replace, close, open, verify."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.elections import blind, client, record, selectors, services
from solidarity.elections.ballots import Ceremony, reconstruct_private_key
from solidarity.elections.models import Ballot, Election, PendingShare
from tests.elections import helpers
from tests.elections.helpers import draft_election


def _cast(election: Election, ballot: record.CastBallot) -> str:
    return services.cast_ballot(
        slug=election.slug,
        credential=ballot.credential,
        signature=ballot.credential_signature,
        ciphertext=ballot.ciphertext,
        ballot_signature=ballot.ballot_signature,
    )


def _c(election: Election, number: int) -> str:
    """The id of the election's `number`-th candidate (1-based, in creation order): ids are "c<delegate id>",
    and delegate ids depend on the database's sequences and the tests run before, not fixed numbers."""
    return [c.public_id for c in election.candidates.order_by("pk")][number - 1]


def _vote(election: Election, user: User, content: dict[str, object]) -> tuple[client.VotingPass, record.CastBallot]:
    definition = record.parse_definition(election.definition)
    public = blind.load_public_key(definition.blind_key)
    pending = client.start_pass(public)
    _, blind_signature = services.issue_blind_signature(
        election=election,
        user=user,
        blinded_message=pending.blinded_message,
        voter_signature=helpers.pass_request(election, user, pending.blinded_message),
    )
    voting_pass = client.finish_pass(public, pending, blind_signature)
    ballot = client.cast(
        voting_pass, election.definition_hash, definition.ballot_key, content, layout=definition.layout
    )
    _cast(election, ballot)
    return voting_pass, ballot


def test_freeze_publishes_a_hash_of_the_definition(open_election: tuple[Election, Ceremony]) -> None:
    election, ceremony = open_election
    assert election.status == Election.Status.FROZEN
    assert election.definition_hash == record.definition_hash(election.definition or {})
    assert len(ceremony.shares) == 3
    assert election.voters.count() == 6
    assert (election.definition or {})["keys"]["ballot"] == election.ballot_public_key
    assert AuditEntry.objects.filter(action="elections.election.frozen").exists()


def test_full_election_publishes_a_record_that_verifies(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    election, ceremony = open_election
    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    tracking = []
    passes = []
    for index, (_, user) in enumerate(voting_delegates[:5]):
        voting_pass, ballot = _vote(election, user, {"ranking": [ids[index % 4], ids[(index + 1) % 4]]})
        tracking.append(ballot.tracking)
        passes.append(voting_pass)
    # The first voter changes their mind: their credential key signs a replacement.
    definition = record.parse_definition(election.definition)
    replacement = client.cast(
        passes[0], election.definition_hash, definition.ballot_key, {"ranking": [ids[3]]}, layout=definition.layout
    )
    _cast(election, replacement)
    assert election.ballots.count() == 5
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        with pytest.raises(services.CastRefusedError):
            _cast(election, replacement)
        assert services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0]) is False
        assert PendingShare.objects.count() == 1
        other = User.objects.create_user(username="trustee2", password="x" * 20)
        assert services.submit_share(trustee=other, election=election, share=ceremony.shares[2]) is True
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert PendingShare.objects.count() == 0
    assert record.verify(election.record.encode()) == []
    assert record.has_ballot(election.record, replacement.tracking)
    assert not record.has_ballot(election.record, tracking[0])
    assert {"ranking": [ids[3]]} in record.opened_ballots(election.record)
    assert len(election.result["elected"]) == 2  # type: ignore[index]


def test_signature_is_issued_once_and_only_to_the_electorate(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], outsider: User
) -> None:
    election, _ = open_election
    user = voting_delegates[0][1]
    public = blind.load_public_key(record.parse_definition(election.definition).blind_key)
    first = client.start_pass(public)
    elector, _ = services.issue_blind_signature(
        election=election,
        user=user,
        blinded_message=first.blinded_message,
        voter_signature=helpers.pass_request(election, user, first.blinded_message),
    )
    again = client.start_pass(public).blinded_message
    with pytest.raises(services.NotEligibleError):
        services.issue_blind_signature(
            election=election,
            user=user,
            blinded_message=again,
            voter_signature=helpers.pass_request(election, user, again),
        )
    with pytest.raises(services.NotEligibleError):
        services.issue_blind_signature(
            election=election, user=outsider, blinded_message=again, voter_signature=bytes(64)
        )
    voter = election.voters.get(delegate__user=user)
    assert voter.has_signature and voter.elector_id == elector
    assert bytes(voter.blinded_message or b"") == first.blinded_message
    # The issuance (public anyway) and nothing else: no time, no credential.
    assert {f.name for f in voter._meta.get_fields()} == {
        "id",
        "election",
        "delegate",
        "display_name",
        "has_signature",
        "blinded_message",
        "blind_signature",
        "voter_signature",
    }
    assert election.chain.count() == 1
    assert not AuditEntry.objects.filter(action__contains="signature").exists()


def _forged_pass(election: Election) -> client.VotingPass:
    signing = blind.load_private_key(base64.b64decode(election.signing_key))
    pending = client.start_pass(signing.public_key())
    return client.finish_pass(signing.public_key(), pending, blind.blind_sign(signing, pending.blinded_message))


def test_cast_refuses_forged_and_foreign_signatures(open_election: tuple[Election, Ceremony]) -> None:
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    fake = client.VotingPass(
        credential=blind.prepare(b"t" * 32), signature=b"\x00" * 256, voter_key=Ed25519PrivateKey.generate()
    )
    with pytest.raises(services.CastRefusedError):
        _cast(
            election,
            client.cast(
                fake,
                election.definition_hash,
                definition.ballot_key,
                {"ranking": [_c(election, 1)]},
                layout=definition.layout,
            ),
        )
    from cryptography.hazmat.primitives.asymmetric import rsa

    foreign = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pending = client.start_pass(foreign.public_key())
    voting_pass = client.finish_pass(foreign.public_key(), pending, blind.blind_sign(foreign, pending.blinded_message))
    with pytest.raises(services.CastRefusedError):
        _cast(
            election,
            client.cast(
                voting_pass,
                election.definition_hash,
                definition.ballot_key,
                {"ranking": [_c(election, 1)]},
                layout=definition.layout,
            ),
        )
    assert election.ballots.count() == 0


def test_cast_refuses_more_ballots_than_signatures(open_election: tuple[Election, Ceremony]) -> None:
    """A valid credential made with the signing key but never issued to anyone is refused."""
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    ballot = client.cast(
        _forged_pass(election),
        election.definition_hash,
        definition.ballot_key,
        {"ranking": [_c(election, 1)]},
        layout=definition.layout,
    )
    with pytest.raises(services.CastRefusedError, match="more ballots"):
        _cast(election, ballot)


def test_a_second_cast_without_the_credential_key_is_refused(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """The server sees every credential; without the voter's key it cannot replace their ballot."""
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    voting_pass, ballot = _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    thief = client.VotingPass(voting_pass.credential, voting_pass.signature, Ed25519PrivateKey.generate())
    with pytest.raises(services.CastRefusedError, match="not signed"):
        _cast(
            election,
            client.cast(
                thief,
                election.definition_hash,
                definition.ballot_key,
                {"ranking": [_c(election, 2)]},
                layout=definition.layout,
            ),
        )
    # Nor can a signature over one ciphertext carry another.
    other = client.cast(
        voting_pass,
        election.definition_hash,
        definition.ballot_key,
        {"ranking": [_c(election, 2)]},
        layout=definition.layout,
    )
    with pytest.raises(services.CastRefusedError, match="not signed"):
        _cast(election, replace(other, ballot_signature=ballot.ballot_signature))
    assert Ballot.objects.get(election=election).tracking == ballot.tracking


def test_count_cannot_open_before_the_close(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    election, ceremony = open_election
    with pytest.raises(services.ElectionStateError):
        services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0])


def test_motion_election(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    from tests.elections.conftest import make_open_election

    election, ceremony = make_open_election(organizer, [d for d, _ in voting_delegates], rule="motion")
    for index, (_, user) in enumerate(voting_delegates):
        _vote(election, user, {"choice": "yes" if index < 4 else "no"})
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        services.publish_record(
            election=election,
            private_key=reconstruct_private_key(
                list(ceremony.shares[:2]), public_key=base64.b64decode(election.ballot_public_key)
            ),
            actor=trustee,
        )
    election.refresh_from_db()
    assert election.result == {**election.result, "yes": 4, "no": 2, "passed": True}  # type: ignore[dict-item]
    assert record.verify(election.record) == []


def test_electorate_is_those_checked_in_at_the_assembly(
    organizer: User,
    voting_delegates: list[tuple[Delegate, User]],
    fast_signing_key: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.utils import timezone

    from solidarity.assemblies import selectors as assembly_selectors

    present = {d.pk for d, _ in voting_delegates[:3]}
    monkeypatch.setattr(
        assembly_selectors, "checked_in_delegate_ids", lambda *, assembly_id: present if assembly_id == 42 else set()
    )
    election = services.create_election(
        actor=organizer,
        slug="assembly-motion",
        title_en="Motion",
        title_fa="پیشنهاد",
        rule="motion",
        opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(hours=1),
        assembly_id=42,
    )
    services.hold_ceremony(actor=organizer, election=election)
    election = services.freeze_election(actor=organizer, election=election)
    assert {v.delegate_id for v in election.voters.all()} == present
    assert len((election.definition or {})["electorate"]) == 3


def test_trustee_actions_are_audited_without_secrets(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    election, ceremony = open_election
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        services.submit_share(trustee=trustee, election=election, share=ceremony.shares[0])
    entries = AuditEntry.objects.filter(action__startswith="elections.")
    actions = set(entries.values_list("action", flat=True))
    assert {"elections.ceremony.held", "elections.election.frozen", "elections.share.submitted"} <= actions
    words = ceremony.shares[0].split()[:4]
    for entry in entries:
        assert not any(word in str(entry.data) for word in words[1:])


def _draft(organizer: User, delegates: list[Delegate], slug: str = "offline") -> Election:
    return draft_election(organizer, delegates, slug=slug)


def test_offline_ceremony_key_opens_the_count_and_never_reaches_the_server(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    from solidarity.elections.ceremony import offline_ceremony

    election = _draft(organizer, [d for d, _ in voting_delegates])
    held = offline_ceremony(threshold=2, trustees=3)
    services.register_ballot_key(actor=organizer, election=election, public_key=held.public_key)
    election = services.freeze_election(actor=organizer, election=election)
    assert election.ballot_key_offline
    assert (election.definition or {})["keys"]["ballot"] == record.b64(held.public_key)
    ids = [c["id"] for c in (election.definition or {})["candidates"]]
    for index, (_, user) in enumerate(voting_delegates[:4]):
        _vote(election, user, {"ranking": [ids[index % 4]]})
    private = reconstruct_private_key(list(held.shares[:2]), public_key=held.public_key)
    stored = " ".join(str(v) for v in Election.objects.filter(pk=election.pk).values().get().values())
    assert record.b64(private) not in stored
    assert AuditEntry.objects.filter(action="elections.ceremony.registered").exists()
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        assert services.submit_share(trustee=trustee, election=election, share=held.shares[1]) is False
        other = User.objects.create_user(username="trustee2", password="x" * 20)
        assert services.submit_share(trustee=other, election=election, share=held.shares[2]) is True
    election.refresh_from_db()
    assert record.verify(election.record.encode()) == []
    # The key opened the shuffled ballots and was not published: the record proves each decryption instead.
    assert record.b64(private) not in election.record
    opened = record.parse_record(election.record).decryptions
    assert [d.trustee for d in opened] == [record.WHOLE_KEY] and len(opened[0].rows) == 4


def test_register_ballot_key_refuses_bad_keys_and_a_second_ceremony(organizer: User, delegates: list[Delegate]) -> None:
    from solidarity.elections.ballots import generate_key_pair

    election = _draft(organizer, delegates)
    for bad in (b"short", b"\x00" * 32):
        with pytest.raises(services.ElectionStateError):
            services.register_ballot_key(actor=organizer, election=election, public_key=bad)
    services.register_ballot_key(actor=organizer, election=election, public_key=generate_key_pair().public_key)
    with pytest.raises(services.ElectionStateError):
        services.register_ballot_key(actor=organizer, election=election, public_key=generate_key_pair().public_key)
    with pytest.raises(services.ElectionStateError):
        services.hold_ceremony(actor=organizer, election=election)


def test_a_wrong_share_does_not_block_the_count(open_election: tuple[Election, Ceremony], trustee: User) -> None:
    """A mistyped share, or one from another ceremony, is skipped once k good shares are in."""
    from solidarity.elections.ballots import hold_ceremony

    election, ceremony = open_election
    stranger = hold_ceremony(threshold=2, trustees=3).shares[0]
    second = User.objects.create_user(username="trustee2", password="x" * 20)
    third = User.objects.create_user(username="trustee3", password="x" * 20)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        assert services.submit_share(trustee=trustee, election=election, share=stranger) is False
        assert services.submit_share(trustee=second, election=election, share=ceremony.shares[0]) is False
        assert services.submit_share(trustee=third, election=election, share=ceremony.shares[2]) is True
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record.encode()) == []


def test_appointed_trustees_are_named_in_the_definition_and_alone_open_the_count(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    """SR-12: once trustees are appointed, a share from anyone else is refused, and the public sees who they are."""
    from solidarity.core.roles import Role
    from solidarity.elections.ceremony import offline_ceremony
    from tests.conftest import make_user

    election = _draft(organizer, [d for d, _ in voting_delegates], slug="appointed")
    second, third, stranger = (make_user(name, Role.TRUSTEE) for name in ("trustee-b", "trustee-c", "trustee-x"))
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=voting_delegates[0][1])
    services.appoint_trustee(actor=organizer, election=election, trustee=trustee)
    services.appoint_trustee(actor=organizer, election=election, trustee=second)
    held = offline_ceremony(threshold=2, trustees=3)
    services.register_ballot_key(actor=organizer, election=election, public_key=held.public_key)
    with pytest.raises(services.ElectionStateError, match="every trustee, or none"):
        services.freeze_election(actor=organizer, election=election)
    services.appoint_trustee(actor=organizer, election=election, trustee=third)
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    election = services.freeze_election(actor=organizer, election=election)
    assert (election.definition or {})["trustees"]["names"] == sorted(str(u) for u in (trustee, second, third))
    assert AuditEntry.objects.filter(action="elections.trustee.appointed").count() == 3
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        with pytest.raises(services.ElectionStateError, match="not a trustee of this election"):
            services.submit_share(trustee=stranger, election=election, share=held.shares[0])
        assert services.submit_share(trustee=trustee, election=election, share=held.shares[0]) is False
        assert services.submit_share(trustee=third, election=election, share=held.shares[2]) is True
    election.refresh_from_db()
    assert record.verify(election.record.encode()) == []


# --- insiders with the server's own keys and database ----------------------------------------------


def _raw_keys(election: Election) -> tuple[str, str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT signing_key, record_key FROM elections_election WHERE id = %s", [election.pk])
        signing, record_key = cursor.fetchone()
    return signing, record_key


def _publish(election: Election, ceremony: Ceremony, trustee: User) -> Election:
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        services.publish_record(
            election=election,
            private_key=reconstruct_private_key(
                list(ceremony.shares[:2]), public_key=base64.b64decode(election.ballot_public_key)
            ),
            actor=trustee,
        )
    election.refresh_from_db()
    return election


def test_keys_are_erased_at_the_close_and_at_publication(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    election, ceremony = open_election
    _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    signing, record_key = _raw_keys(election)
    assert signing and record_key  # held, encrypted, while voting runs
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        assert services.close_due_elections() == 1
        assert services.close_due_elections() == 0
    signing, record_key = _raw_keys(election)
    assert signing == "" and record_key  # nobody can mint a pass after the close
    election.refresh_from_db()
    assert election.chain.last().event == "close"  # type: ignore[union-attr]
    assert AuditEntry.objects.filter(action="elections.box.closed").exists()
    election = _publish(election, ceremony, trustee)
    assert _raw_keys(election) == ("", "")  # nor sign another record after publication
    assert record.verify(election.record) == []


def test_ballot_stuffed_into_the_database_after_the_close_is_caught(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    """An insider copies the signing key while voting runs, then adds ballots for unused passes after the close."""
    election, ceremony = open_election
    definition = record.parse_definition(election.definition)
    for _, user in voting_delegates[:3]:
        _vote(election, user, {"ranking": [_c(election, 1)]})
    public = blind.load_public_key(definition.blind_key)
    pending = client.start_pass(public)
    services.issue_blind_signature(  # a pass taken and never used
        election=election,
        user=voting_delegates[3][1],
        blinded_message=pending.blinded_message,
        voter_signature=helpers.pass_request(election, voting_delegates[3][1], pending.blinded_message),
    )
    minted = _forged_pass(election)  # the insider's copy of the signing key
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        services.close_due_elections()
    head_at_close = selectors.chain_state(election)["head"]  # copied by anyone watching
    stuffed = client.cast(
        minted,
        election.definition_hash,
        definition.ballot_key,
        {"ranking": [_c(election, 4)]},
        layout=definition.layout,
    )
    Ballot.objects.create(
        receipt=stuffed.credential_id,
        election=election,
        token=stuffed.credential,
        signature=stuffed.credential_signature,
        ciphertext=stuffed.ciphertext,
        ballot_signature=stuffed.ballot_signature,
        tracking=stuffed.tracking,
    )
    election = _publish(election, ceremony, trustee)
    assert {f.code for f in record.verify(election.record)} == {"chain"}
    # Adding a cast event to the chain after the close is caught too ...
    last = election.chain.order_by("-number").first()
    assert last is not None
    forged = record.parse_record(election.record).raw
    forged["chain"].append({"event": "cast", "issued": last.issued, "cast": last.cast + 1})
    assert "chain" in {f.code for f in record.verify(forged)}
    # ... and rewriting the chain before the close moves the head everyone copied.
    entries = [record.ChainEntry(e["event"], e["issued"], e["cast"]) for e in forged["chain"][:-2]]
    entries += [
        record.ChainEntry("cast", last.issued, last.cast + 1),
        record.ChainEntry("close", last.issued, last.cast + 1),
    ]
    assert record.chain_heads(election.definition_hash, entries)[-1] != head_at_close


def test_ballot_swapped_in_the_database_is_caught(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    """The insider rewrites a voter's ciphertext in the database; the record is built and signed honestly."""
    election, ceremony = open_election
    definition = record.parse_definition(election.definition)
    _, mine = _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    _vote(election, voting_delegates[1][1], {"ranking": [_c(election, 1)]})
    from solidarity.elections import ballots as ballot_crypto

    swapped = ballot_crypto.seal(definition.ballot_key, definition.layout, {"ranking": [_c(election, 2)]})
    Ballot.objects.filter(receipt=mine.credential_id).update(
        ciphertext=swapped, tracking=record.tracking_code(mine.credential, swapped)
    )
    election = _publish(election, ceremony, trustee)
    assert {f.code for f in record.verify(election.record)} == {"ballot-signature"}


def test_ballots_are_stored_in_tracking_order_after_the_close(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    from django.db import connection

    election, _ = open_election
    ids = record.parse_definition(election.definition).candidate_ids
    for index, (_, user) in enumerate(voting_delegates[:5]):
        _vote(election, user, {"ranking": [ids[index % len(ids)]]})
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        services.close_due_elections()
    with connection.cursor() as cursor:
        cursor.execute("SELECT tracking FROM elections_ballot WHERE election_id = %s", [election.pk])
        stored = [row[0] for row in cursor.fetchall()]
    assert stored == sorted(stored) and len(stored) == 5


def test_chain_heads_published_while_voting_are_on_the_record(
    open_election: tuple[Election, Ceremony], voting_delegates: list[tuple[Delegate, User]], trustee: User
) -> None:
    election, ceremony = open_election
    heads = []
    for _, user in voting_delegates[:3]:
        _vote(election, user, {"ranking": [_c(election, 1)]})
        heads.append(selectors.chain_state(election)["head"])
    election = _publish(election, ceremony, trustee)
    assert record.verify(election.record, expected_chain_heads=heads) == []
    assert {f.code for f in record.verify(election.record, expected_chain_heads=["ab" * 32])} == {"chain"}
