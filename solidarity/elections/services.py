"""Write operations on elections: define, the trustees' joint key, freeze, sign, cast, open the count, publish."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.coalition.models import Delegate
from solidarity.core import audit
from solidarity.core.calendars import format_number
from solidarity.core.models import User
from solidarity.core.roles import Role, has_role
from solidarity.elections import ballots as ballot_crypto
from solidarity.elections import blind, canonical, record, tally, trustee, voting_key
from solidarity.elections.models import (
    Ballot,
    Candidate,
    ChainEvent,
    Election,
    TrusteeSeat,
    Voter,
    VotingKey,
)


class ElectionStateError(Exception):
    """Raised when an action does not fit the election's current state."""


class NotEligibleError(Exception):
    """Raised when a delegate is not in the electorate or already received their signature."""


class VotingKeyError(Exception):
    """Raised when a voting key cannot be registered or replaced; the message is safe to show."""


class CastRefusedError(Exception):
    """Raised when the cast endpoint refuses a ballot; the message is safe to show."""


def create_election(
    *,
    actor: User,
    slug: str,
    title_en: str,
    title_fa: str,
    rule: str,
    opens_at: datetime,
    closes_at: datetime,
    seats: int = 1,
    threshold: str = "1/2",
    quorum: str = tally.NO_QUORUM,
    motion_en: str = "",
    motion_fa: str = "",
    constraints: list[dict[str, Any]] | None = None,
    assembly_id: int | None = None,
    trustee_threshold: int = 2,
    trustee_count: int = 3,
    charter_id: int | None = None,
) -> Election:
    """Create a draft election (a motion may name the charter it puts to the vote)."""
    if rule not in tally.RULES:
        raise ElectionStateError(_("unknown rule"))
    if closes_at <= opens_at:
        raise ElectionStateError(_("the window closes before it opens"))
    if rule == "motion":
        tally.parse_threshold(threshold)
    try:
        tally.parse_quorum(quorum)
    except tally.CountError as error:
        raise ElectionStateError(
            _("the quorum is a share of the voter roll written p/q, between 0/1 (none) and 1/1")
        ) from error
    if constraints and rule != "scottish-stv":
        raise ElectionStateError(_("constraints apply to STV elections only"))
    if charter_id is not None and rule != Election.Rule.MOTION:
        raise ElectionStateError(_("only a motion can put a charter to the vote"))
    election = Election.objects.create(
        slug=slug,
        title_en=title_en,
        title_fa=title_fa,
        rule=rule,
        seats=1 if rule == "motion" else seats,
        threshold=threshold,
        quorum=quorum,
        motion_en=motion_en,
        motion_fa=motion_fa,
        constraints=constraints or [],
        assembly_id=assembly_id,
        charter_id=charter_id,
        opens_at=opens_at,
        closes_at=closes_at,
        trustee_threshold=trustee_threshold,
        trustee_count=trustee_count,
        created_by=actor,
    )
    data: dict[str, Any] = {"rule": rule} if charter_id is None else {"rule": rule, "charter": charter_id}
    audit.record("elections.election.created", actor=actor, target=election, data=data)
    return election


def add_candidate(
    *, actor: User, election: Election, delegate: Delegate, name_fa: str = "", gender: str = ""
) -> Candidate:
    """Add a delegate as a candidate while the election is still a draft or keyed."""
    if election.status not in (Election.Status.DRAFT, Election.Status.KEYED):
        raise ElectionStateError(_("the definition is frozen"))
    if election.rule == Election.Rule.MOTION:
        raise ElectionStateError(_("a motion has no candidates"))
    candidate = Candidate.objects.create(
        election=election,
        delegate=delegate,
        name_en=delegate.display_name,
        name_fa=name_fa or delegate.display_name,
        gender=gender,
    )
    audit.record("elections.candidate.added", actor=actor, target=election, data={"delegate": delegate.pk})
    return candidate


def _refuse_unless_editable(election: Election) -> None:
    """Refuse a change to the candidates once the definition is frozen, saying so."""
    if election.status not in (Election.Status.DRAFT, Election.Status.KEYED):
        raise ElectionStateError(_("the definition is frozen: its candidates can no longer change"))


@transaction.atomic
def update_candidate(
    *, actor: User, candidate: Candidate, name_en: str, name_fa: str = "", gender: str = ""
) -> Candidate:
    """Change a candidate's names or stated gender until the freeze."""
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    _refuse_unless_editable(election)
    name_en = name_en.strip() or candidate.delegate.display_name
    values = {"name_en": name_en, "name_fa": name_fa.strip() or name_en, "gender": gender}
    changed = sorted(field for field, value in values.items() if getattr(candidate, field) != value)
    if not changed:
        return candidate
    for field, value in values.items():
        setattr(candidate, field, value)
    candidate.save(update_fields=changed)
    # The fields' names only: what a candidate states about themselves stays out of the log.
    audit.record(
        "elections.candidate.edited",
        actor=actor,
        target=election,
        data={"delegate": candidate.delegate_id, "fields": changed},
    )
    return candidate


