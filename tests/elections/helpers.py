"""Build complete elections in memory (no database) for the record, attack and fuzz tests."""

from __future__ import annotations

import base64
import hashlib
import json
import random
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from solidarity.assemblies.invitations import CODE_ALPHABET, check_symbol
from solidarity.elections import ballots, blind, client, record, trustee, voting_key
from solidarity.elections import threshold as th

if TYPE_CHECKING:
    from datetime import datetime

    from solidarity.coalition.models import Delegate
    from solidarity.core.models import User
    from solidarity.elections.models import Election as ElectionModel

_SIGNING_KEY: rsa.RSAPrivateKey | None = None


def signing_key() -> rsa.RSAPrivateKey:
    """Share one RSA key across tests: generating 2048-bit keys is the slow part."""
    global _SIGNING_KEY
    if _SIGNING_KEY is None:
        _SIGNING_KEY = blind.generate_signing_key()
    return _SIGNING_KEY


@dataclass
class Election:
    definition: dict[str, Any]
    signing: rsa.RSAPrivateKey
    record_key: Ed25519PrivateKey
    ceremony: trustee.LocalCeremony  # the three trustees' tools made the key together; no whole key exists
    issuance: list[record.Issuance] = field(default_factory=list)
    chain: list[record.ChainEntry] = field(default_factory=list)
    cast: list[record.CastBallot] = field(default_factory=list)
    passes: dict[str, client.VotingPass] = field(default_factory=dict)

    @property
    def ballot_key(self) -> bytes:
        return self.ceremony.ballot_key

    def share(self, index: int) -> int:
        """Return trustee ``index``'s key share x_j, from its state file (what an insider trustee holds)."""
        return int.from_bytes(base64.b64decode(self.ceremony.states[index - 1]["share"]), "little")

    @property
    def layout(self) -> ballots.Layout:
        return record.parse_definition(self.definition).layout

    @property
    def digest(self) -> str:
        return record.definition_hash(self.definition)

    def _event(self, event: str) -> None:
        last = self.chain[-1] if self.chain else record.ChainEntry("issue", 0, 0)
        self.chain.append(
            record.ChainEntry(
                event=event,
                issued=last.issued + (event == "issue"),
                cast=last.cast + (event == "cast"),
            )
        )

    def issue(self, elector: str) -> client.VotingPass:
        public = self.signing.public_key()
        pending = client.start_pass(public)
        blind_signature = blind.blind_sign(self.signing, pending.blinded_message)
        request = voting_key.sign_pass_request(voter_key(elector), self.digest, pending.blinded_message)
        self.issuance.append(record.Issuance(elector, pending.blinded_message, blind_signature, request))
        self._event("issue")
        voting_pass = client.declare(
            client.finish_pass(public, pending, blind_signature),
            elector=elector,
            key=voter_key(elector),
            definition_hash=self.digest,
        )
        self.passes[elector] = voting_pass
        return voting_pass

    def vote(self, elector: str, content: dict[str, Any]) -> record.CastBallot:
        voting_pass = self.passes.get(elector) or self.issue(elector)
        ballot = client.cast(voting_pass, self.digest, self.ballot_key, content, layout=self.layout)
        previous = [b for b in self.cast if b.credential == ballot.credential]
        if previous:
            self.cast.remove(previous[0])
        else:
            self.declare(voting_pass)
            self._event("cast")
        self.cast.append(ballot)
        return ballot

    def cast_sealed(self, voting_pass: client.VotingPass, sealed: bytes) -> record.CastBallot:
        """Cast bytes a voter sealed themselves (what no booth writes), with the pass's cast declaration."""
        ballot = client.sign_ciphertext(voting_pass, self.digest, sealed)
        self.cast.append(ballot)
        self.declare(voting_pass)
        self._event("cast")
        return ballot

    def declare(self, voting_pass: client.VotingPass) -> None:
        """Keep the pass's cast declaration with its elector's issuance entry, as the server does at a first cast."""
        for index, issued in enumerate(self.issuance):
            if issued.elector == voting_pass.elector:
                self.issuance[index] = replace(issued, cast_declaration=voting_pass.declaration)

    def closed_chain(self) -> list[record.ChainEntry]:
        last = self.chain[-1] if self.chain else record.ChainEntry("issue", 0, 0)
        return [*self.chain, record.ChainEntry("close", last.issued, last.cast)]

    def trustee_opening(
        self, mixes: list[record.Mix], trustees: list[int] | None = None, mixers: list[int] | None = None
    ) -> tuple[list[record.Mix], list[record.TrusteeDecryption]]:
        """Let trustees (by index; the first k by default) decrypt, after k trustees (the chosen first) mixed."""
        k = self.definition["trustees"]["threshold"]
        chosen = trustees or list(range(1, k + 1))
        return trustee.open_locally(
            self.ceremony,
            definition=self.definition,
            chain=self.closed_chain(),
            cast=self.cast,
            mixes=mixes,
            mixers=[*chosen, *(i for i in range(1, k + 1) if i not in chosen)][:k] if mixers is None else mixers,
            decryptors=chosen,
        )

    def build(
        self, *, close: bool = True, trustees: list[int] | None = None, mixers: list[int] | None = None
    ) -> dict[str, Any]:
        """Close (unless told not to), let the server mix, k trustees mix and decrypt, and sign the record."""
        chain = self.closed_chain() if close else list(self.chain)
        mixes, decryptions = self.trustee_opening(record.mix_box(self.definition, self.cast), trustees, mixers)
        return record.assemble_record(
            definition=self.definition,
            issuance=self.issuance,
            chain=chain,
            cast=self.cast,
            mixes=mixes,
            decryptions=decryptions,
            record_key=self.record_key,
        )


