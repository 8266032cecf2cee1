"""Election services end to end: the trustees' key, freeze, sign once, cast, replace, close, mix, open, verify."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction

from solidarity.coalition.models import Delegate
from solidarity.core.models import AuditEntry, User
from solidarity.elections import blind, canonical, client, record, selectors, services
from solidarity.elections import trustee as trustee_tool
from solidarity.elections.models import Ballot, ChainEvent, Election
from tests.elections import helpers
from tests.elections.helpers import draft_election


def _cast(election: Election, ballot: record.CastBallot, voting_pass: client.VotingPass | None = None) -> str:
    """Cast as the booth does; a first cast brings its pass's elector and cast declaration."""
    return services.cast_ballot(
        slug=election.slug,
        credential=ballot.credential,
        signature=ballot.credential_signature,
        ciphertext=ballot.ciphertext,
        ballot_signature=ballot.ballot_signature,
        elector=voting_pass.elector if voting_pass else "",
        declaration=voting_pass.declaration if voting_pass else b"",
    )


def _c(election: Election, number: int) -> str:
    """The id of the election's `number`-th candidate (1-based, in creation order): ids are "c<delegate id>",
    and delegate ids depend on the database's sequences and the tests run before, not fixed numbers."""
    return [c.public_id for c in election.candidates.order_by("pk")][number - 1]


def _vote(election: Election, user: User, content: dict[str, object]) -> tuple[client.VotingPass, record.CastBallot]:
    definition = record.parse_definition(election.definition)
    public = blind.load_public_key(definition.blind_key)
    pending = client.start_pass(public)
    elector, blind_signature = services.issue_blind_signature(
        election=election,
        user=user,
        blinded_message=pending.blinded_message,
        voter_signature=helpers.pass_request(election, user, pending.blinded_message),
    )
    voting_pass = helpers.declared(election, user, client.finish_pass(public, pending, blind_signature), elector)
    ballot = client.cast(
        voting_pass, election.definition_hash, definition.ballot_key, content, layout=definition.layout
    )
    _cast(election, ballot, voting_pass)
    return voting_pass, ballot


def test_freeze_publishes_a_hash_of_the_definition(open_election: tuple[Election, helpers.Trustees]) -> None:
    election, trustees = open_election
    assert election.status == Election.Status.FROZEN
    assert election.definition_hash == record.definition_hash(election.definition or {})
    assert len(trustees.states) == 3 and len((election.definition or {})["trustees"]["dealings"]) == 3
    assert election.voters.count() == 6
    assert (election.definition or {})["keys"]["ballot"] == election.ballot_public_key
    assert AuditEntry.objects.filter(action="elections.election.frozen").exists()


def test_full_election_publishes_a_record_that_verifies(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    election, trustees = open_election
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
        first, third = trustees.users[0], trustees.users[2]
        assert trustees.step(election, first) == "mix"
        assert trustees.step(election, third) == "mix"
        assert trustees.step(election, first) == "decryption"
        election.refresh_from_db()
        assert election.status == Election.Status.FROZEN  # one decryption of the two needed
        assert trustees.step(election, third) == "decryption"
    election.refresh_from_db()
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record.encode()) == []
    assert record.has_ballot(election.record, replacement.tracking)
    assert not record.has_ballot(election.record, tracking[0])
    assert {"ranking": [ids[3]]} in record.opened_ballots(election.record)
    assert len(election.result["elected"]) == 2  # type: ignore[index]


def test_signature_is_issued_once_and_only_to_the_electorate(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]], outsider: User
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
        "cast_declaration",
    }
    assert election.chain.count() == 1
    assert not AuditEntry.objects.filter(action__contains="signature").exists()


def _forged_pass(election: Election) -> client.VotingPass:
    signing = blind.load_private_key(base64.b64decode(election.signing_key))
    pending = client.start_pass(signing.public_key())
    return client.finish_pass(signing.public_key(), pending, blind.blind_sign(signing, pending.blinded_message))


def test_cast_refuses_forged_and_foreign_signatures(open_election: tuple[Election, helpers.Trustees]) -> None:
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


def test_cast_refuses_more_ballots_than_signatures(open_election: tuple[Election, helpers.Trustees]) -> None:
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
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
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