@transaction.atomic
def withdraw_candidate(*, actor: User, candidate: Candidate) -> None:
    """Withdraw a candidate until the freeze (the delegate may be added again before it)."""
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    _refuse_unless_editable(election)
    delegate_id = candidate.delegate_id
    candidate.delete()
    audit.record("elections.candidate.withdrawn", actor=actor, target=election, data={"delegate": delegate_id})


@transaction.atomic
def appoint_trustee(*, actor: User, election: Election, trustee: User) -> None:
    """Name one of the election's trustees before the freeze; the definition will publish their names."""
    election = Election.objects.select_for_update().get(pk=election.pk)
    if election.status not in (Election.Status.DRAFT, Election.Status.KEYED):
        raise ElectionStateError(_("the definition is frozen"))
    if not has_role(trustee, Role.TRUSTEE):
        raise ElectionStateError(_("this person does not hold the trustee role"))
    if election.trustees.filter(pk=trustee.pk).exists():
        return
    if election.trustees.count() >= election.trustee_count:
        raise ElectionStateError(_("every trustee is already appointed"))
    election.trustees.add(trustee)
    audit.record("elections.trustee.appointed", actor=actor, target=election, data={"trustee": trustee.pk})


def _electorate(election: Election) -> list[Delegate]:
    """Return the delegates eligible to vote: checked in at the assembly, else all accredited."""
    accredited = Delegate.objects.filter(is_accredited=True)
    if election.assembly_id is not None:
        try:
            from solidarity.assemblies.selectors import checked_in_delegate_ids
        except ImportError:
            pass
        else:
            ids = checked_in_delegate_ids(assembly_id=election.assembly_id)
            return list(accredited.filter(pk__in=ids).order_by("display_name", "pk"))
    return list(accredited.order_by("display_name", "pk"))