def voting_code(name: str) -> str:
    """Return a fixed voting code for a test elector or delegate (the same name, the same code, every run)."""
    digest = hashlib.sha256(b"solidarity-test-voting-code\x00" + name.encode("utf-8")).digest()
    data = "".join(CODE_ALPHABET[byte & 31] for byte in digest[: voting_key.CODE_DATA_SYMBOLS])
    return voting_key.normalize_code(data + check_symbol(data))


def voter_key(name: str) -> Ed25519PrivateKey:
    """Return the voting key of a test elector or delegate (derived from `voting_code`)."""
    return voting_key.private_key(voting_code(name))


def make_election(
    rule: str = "scottish-stv",
    *,
    seats: int = 2,
    candidates: int = 4,
    voters: int = 30,
    slug: str = "test",
) -> Election:
    """Make an election's definition in memory; its three trustees make the key together (2 of 3 open the count)."""
    ceremony = trustee.run_locally(election=slug, threshold=2, count=3)
    record_key = Ed25519PrivateKey.generate()
    signing = signing_key()
    electors = [
        {
            "id": f"e{i:03d}",
            "name": f"Delegate {i}",
            "key": record.b64(voting_key.raw_public_key(voter_key(f"e{i:03d}"))),
        }
        for i in range(voters)
    ]
    definition: dict[str, Any] = {
        "format": record.DEFINITION_FORMAT,
        "election": slug,
        "title_en": "Test",
        "title_fa": "آزمون",
        "motion_en": "",
        "motion_fa": "",
        "rule": rule,
        "seats": seats if rule != "motion" else 1,
        "candidates": [
            {"id": f"c{i}", "name_en": f"Candidate {i}", "name_fa": f"نامزد {i}", "attributes": {}}
            for i in range(candidates if rule != "motion" else 0)
        ],
        "constraints": [],
        "threshold": "1/2",
        "quorum": "0/1",
        "tie_break": "scottish-history-then-lot",
        "electorate": electors,
        "trustees": {
            "threshold": 2,
            "count": 3,
            "names": [],
            "dealings": ceremony.dealings,
            "confirmations": ceremony.confirmations,
        },
        "opens_at": "2026-11-23T09:00:00+00:00",
        "closes_at": "2026-11-23T17:00:00+00:00",
        "keys": {
            "blind_signing": record.b64(blind.public_key_der(signing.public_key())),
            "ballot": record.b64(ceremony.ballot_key),
            "record": record.b64(record_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)),
        },
    }
    definition["ballot_format"] = record.ballot_format(definition)
    return Election(definition=definition, signing=signing, record_key=record_key, ceremony=ceremony)


def random_content(rule: str, rng: random.Random, candidates: int = 4) -> dict[str, Any]:
    ids = [f"c{i}" for i in range(candidates)]
    if rule == "scottish-stv":
        return {"ranking": rng.sample(ids, rng.randint(1, len(ids)))}
    if rule in ("equal-shares", "pav"):
        return {"approve": rng.sample(ids, rng.randint(0, len(ids)))}
    return {"choice": rng.choice(["yes", "no", "abstain"])}


def voted_election(rule: str = "scottish-stv", voters: int = 12, seed: int = 1, *, candidates: int = 4) -> Election:
    rng = random.Random(seed)
    election = make_election(rule, voters=voters + 2, candidates=candidates)
    for i in range(voters):
        election.vote(f"e{i:03d}", random_content(rule, rng, candidates))
    election.issue(f"e{voters:03d}")  # took a signature, did not vote
    return election


def seal_raw(public_key: bytes, data: bytes, width: int) -> bytes:
    """Seal any bytes that fit in a row of ``width`` points, as a voter's own junk ballot: embed, fill, encrypt."""
    points = th.embed(data)
    assert len(points) <= width
    points += [th.embed(b"")[0]] * (width - len(points))
    return b"".join(c.a + c.b for c in (th.encrypt(public_key, p) for p in points))