def test_count_cannot_open_before_the_close(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """A trustee's tool has nothing to do while voting runs; a decryption of the box made by hand is refused."""
    election, trustees = open_election
    _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    assert trustees.step(election, trustees.users[0]) is None
    definition = record.parse_definition(election.definition)
    cast = [services._cast_ballot(b) for b in election.ballots.all()]
    early = record.decrypt_as_trustee(
        trustee=1,
        secret=trustees.share(trustees.users[0]),
        public_key=definition.ballot_key,
        digest=election.definition_hash,
        tracking_codes=sorted(b.tracking for b in cast),
        rows=record.rows_to_open(cast, [], points=definition.layout.points),
    )
    message = trustee_tool.message(
        election.slug, "decryption", trustee=1, decryption=record.trustee_decryption_json(early)
    )
    with pytest.raises(services.TrusteeMessageError, match="only after the close"):
        services.receive_trustee_message(actor=trustees.users[0], election=election, data=canonical.dumps(message))


def test_motion_election(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], fast_signing_key: None
) -> None:
    from tests.elections.conftest import make_open_election

    election, trustees = make_open_election(organizer, [d for d, _ in voting_delegates], rule="motion")
    for index, (_, user) in enumerate(voting_delegates):
        _vote(election, user, {"choice": "yes" if index < 4 else "no"})
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        election = trustees.open(election)
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
    helpers.joint_key(election)
    election = services.freeze_election(actor=organizer, election=election)
    assert {v.delegate_id for v in election.voters.all()} == present
    assert len((election.definition or {})["electorate"]) == 3


def test_trustee_actions_are_audited_without_secrets(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    election, trustees = open_election
    _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        trustees.open(election)
    entries = AuditEntry.objects.filter(action__startswith="elections.")
    actions = set(entries.values_list("action", flat=True))
    assert {
        "elections.trustee.join",
        "elections.trustee.dealing",
        "elections.trustee.confirmation",
        "elections.election.frozen",
        "elections.trustee.mix",
        "elections.trustee.decryption",
        "elections.record.published",
    } <= actions
    logged = " ".join(str(entry.data) for entry in entries)
    for state in trustees.states.values():
        assert state["share"] not in logged and state["transport_secret"] not in logged


def test_a_draft_cannot_be_frozen_before_every_trustee_confirms(organizer: User, delegates: list[Delegate]) -> None:
    """The trustees' joint key is the only election key: without it, and until its last confirmation, no freeze."""
    election = draft_election(organizer, delegates, slug="unkeyed")
    with pytest.raises(services.ElectionStateError, match="no election key yet"):
        services.freeze_election(actor=organizer, election=election)
    trustees = helpers.Trustees([helpers.trustee_user(number) for number in (1, 2, 3)])
    for _round in ("join", "deal"):
        for user in trustees.users:
            trustees.step(election, user)
    trustees.step(election, trustees.users[0])  # one confirmation of three
    election.refresh_from_db()
    assert election.status == Election.Status.DRAFT and not election.ballot_public_key
    with pytest.raises(services.ElectionStateError, match="no election key yet"):
        services.freeze_election(actor=organizer, election=election)


def test_appointed_trustees_are_named_in_the_definition_and_alone_make_the_key_and_open_the_count(
    organizer: User, voting_delegates: list[tuple[Delegate, User]], trustee: User, fast_signing_key: None
) -> None:
    """SR-12: once trustees are appointed, anyone else's message is refused, and the public sees who they are."""
    from solidarity.core.roles import Role
    from tests.conftest import make_user

    election = draft_election(organizer, [d for d, _ in voting_delegates], slug="appointed")
    second, third, stranger = (make_user(name, Role.TRUSTEE) for name in ("trustee-b", "trustee-c", "trustee-x"))
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=voting_delegates[0][1])
    services.appoint_trustee(actor=organizer, election=election, trustee=trustee)
    services.appoint_trustee(actor=organizer, election=election, trustee=second)
    outsiders = helpers.Trustees([stranger])
    with pytest.raises(services.TrusteeMessageError, match="not a trustee of this election"):
        outsiders.step(election, stranger)
    services.appoint_trustee(actor=organizer, election=election, trustee=third)
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    trustees = helpers.joint_key(election)
    assert set(trustees.users) == {trustee, second, third}
    election = services.freeze_election(actor=organizer, election=election)
    assert (election.definition or {})["trustees"]["names"] == sorted(str(u) for u in (trustee, second, third))
    assert AuditEntry.objects.filter(action="elections.trustee.appointed").count() == 3
    with pytest.raises(services.ElectionStateError):
        services.appoint_trustee(actor=organizer, election=election, trustee=stranger)
    _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        outsiders.states[stranger.pk] = trustees.states[trustee.pk]  # even holding a trustee's state file
        with pytest.raises(services.TrusteeMessageError, match="no share of this election's key"):
            outsiders.step(election, stranger)
        election = trustees.open(election)
    assert election.status == Election.Status.PUBLISHED
    assert record.verify(election.record.encode()) == []


