"""Demo elections: a completed seven-seat STV election with its record, and an open charter motion."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from solidarity.assemblies.invitations import CODE_ALPHABET, check_symbol
from solidarity.coalition.models import Delegate
from solidarity.core.models import User
from solidarity.elections import blind, canonical, client, record, services, voting_key
from solidarity.elections import trustee as trustee_tool
from solidarity.elections.models import Election

if TYPE_CHECKING:
    from solidarity.demo import DemoContext


def _charter_motion() -> tuple[str, str, int | None]:
    """Word the motion after the latest charter, if the deliberation app has one, and name it."""
    try:
        from solidarity.deliberation.selectors import latest_charter
    except ImportError:
        charter = None
    else:
        charter = latest_charter()
    if charter is None:
        return (
            "The assembly adopts the coalition's charter as drafted.",
            "مجمع منشور ائتلاف را به همان شکل پیش‌نویس تصویب می‌کند.",
            None,
        )
    return (
        f"The assembly adopts the charter “{charter.title_en}” as drafted.",
        f"مجمع منشور «{charter.title_fa or charter.title_en}» را به همان شکل پیش‌نویس تصویب می‌کند.",
        charter.pk if charter.items.exists() else None,
    )


def _voter_user(delegate: Delegate, index: int) -> User:
    """Give a demo delegate an account so the booth can sign for them (demo only)."""
    if delegate.user is not None:
        return delegate.user
    user = User.objects.create_user(
        username=f"demo-voter-{index:03d}", password=None, display_name=delegate.display_name
    )
    delegate.user = user
    delegate.save(update_fields=["user"])
    return user


WITHOUT_VOTING_KEY = 3  # demo delegates who never made a voting key: the definitions list them with none


def _demo_voting_codes(context: DemoContext, delegates: list[Delegate]) -> dict[int, str]:
    """Register a voting key for every demo delegate but the last few, from codes the demo rng makes (demo only).

    A real delegate makes the code in their own browser and the server never sees it.
    """
    codes = {}
    # The key-less few have no staff account linked, so every demo account that speaks for a delegate can vote.
    keyless = {delegate.pk for delegate in delegates if delegate.user_id is None}
    keyless = set(sorted(keyless)[-WITHOUT_VOTING_KEY:])
    for delegate in delegates:
        if delegate.pk in keyless:
            continue
        data = "".join(context.rng.choice(CODE_ALPHABET) for _ in range(voting_key.CODE_DATA_SYMBOLS))
        code = voting_key.normalize_code(data + check_symbol(data))
        services.register_voting_key(delegate=delegate, public_key=voting_key.public_key(code))
        codes[delegate.pk] = code
    context.shared["voting_codes"] = codes  # for tests that walk a demo delegate's booth
    return codes


def build(context: DemoContext) -> None:
    rng = context.rng
    organizer = context.shared["users"]["organizer"]
    now = timezone.now()
    delegates = list(Delegate.objects.filter(is_accredited=True).prefetch_related("organizations").order_by("pk"))
    codes = _demo_voting_codes(context, delegates)

    context.progress("demo: elections (executive committee)")
    opens = now - timedelta(days=3)
    election = services.create_election(
        actor=organizer,
        slug="executive-committee",
        title_en="Executive committee",
        title_fa="کمیتهٔ اجرایی",
        rule="scottish-stv",
        seats=7,
        quorum="1/5",  # a fifth of the voter roll must cast a ballot
        opens_at=opens,
        closes_at=opens + timedelta(days=1),
        constraints=[
            {"kind": "min", "attribute": "gender", "value": "woman", "limit": 2},
            {"kind": "max", "attribute": "organization", "value": None, "limit": 2},
        ],
        trustee_threshold=2,
        trustee_count=3,
    )
    standing = rng.sample(delegates, 14)
    for index, delegate in enumerate(standing):
        services.add_candidate(
            actor=organizer,
            election=election,
            delegate=delegate,
            name_fa=delegate.display_name,
            gender="woman" if index % 3 == 0 else "man",
        )
    trustees = [context.shared["users"][f"trustee{number}"] for number in (1, 2, 3)]
    for person in trustees:
        services.appoint_trustee(actor=organizer, election=election, trustee=person)
    # The trustees make the key together through the staff page's files (the only way an election key
    # is made). In the demo their three tools run in this one process (really each on its own computer).
    states = _make_joint_key(election, trustees)
    election = services.freeze_election(actor=organizer, election=election)
    definition = record.parse_definition(election.definition)
    public = blind.load_public_key(definition.blind_key)
    ids = definition.candidate_ids
    popularity = {c: rng.uniform(0.3, 3.0) for c in ids}
    during = opens + timedelta(hours=2)
    keyed = [delegate for delegate in delegates if delegate.pk in codes]
    voters = rng.sample(keyed, min(len(keyed), 48))
    for index, delegate in enumerate(voters):
        user = _voter_user(delegate, index)
        pending = client.start_pass(public)
        request = voting_key.sign_pass_request(
            voting_key.private_key(codes[delegate.pk]), election.definition_hash, pending.blinded_message
        )
        elector, blind_signature = services.issue_blind_signature(
            election=election, user=user, blinded_message=pending.blinded_message, voter_signature=request, now=during
        )
        voting_pass = client.declare(
            client.finish_pass(public, pending, blind_signature),
            elector=elector,
            key=voting_key.private_key(codes[delegate.pk]),
            definition_hash=election.definition_hash,
        )
        if rng.random() < 0.1:
            continue  # took a signature, did not vote
        ranking = sorted(ids, key=lambda c: -(rng.random() ** (1 / popularity[c])))[: rng.randint(2, 9)]
        ballot = client.cast(
            voting_pass, election.definition_hash, definition.ballot_key, {"ranking": ranking}, layout=definition.layout
        )
        services.cast_ballot(
            slug=election.slug,
            credential=ballot.credential,
            signature=ballot.credential_signature,
            ciphertext=ballot.ciphertext,
            ballot_signature=ballot.ballot_signature,
            elector=voting_pass.elector,
            declaration=voting_pass.declaration,
            now=during,
        )
    # Two of the three open the count: each first re-shuffles the box with a proof (the server's mix
    # at the close is not enough: k trustees' mixes are needed), then each decrypts the last output.
    for _round in ("mix", "decrypt"):
        for person in trustees[:2]:
            _trustee_step(election, person, states, now=now)
    election.refresh_from_db()
    failures = record.verify(election.record)
    if failures:
        raise RuntimeError(f"demo record does not verify: {failures}")

    context.progress("demo: elections (charter motion)")
    motion_en, motion_fa, charter_id = _charter_motion()
    motion = services.create_election(
        actor=organizer,
        slug="adopt-the-charter",
        title_en="Motion: adopt the charter",
        title_fa="پیشنهاد: تصویب منشور",
        rule="motion",
        threshold="2/3",
        quorum="1/2",
        motion_en=motion_en,
        motion_fa=motion_fa,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7),
        trustee_threshold=2,
        trustee_count=3,
        charter_id=charter_id,  # freezing the motion freezes the charter: its hash enters the definition
    )
    for person in trustees:
        services.appoint_trustee(actor=organizer, election=motion, trustee=person)
    motion_states = _make_joint_key(motion, trustees)
    services.freeze_election(actor=organizer, election=motion)
    context.notes.append(
        f"elections: 'executive-committee' published ({Election.objects.get(pk=election.pk).ballots.count()} ballots, "
        f"record verifies); 'adopt-the-charter' open for 7 days"
    )
    for delegate in keyed[:3]:  # to try the booth on the open motion as one of them
        context.notes.append(f"elections: demo voting code of {delegate.display_name}: {codes[delegate.pk]}")
    # Each demo trustee's state file (their share of the motion's key), where the trustee tool can open the
    # count after the close; a real trustee keeps theirs on their own computer, offline.
    folder = settings.DATA_DIR / "demo-trustees"
    folder.mkdir(parents=True, exist_ok=True)
    for person in trustees:
        path = folder / f"{person.username}-{motion.slug}.json"
        path.write_text(json.dumps(motion_states[person.pk], indent=1), encoding="utf-8")
        path.chmod(0o600)
        context.notes.append(f"elections: demo {person.username}'s trustee state file for '{motion.slug}': {path}")


def _make_joint_key(election: Election, trustees: list[User]) -> dict[int, dict[str, Any]]:
    """Let the demo trustees join, deal and confirm in turn; return each one's state file (by user id)."""
    states: dict[int, dict[str, Any]] = {}
    for _round in ("join", "deal", "confirm"):
        for person in trustees:
            _trustee_step(election, person, states, now=None)
    return states


def _trustee_step(election: Election, person: User, states: dict[int, dict[str, Any]], *, now: datetime | None) -> None:
    """Let one demo trustee download the ceremony file, run the trustee tool, and upload its message."""
    document = json.loads(canonical.dumps(services.ceremony_document(election=election, now=now)))
    state, outgoing, _ = trustee_tool.step(states.get(person.pk), document)
    states[person.pk] = state
    if outgoing is not None:
        services.receive_trustee_message(actor=person, election=election, data=canonical.dumps(outgoing), now=now)