def draft_election(
    organizer: User, delegates: list[Delegate], *, slug: str, trustee_threshold: int = 2
) -> ElectionModel:
    """A draft 2-seat STV election through the services, open five minutes ago for an hour, 2 (or
    ``trustee_threshold``) of 3 trustees, with the first four delegates as candidates."""
    from datetime import timedelta

    from django.utils import timezone

    from solidarity.elections import services

    now = timezone.now()
    election = services.create_election(
        actor=organizer,
        slug=slug,
        title_en="Executive committee",
        title_fa="کمیتهٔ اجرایی",
        rule="scottish-stv",
        seats=2,
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=1),
        trustee_threshold=trustee_threshold,
        trustee_count=3,
    )
    for delegate in delegates[:4]:
        services.add_candidate(actor=organizer, election=election, delegate=delegate)
    return election


def give_voting_keys(delegates: list[Delegate] | None = None) -> None:
    """Register each delegate's fixed test voting key (`voter_key(f"d{pk}")`), as their browser would."""
    from solidarity.coalition.models import Delegate as DelegateModel
    from solidarity.elections import services
    from solidarity.elections.models import VotingKey

    chosen = delegates if delegates is not None else list(DelegateModel.objects.filter(is_accredited=True))
    for delegate in chosen:
        if not VotingKey.objects.filter(delegate=delegate).exists():
            services.register_voting_key(
                delegate=delegate, public_key=voting_key.raw_public_key(voter_key(f"d{delegate.pk}"))
            )


def declared(
    election: ElectionModel, who: Delegate | User, voting_pass: client.VotingPass, elector: str
) -> client.VotingPass:
    """Add the cast declaration of a delegate (or of the delegate linked to a user) to their pass."""
    from solidarity.coalition.models import Delegate as DelegateModel

    delegate = who if isinstance(who, DelegateModel) else DelegateModel.objects.get(user=who)
    return client.declare(
        voting_pass, elector=elector, key=voter_key(f"d{delegate.pk}"), definition_hash=election.definition_hash
    )


def pass_request(election: ElectionModel, who: Delegate | User, blinded_message: bytes) -> bytes:
    """Sign a pass request with the test voting key of a delegate (or of the delegate linked to a user)."""
    from solidarity.coalition.models import Delegate as DelegateModel

    delegate = who if isinstance(who, DelegateModel) else DelegateModel.objects.get(user=who)
    return voting_key.sign_pass_request(voter_key(f"d{delegate.pk}"), election.definition_hash, blinded_message)


# --- the trustees of an election made through the services (the database tests) --------------------


@dataclass
class Trustees:
    """An election's trustees and each one's state file, which stays on the trustee's side (a dict here).

    Every step goes through the server as a real trustee's does: download the ceremony file, run the
    trustee tool on it, upload the message it wrote.
    """

    users: list[User]
    states: dict[int, dict[str, Any]] = field(default_factory=dict)

    def step(self, election: ElectionModel, user: User, now: datetime | None = None) -> str | None:
        """Let one trustee do the next step the ceremony file calls for; return the kind the server took."""
        from solidarity.elections import canonical, services

        document = json.loads(canonical.dumps(services.ceremony_document(election=election, now=now)))
        state, outgoing, _ = trustee.step(self.states.get(user.pk), document)
        self.states[user.pk] = state
        if outgoing is None:
            return None
        return services.receive_trustee_message(actor=user, election=election, data=canonical.dumps(outgoing), now=now)

    def make_key(self, election: ElectionModel) -> None:
        """Join, deal and confirm, each trustee in turn: the election is keyed."""
        for _round in ("join", "deal", "confirm"):
            for user in self.users:
                self.step(election, user)
        election.refresh_from_db()

    def open(self, election: ElectionModel, now: datetime | None = None) -> ElectionModel:
        """After the close: the first k trustees each mix, then each decrypts; the record is published."""
        chosen = self.users[: election.trustee_threshold]
        for _round in ("mix", "decrypt"):
            for user in chosen:
                self.step(election, user, now)
        election.refresh_from_db()
        return election

    def share(self, user: User) -> int:
        """Return a trustee's key share x_j from their state file."""
        return int.from_bytes(base64.b64decode(self.states[user.pk]["share"]), "little")


def trustee_user(number: int) -> User:
    """Return the test trustee ``number`` (holding the trustee role), made on first use."""
    from solidarity.core.models import User as UserModel
    from solidarity.core.roles import Role
    from tests.conftest import make_user

    existing = UserModel.objects.filter(username=f"key-trustee{number}").first()
    return existing if existing is not None else make_user(f"key-trustee{number}", Role.TRUSTEE)


def joint_key(election: ElectionModel, users: list[User] | None = None) -> Trustees:
    """Let the election's trustees (the appointed ones, else test trustees) make its key together."""
    if users is None:
        appointed = list(election.trustees.order_by("username"))
        users = appointed or [trustee_user(number) for number in range(1, election.trustee_count + 1)]
    trustees = Trustees(users)
    trustees.make_key(election)
    return trustees