def build_definition(
    election: Election,
    electorate: list[tuple[str, str, str | None]],
    keys: dict[str, str],
    charter: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Assemble the definition document that is hashed and frozen (with the charter a motion votes on)."""
    candidates = list(election.candidates.select_related("delegate").prefetch_related("delegate__organizations"))
    definition = {
        "format": record.DEFINITION_FORMAT,
        "election": election.slug,
        "title_en": election.title_en,
        "title_fa": election.title_fa,
        "motion_en": election.motion_en,
        "motion_fa": election.motion_fa,
        "rule": election.rule,
        "seats": election.seats,
        "threshold": election.threshold,
        "quorum": election.quorum,
        "tie_break": record.TIE_BREAK,
        "candidates": [
            {
                "id": c.public_id,
                "name_en": c.name_en,
                "name_fa": c.name_fa,
                "attributes": {
                    "gender": [c.gender] if c.gender else [],
                    "organization": sorted(f"org-{o.pk}" for o in c.delegate.organizations.all()),
                },
            }
            for c in sorted(candidates, key=lambda c: c.public_id)
        ],
        "constraints": election.constraints,
        "electorate": [{"id": elector, "name": name, "key": key} for elector, name, key in sorted(electorate)],
        "opens_at": election.opens_at.isoformat(),
        "closes_at": election.closes_at.isoformat(),
        "trustees": {
            "threshold": election.trustee_threshold,
            "count": election.trustee_count,
            "names": sorted(str(user) for user in election.trustees.all()),
            **key_generation_entries(election),
        },
        "keys": keys,
    }
    if charter is not None:
        definition["charter"] = charter
    definition["ballot_format"] = record.ballot_format(definition)
    return definition


def _freeze_charter(*, actor: User, election: Election) -> dict[str, Any] | None:
    """Freeze the charter a motion puts to the vote and return its entry in the definition."""
    if election.charter_id is None:
        return None
    from solidarity.deliberation import charter_text
    from solidarity.deliberation import services as deliberation

    try:
        charter = deliberation.freeze_charter(charter_id=election.charter_id, motion_slug=election.slug, actor=actor)
    except deliberation.DeliberationError as error:
        raise ElectionStateError(_("the charter cannot be frozen: %(reason)s") % {"reason": error}) from error
    return {
        "id": charter.pk,
        "format": charter_text.CHARTER_FORMAT,
        "title_en": charter.title_en,
        "title_fa": charter.title_fa,
        "sha256": charter.frozen_sha256,
    }


@transaction.atomic
def freeze_election(*, actor: User, election: Election) -> Election:
    """Freeze the electorate and definition, make the signing and record keys, and hash it all."""
    election = Election.objects.select_for_update().get(pk=election.pk)
    _refuse_freeze_before_checks(election)
    delegates = _electorate(election)
    if not delegates:
        if election.assembly_id is not None:
            raise ElectionStateError(
                _("the voter roll is empty: nobody on the accredited list has been admitted at the assembly yet")
            )
        raise ElectionStateError(_("the voter roll is empty: no delegate is accredited"))
    signing = blind.generate_signing_key()
    record_key = Ed25519PrivateKey.generate()
    keys = {
        "blind_signing": record.b64(blind.public_key_der(signing.public_key())),
        "ballot": election.ballot_public_key,
        "record": record.b64(record_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
    }
    charter = _freeze_charter(actor=actor, election=election)  # rolled back with the rest on a refusal
    held = {k.delegate_id: k.public_key_b64 for k in VotingKey.objects.filter(delegate__in=delegates)}
    definition = build_definition(
        election, [(f"e{d.pk}", d.display_name, held.get(d.pk)) for d in delegates], keys, charter
    )
    try:
        parsed = record.parse_definition(definition)  # refuses a malformed definition before freezing
    except record.RecordFormatError as error:
        raise ElectionStateError(_("the definition is not valid: %(reason)s") % {"reason": error}) from error
    if parsed.constraints:
        infos = [tally.CandidateInfo(c.id, c.attributes) for c in parsed.candidates]
        if not tally.Feasibility(infos, parsed.constraints, parsed.seats).feasible([], [c.id for c in infos]):
            raise ElectionStateError(_infeasible_reason(parsed))
    Voter.objects.bulk_create([Voter(election=election, delegate=d, display_name=d.display_name) for d in delegates])
    election.signing_key = record.b64(blind.private_key_der(signing))
    election.record_key = record.b64(record_key.private_bytes_raw())
    election.definition = definition
    election.definition_hash = record.definition_hash(definition)
    election.status = Election.Status.FROZEN
    election.save()
    audit.record(
        "elections.election.frozen",
        actor=actor,
        target=election,
        data={
            "definition_hash": election.definition_hash,
            "electorate": len(delegates),
            "without_voting_key": len(delegates) - len(held),
            **({"charter_sha256": charter["sha256"]} if charter else {}),
        },
    )
    return election


def _refuse_freeze_before_checks(election: Election) -> None:
    """Say in words why the definition cannot be frozen yet, checking what needs no electorate or keys."""
    if election.status in (Election.Status.FROZEN, Election.Status.PUBLISHED):
        raise ElectionStateError(_("the definition is already frozen"))
    appointed = election.trustees.count()
    if appointed and appointed != election.trustee_count:
        raise ElectionStateError(
            _("%(appointed)s of %(count)s trustees are appointed: appoint every trustee, or none")
            % {"appointed": format_number(appointed), "count": format_number(election.trustee_count)}
        )
    if election.status != Election.Status.KEYED or not election.ballot_public_key or not is_key_made(election):
        raise ElectionStateError(
            _("there is no election key yet: the trustees make it together first (the trustees' page)")
        )
    if election.rule != Election.Rule.MOTION:
        candidates = election.candidates.count()
        if election.seats < 1:
            raise ElectionStateError(_("an election needs at least one seat"))
        if candidates == 0:
            raise ElectionStateError(_("there are no candidates: add at least one per seat"))
        if candidates < election.seats:
            raise ElectionStateError(
                _("%(candidates)s candidates for %(seats)s seats: add at least one candidate per seat")
                % {"candidates": format_number(candidates), "seats": format_number(election.seats)}
            )
    if not 1 <= election.trustee_threshold <= election.trustee_count:
        raise ElectionStateError(_("the trustees needed to open the count must be between one and all of them"))


def _infeasible_reason(definition: record.Definition) -> str:
    """Name the first representation constraint the candidates cannot meet, or say they cannot meet them together."""
    from django.utils.translation import gettext

    for constraint in definition.constraints:
        holders = [c for c in definition.candidates if constraint.value in c.attributes.get(constraint.attribute, ())]
        if constraint.kind == "min" and constraint.value is not None and len(holders) < constraint.limit:
            return gettext(
                "the constraint 'at least %(limit)s with %(attribute)s %(value)s' cannot be met: "
                "only %(count)s candidates have it"
            ) % {
                "limit": format_number(constraint.limit),
                "attribute": constraint.attribute,
                "value": constraint.value,
                "count": format_number(len(holders)),
            }
    return gettext(
        "the representation constraints cannot be met together by these candidates for %(seats)s seats: "
        "add candidates, or relax a constraint"
    ) % {"seats": format_number(definition.seats)}


def _append_event(election: Election, event: str) -> ChainEvent:
    """Append an event to the election's count chain (the caller holds the election row lock)."""
    last = election.chain.order_by("-number").first()
    issued = last.issued if last else 0
    cast = last.cast if last else 0
    if last is not None and last.event == ChainEvent.Event.CLOSE:
        raise ElectionStateError(_("the ballot box is closed"))
    if event == ChainEvent.Event.ISSUE:
        issued += 1
    elif event == ChainEvent.Event.CAST:
        cast += 1
    entry = record.ChainEntry(event=event, issued=issued, cast=cast)
    previous = last.head if last else record.chain_start(election.definition_hash)
    return ChainEvent.objects.create(
        election=election,
        number=(last.number + 1) if last else 1,
        event=event,
        issued=issued,
        cast=cast,
        head=record.chain_next(previous, entry),
    )


def issue_blind_signature(
    *,
    election: Election,
    blinded_message: bytes,
    voter_signature: bytes,
    delegate: Delegate | None = None,
    user: User | None = None,
    now: datetime | None = None,
) -> tuple[str, bytes]:
    """Blind-sign a delegate's blinded credential once; return their elector id and the blind signature.

    The request must be signed with the voting key the frozen definition lists for the delegate
    (`voting_key.pass_request_message`: definition hash, blinded message); the signature is stored and
    published with the issuance, so the verifier can tell that the delegate asked for this pass.

    The delegate is the one the request speaks for (`assemblies.delegate_session.access_delegate`); a
    `user` alone names the delegate linked to that account. The issuance (elector id, blinded message,
    blind signature) is public: blinding hides which credential it became. It is counted on the chain,
    with no time. The audit log gets no entry per issuance, because its timestamps and row order would
    let whoever holds the database match issuances to cast times; the issuance list itself is the log
    of this action, and the close writes one audit entry with the counts (docs/elections.md).
    """
    if delegate is None and user is not None:
        delegate = Delegate.objects.filter(user=user).first()
    if delegate is None:
        raise NotEligibleError(_("not a delegate"))
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if not locked.is_open(now) or not locked.signing_key:
            raise ElectionStateError(_("voting is not open"))
        voter = Voter.objects.filter(election=locked, delegate=delegate, has_signature=False).first()
        if voter is None:
            raise NotEligibleError(_("not in the electorate, or the signature was already issued"))
        signing_key = blind.load_private_key(base64.b64decode(locked.signing_key))
        try:
            signature = blind.blind_sign(signing_key, blinded_message)
        except blind.BlindSignatureError as error:
            raise NotEligibleError(_("the blinded message is malformed")) from error
        if Voter.objects.filter(election=locked, blinded_message=blinded_message).exists():
            raise NotEligibleError(_("this blinded message was already signed"))
        key = elector_key(locked, voter.elector_id)
        if key is None:
            raise NotEligibleError(
                _("you had no voting key when this election was frozen, so no pass can be issued to you")
            )
        if not voting_key.is_valid_pass_request(key, locked.definition_hash, blinded_message, voter_signature):
            raise NotEligibleError(_("the pass request is not signed with your voting key"))
        voter.has_signature = True
        voter.blinded_message = blinded_message
        voter.blind_signature = signature
        voter.voter_signature = voter_signature
        voter.save(update_fields=["has_signature", "blinded_message", "blind_signature", "voter_signature"])
        _append_event(locked, ChainEvent.Event.ISSUE)
    return voter.elector_id, signature


def elector_key(election: Election, elector_id: str) -> bytes | None:
    """Return the voting key the frozen definition lists for an elector (None: no key at the freeze)."""
    for entry in (election.definition or {}).get("electorate", []):
        if entry.get("id") == elector_id:
            return None if entry.get("key") is None else base64.b64decode(entry["key"])
    return None


@transaction.atomic
def register_voting_key(*, delegate: Delegate, public_key: bytes) -> VotingKey:
    """Register the public half of the voting key a delegate made in their browser (once; audited).

    A delegate who already holds a key cannot replace it themselves: a session stolen between two
    elections must not be able to swap in a key of the thief's (an organizer clears a lost one).
    """
    if len(public_key) != voting_key.PUBLIC_KEY_LENGTH:
        raise VotingKeyError(_("a voting key is 32 bytes"))
    try:
        Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError as error:
        raise VotingKeyError(_("this is not an Ed25519 public key")) from error
    Delegate.objects.select_for_update().filter(pk=delegate.pk).first()
    if VotingKey.objects.filter(delegate=delegate).exists():
        raise VotingKeyError(_("you already have a voting key: ask an organizer to clear it if you lost its code"))
    if VotingKey.objects.filter(public_key=public_key).exists():
        raise VotingKeyError(_("this voting key is already registered"))
    try:
        with transaction.atomic():  # two requests racing past the checks above meet the unique constraints
            key = VotingKey.objects.create(delegate=delegate, public_key=public_key)
    except IntegrityError as error:
        raise VotingKeyError(_("this voting key is already registered")) from error
    audit.record(
        "elections.voting_key.registered", actor=None, target=delegate, data={"public_key": key.public_key_b64}
    )
    return key


@transaction.atomic
def clear_voting_key(*, actor: User, delegate: Delegate) -> None:
    """Clear a delegate's voting key (a lost code) so they can make a new one; frozen definitions keep the old key."""
    if not (has_role(actor, Role.ORGANIZER) or has_role(actor, Role.CREDENTIALS_OFFICER)):
        raise VotingKeyError(_("only an organizer or a credentials officer can clear a voting key"))
    key = VotingKey.objects.select_for_update().filter(delegate=delegate).first()
    if key is None:
        raise VotingKeyError(_("this delegate has no voting key"))
    frozen = sorted(
        Voter.objects.filter(delegate=delegate, election__status=Election.Status.FROZEN).values_list(
            "election__slug", flat=True
        )
    )
    audit.record(
        "elections.voting_key.cleared",
        actor=actor,
        target=delegate,
        data={"public_key": key.public_key_b64, "frozen_elections_keep_it": frozen},
    )
    key.delete()


def cast_ballot(
    *,
    slug: str,
    credential: bytes,
    signature: bytes,
    ciphertext: bytes,
    ballot_signature: bytes,
    elector: str = "",
    declaration: bytes = b"",
    now: datetime | None = None,
) -> str:
    """Accept a ballot signed by the key its credential holds; a later one with the same credential replaces it.

    The first ballot under a credential must bring its elector's cast declaration (the voting key's
    signature over the definition hash, made by the booth with the pass request): the elector must
    hold a pass and have declared no cast yet. The declaration is kept with the elector's issuance
    entry, never with the ballot, so the record cannot tell which ballot it came with; `verify`
    then requires as many ballots as declarations. A recast under the same credential needs none.
    No identity, cookie, address or time is stored with the ballot. Returns the tracking code.
    """
    election = Election.objects.filter(slug=slug, status=Election.Status.FROZEN).first()
    if election is None:
        raise CastRefusedError(_("no such election is open"))
    if not election.is_open(now):
        raise CastRefusedError(_("voting is not open"))
    if len(credential) != record.CREDENTIAL_LENGTH:
        raise CastRefusedError(_("the credential has the wrong length"))
    definition = record.parse_definition(election.definition)
    try:
        # Every row must be the election's number of group elements, or the shuffle after the close could not take it.
        ballot_crypto.to_row(ciphertext, points=definition.layout.points)
    except ballot_crypto.BallotError as error:
        raise CastRefusedError(_("the sealed ballot has the wrong size")) from error
    if not blind.verify(blind.load_public_key(definition.blind_key), credential, signature):
        raise CastRefusedError(_("the signature does not verify"))
    ballot = record.CastBallot(
        credential=credential, credential_signature=signature, ciphertext=ciphertext, ballot_signature=ballot_signature
    )
    try:
        Ed25519PublicKey.from_public_bytes(ballot.voter_key).verify(
            ballot_signature, record.ballot_message(election.definition_hash, ciphertext)
        )
    except (InvalidSignature, ValueError) as error:
        raise CastRefusedError(_("the ballot is not signed by the key of this voting pass")) from error
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if not locked.is_open(now) or locked.box_closed:
            raise CastRefusedError(_("voting is not open"))
        existing = Ballot.objects.filter(receipt=ballot.credential_id).first()
        if existing is not None and existing.election_id != locked.pk:
            raise CastRefusedError(_("the credential belongs to another election"))
        if existing is None:
            if Ballot.objects.filter(election=locked).count() >= locked.voters.filter(has_signature=True).count():
                raise CastRefusedError(_("more ballots than signatures issued"))
            _take_declaration(locked, elector, declaration)
            _append_event(locked, ChainEvent.Event.CAST)
        Ballot.objects.update_or_create(
            receipt=ballot.credential_id,
            defaults={
                "election": locked,
                "token": credential,
                "signature": signature,
                "ciphertext": ciphertext,
                "ballot_signature": ballot_signature,
                "tracking": ballot.tracking,
            },
        )
    return ballot.tracking


def _take_declaration(election: Election, elector: str, declaration: bytes) -> None:
    """Keep an elector's cast declaration with their issuance entry, or refuse the first cast of a credential."""
    number = elector.removeprefix("e")  # Voter.elector_id is "e" and the delegate's id
    voter = (
        election.voters.filter(delegate_id=int(number), has_signature=True).first()
        if number.isascii() and number.isdigit() and len(number) <= 18
        else None
    )
    if voter is None:
        raise CastRefusedError(_("the ballot does not name an elector who took a voting pass"))
    if voter.cast_declaration:
        raise CastRefusedError(_("this elector has already cast a ballot with another voting pass"))
    key = elector_key(election, elector)
    if key is None or not voting_key.is_valid_cast_declaration(key, election.definition_hash, declaration):
        raise CastRefusedError(_("the cast declaration is not signed with this elector's voting key"))
    voter.cast_declaration = declaration
    voter.save(update_fields=["cast_declaration"])


@transaction.atomic
def close_box(*, election: Election, now: datetime | None = None) -> Election:
    """After the close: put the close on the chain, erase the blind-signing key, store the ballots in order.

    Idempotent. Runs from the periodic job, and before the first share is taken or the record built.
    """
    election = Election.objects.select_for_update().get(pk=election.pk)
    if election.box_closed or election.status != Election.Status.FROZEN or not election.is_closed(now):
        return election
    _append_event(election, ChainEvent.Event.CLOSE)
    # Rewrite the rows in tracking-code order, so that their physical order no longer follows cast order.
    rows = sorted(election.ballots.all(), key=lambda b: b.tracking)
    Ballot.objects.filter(election=election).delete()
    Ballot.objects.bulk_create(rows)
    election.signing_key = ""
    election.box_closed = True
    # The trustees open the shuffle's output, never the box: the server mixes now, with fresh
    # randomness it forgets (it holds no key share, so nothing else derives the permutation).
    mixes = record.mix_box(election.definition or {}, [_cast_ballot(b) for b in rows])
    election.mix = record.serialize({"mixes": [record.mix_json(m) for m in mixes]}).decode("utf-8")
    election.save(update_fields=["signing_key", "box_closed", "mix", "updated_at"])
    last = election.chain.order_by("-number").first()
    audit.record(
        "elections.box.closed",
        actor=None,
        target=election,
        data={"issued": last.issued if last else 0, "ballots": len(rows), "chain_head": last.head if last else ""},
    )
    return election


def close_due_elections(*, now: datetime | None = None) -> int:
    """Close every frozen election whose window has ended; return how many were closed."""
    moment = now if now is not None else timezone.now()
    due = Election.objects.filter(status=Election.Status.FROZEN, box_closed=False, closes_at__lte=moment)
    return sum(1 for election in due if close_box(election=election, now=moment).box_closed)


def _issuance(election: Election) -> list[record.Issuance]:
    return [
        record.Issuance(
            elector=voter.elector_id,
            blinded_message=bytes(voter.blinded_message or b""),
            blind_signature=bytes(voter.blind_signature or b""),
            voter_signature=bytes(voter.voter_signature or b""),
            cast_declaration=None if voter.cast_declaration is None else bytes(voter.cast_declaration),
        )
        for voter in election.voters.filter(has_signature=True)
    ]


def _publish(election: Election, built: dict[str, Any], *, actor: User | None, trustees: int) -> Election:
    """Store the signed record, erase the record key (and the signing key), audit."""
    election.record = record.serialize(built).decode("utf-8")
    election.result = built["result"]
    election.status = Election.Status.PUBLISHED
    # The record key has signed the only record it will ever sign: erase it.
    election.record_key = ""
    election.signing_key = ""
    election.save(update_fields=["record", "result", "status", "record_key", "signing_key", "updated_at"])
    audit.record(
        "elections.record.published",
        actor=actor,
        target=election,
        data={
            "ballots": len(built["ballots"]),
            "signatures": len(built["issuance"]),
            "trustees": trustees,
        },
    )
    return election


# --- the trustees' joint key generation and their opening of the count ----------------------------


class TrusteeMessageError(Exception):
    """Raised when a trustee's message is refused; the message is safe to show."""


def is_key_made(election: Election) -> bool:
    """Tell whether every trustee has dealt and confirmed, so that the election key is made."""
    seats = list(election.trustee_seats.all())
    return len(seats) == election.trustee_count and all(seat.confirmation for seat in seats)


def key_generation_entries(election: Election) -> dict[str, list[dict[str, Any]]]:
    """Return the definition's `dealings` and `confirmations` (empty until every trustee has confirmed)."""
    seats = list(election.trustee_seats.order_by("index"))
    if not seats or any(not seat.confirmation for seat in seats):
        return {"dealings": [], "confirmations": []}
    return {
        "dealings": [{k: v for k, v in (seat.dealing or {}).items() if k != "shares"} for seat in seats],
        "confirmations": [{"trustee": seat.index, "proof": seat.confirmation} for seat in seats],
    }


def _cast_ballot(ballot: Ballot) -> record.CastBallot:
    return record.CastBallot(
        credential=bytes(ballot.token),
        credential_signature=bytes(ballot.signature),
        ciphertext=bytes(ballot.ciphertext),
        ballot_signature=bytes(ballot.ballot_signature),
    )


def _stored_mixes(election: Election) -> list[record.Mix]:
    if not election.mix:
        return []
    return [record.read_mix(m) for m in canonical.loads(election.mix.encode("utf-8"))["mixes"]]


def ceremony_document(*, election: Election, now: datetime | None = None) -> dict[str, Any]:
    """Return the ceremony file the trustees' tool reads: who joined, dealings, confirmations, what to open."""
    if election.status == Election.Status.FROZEN and election.is_closed(now):
        election = close_box(election=election, now=now)
    entries = [
        {
            "trustee": seat.index,
            "name": str(seat.trustee),
            "transport_key": seat.transport_key,
            "dealing": seat.dealing,
            "confirmation": seat.confirmation or None,
        }
        for seat in election.trustee_seats.select_related("trustee").order_by("index")
    ]
    opening = None
    if election.box_closed and election.status == Election.Status.FROZEN:
        opening = trustee.opening_document(
            definition=election.definition or {},
            chain=[record.ChainEntry(e.event, e.issued, e.cast) for e in election.chain.order_by("number")],
            cast=[_cast_ballot(b) for b in election.ballots.all()],
            mixes=_stored_mixes(election),
        )
    return trustee.ceremony_document(
        election=election.slug,
        threshold=election.trustee_threshold,
        count=election.trustee_count,
        trustees=entries,
        opening=opening,
    )


def receive_trustee_message(*, actor: User, election: Election, data: bytes, now: datetime | None = None) -> str:
    """Take one message of a trustee's tool (join, dealing, confirmation, mix, decryption); return its kind.

    Every message is checked before it is kept: a mix against the last output of the cascade (see
    ``trustee.check_mix``); a decryption only once k trustees have mixed, and only of the last
    output; the decryption that brings the k-th valid one opens the count and publishes the record.
    """
    try:
        message = trustee.parse_message(data, election=election.slug)
    except trustee.TrusteeError as error:
        raise TrusteeMessageError(str(error)) from error
    kind = str(message["kind"])
    if kind == "decryption":
        return _receive_decryption(actor=actor, election=election, message=message, now=now)
    if kind == "mix":
        return _receive_mix(actor=actor, election=election, message=message, now=now)
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if locked.status != Election.Status.DRAFT:
            raise TrusteeMessageError(_("the key is made: the key generation is over"))
        if not has_role(actor, Role.TRUSTEE):
            raise TrusteeMessageError(_("only a trustee takes part in the key generation"))
        if locked.trustees.exists() and not locked.trustees.filter(pk=actor.pk).exists():
            raise TrusteeMessageError(_("you are not a trustee of this election"))
        seats = list(locked.trustee_seats.order_by("index"))
        seat = next((s for s in seats if s.trustee_id == actor.pk), None)
        try:
            if kind == "join":
                _join(locked, seats, seat, actor, message)
            elif seat is None:
                raise TrusteeMessageError(_("join the key generation first"))
            elif kind == "dealing":
                _deal(locked, seats, seat, message)
            else:
                _confirm(locked, seats, seat, message)
        except (trustee.TrusteeError, KeyError, TypeError, ValueError) as error:
            if isinstance(error, TrusteeMessageError):
                raise
            raise TrusteeMessageError(str(error)) from error
        audit.record(
            f"elections.trustee.{kind}", actor=actor, target=locked, data={"trustee": seat.index if seat else None}
        )
    return kind


def _join(
    locked: Election, seats: list[TrusteeSeat], seat: TrusteeSeat | None, actor: User, message: dict[str, Any]
) -> None:
    key = trustee.unb64(message.get("transport_key"), "the transport key")
    if len(key) != 32:
        raise TrusteeMessageError(_("a transport key is 32 bytes"))
    if any(s.dealing for s in seats):
        raise TrusteeMessageError(_("the trustees have begun dealing: ask the organizer to restart"))
    if seat is not None:
        seat.transport_key = record.b64(key)
        seat.save(update_fields=["transport_key"])
        return
    if len(seats) >= locked.trustee_count:
        raise TrusteeMessageError(_("every trustee has joined already"))
    TrusteeSeat.objects.create(election=locked, trustee=actor, index=len(seats) + 1, transport_key=record.b64(key))


def _deal(locked: Election, seats: list[TrusteeSeat], seat: TrusteeSeat, message: dict[str, Any]) -> None:
    if len(seats) < locked.trustee_count:
        raise TrusteeMessageError(_("not every trustee has joined yet"))
    if seat.dealing:
        raise TrusteeMessageError(_("you have dealt already"))
    sealed = trustee.read_dealing(
        message.get("dealing"), threshold=locked.trustee_threshold, count=locked.trustee_count, election=locked.slug
    )
    if sealed.dealing.dealer != seat.index:
        raise TrusteeMessageError(_("this dealing is not for your place among the trustees"))
    seat.dealing = message["dealing"]
    seat.save(update_fields=["dealing"])


def _confirm(locked: Election, seats: list[TrusteeSeat], seat: TrusteeSeat, message: dict[str, Any]) -> None:
    if len(seats) < locked.trustee_count or any(not s.dealing for s in seats):
        raise TrusteeMessageError(_("not every trustee has dealt yet"))
    dealings = [
        trustee.read_dealing(
            s.dealing, threshold=locked.trustee_threshold, count=locked.trustee_count, election=locked.slug
        ).dealing
        for s in seats
    ]
    proof = trustee._proof(message.get("proof"), "the confirmation")
    if message.get("trustee") != seat.index or not trustee.check_confirmation(
        dealings, seat.index, proof, election=locked.slug
    ):
        raise TrusteeMessageError(_("the confirmation does not prove your share of the key"))
    seat.confirmation = str(message["proof"])
    seat.save(update_fields=["confirmation"])
    if all(s.confirmation for s in seats):
        import solidarity.elections.threshold as th

        locked.ballot_public_key = record.b64(th.election_key(dealings))
        locked.status = Election.Status.KEYED
        locked.save(update_fields=["ballot_public_key", "status", "updated_at"])


@transaction.atomic
def restart_key_generation(*, actor: User, election: Election) -> None:
    """Throw away an unfinished joint key generation (after a trustee's complaint), so the trustees start again."""
    election = Election.objects.select_for_update().get(pk=election.pk)
    if election.status != Election.Status.DRAFT:
        raise ElectionStateError(_("the key is made: the key generation is over"))
    election.trustee_seats.all().delete()
    audit.record("elections.trustee.restarted", actor=actor, target=election)


def _receive_mix(*, actor: User, election: Election, message: dict[str, Any], now: datetime | None) -> str:
    """Keep a trustee's mix on top of the cascade once its proof and signature verify against the last output."""
    if election.status != Election.Status.FROZEN or not election.is_closed(now):
        raise TrusteeMessageError(_("the ballots are mixed only after the close"))
    close_box(election=election, now=now)
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        seat = locked.trustee_seats.filter(trustee=actor).first()
        if seat is None:
            raise TrusteeMessageError(_("you hold no share of this election's key"))
        if locked.trustee_seats.exclude(decryption="").exists():
            raise TrusteeMessageError(_("the decryption has begun: no more mixes"))
        mixes = _stored_mixes(locked)
        try:
            stage = trustee.check_mix(
                locked.definition or {},
                [_cast_ballot(b) for b in locked.ballots.all()],
                mixes,
                message.get("mix"),
                trustee=seat.index,
            )
        except trustee.TrusteeError as error:
            raise TrusteeMessageError(str(error)) from error
        locked.mix = record.serialize({"mixes": [record.mix_json(m) for m in [*mixes, stage]]}).decode("utf-8")
        locked.save(update_fields=["mix", "updated_at"])
        audit.record(
            "elections.trustee.mix", actor=actor, target=locked, data={"trustee": seat.index, "number": len(mixes) + 1}
        )
    return "mix"


def _receive_decryption(*, actor: User, election: Election, message: dict[str, Any], now: datetime | None) -> str:
    if election.status != Election.Status.FROZEN or not election.is_closed(now):
        raise TrusteeMessageError(_("the count opens only after the close"))
    election = close_box(election=election, now=now)
    seat = election.trustee_seats.filter(trustee=actor).first()
    if seat is None:
        raise TrusteeMessageError(_("you hold no share of this election's key"))
    cast_rows = election.ballots.all()
    if cast_rows and record.mixer_fault(
        record.parse_definition(election.definition or {}),
        record.definition_hash(election.definition or {}),
        _stored_mixes(election),
    ):
        raise TrusteeMessageError(_("too few trustees have mixed the ballots: the decryption waits for them"))
    try:
        opened = trustee.read_decryption(message.get("decryption"))
    except trustee.TrusteeError as error:
        raise TrusteeMessageError(str(error)) from error
    cast = [_cast_ballot(b) for b in election.ballots.all()]
    if opened.trustee != seat.index or not trustee.check_decryption(
        election.definition or {}, cast, _stored_mixes(election), opened
    ):
        raise TrusteeMessageError(_("the decryption's proofs do not verify with your share of the key"))
    with transaction.atomic():
        seat.decryption = record.serialize(record.trustee_decryption_json(opened)).decode("utf-8")
        seat.save(update_fields=["decryption"])
        audit.record("elections.trustee.decryption", actor=actor, target=election, data={"trustee": seat.index})
    if election.trustee_seats.exclude(decryption="").count() >= election.trustee_threshold:
        publish_joint_record(election=election, actor=actor, now=now)
    return "decryption"


@transaction.atomic
def publish_joint_record(*, election: Election, actor: User | None, now: datetime | None = None) -> Election:
    """Combine the trustees' proven partial decryptions, count, sign and publish; erase the record key."""
    election = Election.objects.select_for_update().get(pk=election.pk)
    if election.status != Election.Status.FROZEN:
        raise ElectionStateError(_("the record is already published"))
    if not election.record_key:
        raise ElectionStateError(_("the record key is gone"))
    seats = list(election.trustee_seats.exclude(decryption="").order_by("index"))
    if len(seats) < election.trustee_threshold:
        raise ElectionStateError(_("too few trustees have decrypted"))
    decryptions = [trustee.read_decryption(canonical.loads(s.decryption.encode("utf-8"))) for s in seats]
    built = record.assemble_record(
        definition=election.definition or {},
        issuance=_issuance(election),
        chain=[record.ChainEntry(e.event, e.issued, e.cast) for e in election.chain.order_by("number")],
        cast=[_cast_ballot(b) for b in election.ballots.all()],
        mixes=_stored_mixes(election),
        decryptions=decryptions,
        record_key=Ed25519PrivateKey.from_private_bytes(base64.b64decode(election.record_key)),
    )
    return _publish(election, built, actor=actor, trustees=len(seats))