# --- insiders with the server's own keys and database ----------------------------------------------


def _raw_keys(election: Election) -> tuple[str, str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT signing_key, record_key FROM elections_election WHERE id = %s", [election.pk])
        signing, record_key = cursor.fetchone()
    return signing, record_key


def _write_into_box(election: Election, ballot: record.CastBallot) -> None:
    """Write a ballot straight into the database, as an insider can, past every check of the cast endpoint."""
    Ballot.objects.create(
        receipt=ballot.credential_id,
        election=election,
        token=ballot.credential,
        signature=ballot.credential_signature,
        ciphertext=ballot.ciphertext,
        ballot_signature=ballot.ballot_signature,
        tracking=ballot.tracking,
    )


def _publish(election: Election, trustees: helpers.Trustees) -> Election:
    with time_machine.travel(election.closes_at + timedelta(minutes=1)):
        return trustees.open(election)


def test_keys_are_erased_at_the_close_and_at_publication(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    election, trustees = open_election
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
    election = _publish(election, trustees)
    assert _raw_keys(election) == ("", "")  # nor sign another record after publication
    assert record.verify(election.record) == []


def test_ballot_stuffed_into_the_database_after_the_close_is_caught(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """An insider copies the signing key while voting runs, then adds ballots for unused passes after the close."""
    election, trustees = open_election
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
    _write_into_box(election, stuffed)
    # The trustees' tools refuse to mix or open a box that the chain does not count.
    with (
        time_machine.travel(election.closes_at + timedelta(minutes=1)),
        pytest.raises(trustee_tool.TrusteeError, match="not the closed box the chain counts"),
    ):
        trustees.step(election, trustees.users[0])
    # So the insider rewrites the chain (a cast before the close) and the server's mix to fit the box;
    # the trustees then open it, and the record is consistent with itself ...
    ChainEvent.objects.filter(election=election, event=ChainEvent.Event.CLOSE).delete()
    with transaction.atomic():
        services._append_event(election, ChainEvent.Event.CAST)
        services._append_event(election, ChainEvent.Event.CLOSE)
    cast = [services._cast_ballot(b) for b in election.ballots.all()]
    mixes = record.mix_box(election.definition or {}, cast)
    election.mix = record.serialize({"mixes": [record.mix_json(m) for m in mixes]}).decode("utf-8")
    election.save(update_fields=["mix"])
    election = _publish(election, trustees)
    assert election.status == Election.Status.PUBLISHED
    # ... but the head at the close that anyone copied is not on its chain, and no elector declared the
    # added ballot (the record shows that without any copied head).
    assert {f.code for f in record.verify(election.record)} == {"ballot-count"}
    assert {f.code for f in record.verify(election.record, expected_chain_heads=[head_at_close])} == {
        "chain",
        "ballot-count",
    }
    # Adding a cast event to the record's chain after the close is caught even without copied heads.
    last = election.chain.order_by("-number").first()
    assert last is not None
    forged = record.parse_record(election.record).raw
    forged["chain"].append({"event": "cast", "issued": last.issued, "cast": last.cast + 1})
    assert "chain" in {f.code for f in record.verify(forged)}


def test_ballot_swapped_in_the_database_is_caught(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """The insider rewrites a voter's ciphertext in the database; the record is built and signed honestly."""
    election, trustees = open_election
    definition = record.parse_definition(election.definition)
    _, mine = _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    _vote(election, voting_delegates[1][1], {"ranking": [_c(election, 1)]})
    from solidarity.elections import ballots as ballot_crypto

    swapped = ballot_crypto.seal(definition.ballot_key, definition.layout, {"ranking": [_c(election, 2)]})
    Ballot.objects.filter(receipt=mine.credential_id).update(
        ciphertext=swapped, tracking=record.tracking_code(mine.credential, swapped)
    )
    election = _publish(election, trustees)
    assert {f.code for f in record.verify(election.record)} == {"ballot-signature"}


def test_ballots_are_stored_in_tracking_order_after_the_close(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
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
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    election, trustees = open_election
    heads = []
    for _, user in voting_delegates[:3]:
        _vote(election, user, {"ranking": [_c(election, 1)]})
        heads.append(selectors.chain_state(election)["head"])
    election = _publish(election, trustees)
    assert record.verify(election.record, expected_chain_heads=heads) == []
    assert {f.code for f in record.verify(election.record, expected_chain_heads=["ab" * 32])} == {"chain"}


def test_the_server_stuffing_while_voting_runs_is_refused_at_the_cast_and_caught_by_verify(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """The server holds the blind-signing key while voting runs: it can mint a credential, and one
    elector took a pass and has not voted. Its own cast path refuses the minted ballot without that
    elector's declaration; written into the database with a cast on the chain, as the ballots of
    real voters are, it is caught by `verify` from the published record alone."""
    election, trustees = open_election
    definition = record.parse_definition(election.definition)
    for _, user in voting_delegates[:3]:
        _vote(election, user, {"ranking": [_c(election, 1)]})
    idle = voting_delegates[3][1]
    pending = client.start_pass(blind.load_public_key(definition.blind_key))
    elector, _ = services.issue_blind_signature(
        election=election,
        user=idle,
        blinded_message=pending.blinded_message,
        voter_signature=helpers.pass_request(election, idle, pending.blinded_message),
    )
    minted = _forged_pass(election)
    stuffed = client.cast(
        minted,
        election.definition_hash,
        definition.ballot_key,
        {"ranking": [_c(election, 4)]},
        layout=definition.layout,
    )
    for declaration in (b"", bytes(64), helpers.voter_key("nobody").sign(b"anything")):
        with pytest.raises(services.CastRefusedError, match="declaration"):
            services.cast_ballot(
                slug=election.slug,
                credential=stuffed.credential,
                signature=stuffed.credential_signature,
                ciphertext=stuffed.ciphertext,
                ballot_signature=stuffed.ballot_signature,
                elector=elector,
                declaration=declaration,
            )
    assert election.ballots.count() == 3
    with transaction.atomic():  # the insider writes it in while voting runs, counted on the chain
        _write_into_box(election, stuffed)
        services._append_event(election, ChainEvent.Event.CAST)
    heads = [event.head for event in election.chain.order_by("number")]  # every head anyone copied agrees
    with time_machine.travel(election.closes_at + timedelta(seconds=1)):
        services.close_due_elections()
    election = _publish(election, trustees)
    failures = record.verify(election.record, expected_chain_heads=heads)
    assert [f.code for f in failures] == ["ballot-count"]
    assert "4 ballots but only 3 electors declared a cast" in failures[0].message


def test_an_elector_who_cast_cannot_declare_again_with_a_second_pass(
    open_election: tuple[Election, helpers.Trustees], voting_delegates: list[tuple[Delegate, User]]
) -> None:
    """One declaration per elector: a declaration replayed with another credential is refused."""
    election, _ = open_election
    definition = record.parse_definition(election.definition)
    voting_pass, _ballot = _vote(election, voting_delegates[0][1], {"ranking": [_c(election, 1)]})
    minted = replace(_forged_pass(election), elector=voting_pass.elector, declaration=voting_pass.declaration)
    _vote(election, voting_delegates[1][1], {"ranking": [_c(election, 2)]})  # room in the count of passes
    pending = client.start_pass(blind.load_public_key(definition.blind_key))
    services.issue_blind_signature(
        election=election,
        user=voting_delegates[2][1],
        blinded_message=pending.blinded_message,
        voter_signature=helpers.pass_request(election, voting_delegates[2][1], pending.blinded_message),
    )
    second = client.cast(
        minted,
        election.definition_hash,
        definition.ballot_key,
        {"ranking": [_c(election, 3)]},
        layout=definition.layout,
    )
    with pytest.raises(services.CastRefusedError, match="already cast"):
        _cast(election, second, minted)
    assert election.ballots.count() == 2
