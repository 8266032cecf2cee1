"""The trustee's side of the joint key generation and of the opening: a file-in, file-out tool, no Django.

Each trustee runs this on their own computer (PyNaCl is all it needs beside this package's pure
modules) and keeps a state file there; the server never sees a trustee's secret share. The only
exchange is through the staff page of the election: the trustee downloads the ceremony file
(``ceremony.json``), runs

    python -m solidarity.elections.trustee --state my-share.json ceremony.json > message.json

and uploads ``message.json``. The tool does whatever the ceremony file says is next:

1. **join**: makes a transport key pair (X25519) and sends its public half;
2. **deal**: once all n trustees have joined, deals a random polynomial of degree k−1: publishes
   Feldman commitments with a Schnorr proof of its constant term, and sends each trustee its share
   sealed to that trustee's transport key (libsodium sealed box);
3. **confirm**: once all have dealt, checks every dealing and every share it received against the
   commitments, adds its shares into its key share x_j, forgets its polynomial, and sends a proof
   of knowledge of x_j against its verification key (computed by anyone from the commitments);
4. **mix**: after the close, checks that the box holds as many ballots as the closed chain counts
   and every shuffle proof of the cascade so far (the server's mix at the close, then each earlier
   trustee's mix and its signature); while fewer than k trustees have mixed and this one has not,
   re-encrypts and permutes the last output with fresh randomness, proves the shuffle
   (Terelius–Wikström, ``shuffle.py``), signs the mix with its key share (a Schnorr proof of
   knowledge of x_j over the mix), forgets the permutation and randomness, and sends the mix;
5. **decrypt**: once k trustees have mixed, checks the whole cascade again and sends x_j·A for
   every pair of every row of the last output and x_j·H_lot, each with a Chaum–Pedersen proof.

A trustee who finds a bad share does not confirm; the election cannot be frozen until the
organizer restarts the key generation. See docs/elections.md, "Trustees and the election key".
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from solidarity.elections import ballots as ballot_crypto
from solidarity.elections import canonical, record, shuffle
from solidarity.elections import threshold as th

CEREMONY_FORMAT = "solidarity-trustee-ceremony/1"
MESSAGE_FORMAT = "solidarity-trustee-message/1"
STATE_FORMAT = "solidarity-trustee-state/1"
KINDS = ("join", "dealing", "confirmation", "mix", "decryption")


class TrusteeError(ValueError):
    """Raised when a ceremony file, a message or a state file is wrong; the message says what to do."""


def b64(data: bytes) -> str:
    """Encode bytes as standard base64."""
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, what: str) -> bytes:
    """Decode standard base64, or raise TrusteeError naming the value."""
    if not isinstance(value, str):
        raise TrusteeError(f"{what} is not base64")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as error:
        raise TrusteeError(f"{what} is not base64") from error


def _scalar(value: Any, what: str) -> int:
    raw = unb64(value, what)
    if len(raw) != 32 or not 0 < int.from_bytes(raw, "little") < th.L:
        raise TrusteeError(f"{what} is not a scalar")
    return int.from_bytes(raw, "little")


def _proof(value: Any, what: str) -> th.Proof:
    try:
        return record._proof(value, what)
    except record.RecordFormatError as error:
        raise TrusteeError(str(error)) from error


def message(election: str, kind: str, **fields: Any) -> dict[str, Any]:
    """Make a message from a trustee to the server."""
    return {"format": MESSAGE_FORMAT, "election": election, "kind": kind, **fields}


# --- what the server checks (pure: the services call these) ----------------------------------


@dataclass(frozen=True)
class SealedDealing:
    """A trustee's dealing: the public part (for the definition) and the shares sealed to each trustee."""

    dealing: th.Dealing
    shares: dict[int, bytes]


def parse_message(data: bytes | str, *, election: str) -> dict[str, Any]:
    """Read a trustee's message (canonical or not: it is checked field by field); TrusteeError if malformed."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise TrusteeError("this is not the JSON the trustee tool writes") from error
    if not isinstance(value, dict) or value.get("format") != MESSAGE_FORMAT:
        raise TrusteeError("this is not a message of the trustee tool")
    if value.get("election") != election:
        raise TrusteeError("this message is for another election")
    if value.get("kind") not in KINDS:
        raise TrusteeError("unknown kind of message")
    return value


def read_dealing(raw: Any, *, threshold: int, count: int, election: str) -> SealedDealing:
    """Check a dealing in public: k valid commitments, the proof of the constant term, one sealed share per trustee."""
    if not isinstance(raw, dict) or set(raw) != {"trustee", "commitments", "proof", "shares"}:
        raise TrusteeError("the dealing does not have the fields trustee, commitments, proof, shares")
    dealer = raw["trustee"]
    commitments = raw["commitments"]
    if not isinstance(dealer, int) or not isinstance(commitments, list) or not isinstance(raw["shares"], dict):
        raise TrusteeError("the dealing has fields of the wrong type")
    dealing = th.Dealing(
        dealer=dealer,
        commitments=tuple(unb64(c, "a commitment") for c in commitments),
        proof=_proof(raw["proof"], "the dealing's proof"),
    )
    if not th.verify_dealing(dealing, threshold=threshold, context=record.dkg_context(election)):
        raise TrusteeError(f"trustee {dealer}'s dealing: not {threshold} valid commitments with a valid proof")
    shares = {int(j): unb64(v, "a sealed share") for j, v in raw["shares"].items() if str(j).isdigit()}
    if sorted(shares) != list(range(1, count + 1)):
        raise TrusteeError("the dealing does not hold one sealed share for each trustee")
    return SealedDealing(dealing, shares)


def check_confirmation(dealings: Sequence[th.Dealing], trustee: int, proof: th.Proof, *, election: str) -> bool:
    """Check a trustee's proof that it holds x_j behind its verification key (from the commitments)."""
    verification = th.verification_key(dealings, trustee)
    return th.verify_knowledge(verification, proof, record.confirmation_context(election, trustee))


# --- the trustee's own steps ---------------------------------------------------------------------


def new_state(election: str) -> dict[str, Any]:
    """Make a trustee's state: a fresh transport key pair, nothing else yet."""
    return {
        "format": STATE_FORMAT,
        "election": election,
        "trustee": None,
        "transport_secret": b64(bytes(PrivateKey.generate())),
        "coefficients": [],
        "share": None,
        "ballot_key": None,
    }


def transport_public(state: dict[str, Any]) -> bytes:
    """Return the trustee's transport public key (X25519)."""
    return bytes(PrivateKey(unb64(state["transport_secret"], "the state's transport key")).public_key)


def _own_index(state: dict[str, Any], ceremony: dict[str, Any]) -> int:
    mine = b64(transport_public(state))
    for entry in ceremony["trustees"]:
        if entry.get("transport_key") == mine:
            return int(entry["trustee"])
    raise TrusteeError("this state file has not joined this election: upload its join message first")


def deal(state: dict[str, Any], ceremony: dict[str, Any]) -> dict[str, Any]:
    """Deal a random polynomial: public commitments and proof, and each trustee's share sealed to them."""
    index = _own_index(state, ceremony)
    k, n, election = int(ceremony["threshold"]), int(ceremony["count"]), str(ceremony["election"])
    coefficients = [th.random_scalar() for _ in range(k)]
    commitments = [th.base_mul(a) for a in coefficients]
    proof = th.prove_knowledge(coefficients[0], commitments[0], record.dkg_context(election) + index.to_bytes(2, "big"))
    shares = {}
    for entry in ceremony["trustees"]:
        j = int(entry["trustee"])
        value = 0
        for coefficient in reversed(coefficients):
            value = (value * j + coefficient) % th.L
        recipient = PublicKey(unb64(entry["transport_key"], f"trustee {j}'s transport key"))
        shares[str(j)] = b64(SealedBox(recipient).encrypt(th.scalar_bytes(value)))
    state["trustee"] = index
    state["coefficients"] = [b64(th.scalar_bytes(a)) for a in coefficients]
    dealing = {
        "trustee": index,
        "commitments": [b64(c) for c in commitments],
        "proof": b64(record.proof_bytes(proof)),
        "shares": shares,
    }
    if len(shares) != n:
        raise TrusteeError("the ceremony file does not list every trustee")
    return message(election, "dealing", trustee=index, dealing=dealing)


def confirm(state: dict[str, Any], ceremony: dict[str, Any]) -> dict[str, Any]:
    """Check every dealing and the shares sealed to this trustee, keep x_j, forget the polynomial, prove x_j."""
    index = _own_index(state, ceremony)
    k, n, election = int(ceremony["threshold"]), int(ceremony["count"]), str(ceremony["election"])
    secret_key = PrivateKey(unb64(state["transport_secret"], "the state's transport key"))
    own = [_scalar(c, "the state's coefficient") for c in state["coefficients"]]
    dealings: list[th.Dealing] = []
    total = 0
    for entry in sorted(ceremony["trustees"], key=lambda e: int(e["trustee"])):
        sealed = read_dealing(entry.get("dealing"), threshold=k, count=n, election=election)
        if sealed.dealing.dealer != int(entry["trustee"]):
            raise TrusteeError(f"trustee {entry['trustee']}'s dealing names another dealer")
        if sealed.dealing.dealer == index and (not own or sealed.dealing.commitments[0] != th.base_mul(own[0])):
            raise TrusteeError("the dealing under your name is not the one you made: do not confirm; tell the others")
        try:
            share_bytes = SealedBox(secret_key).decrypt(sealed.shares[index])
        except CryptoError as error:
            raise TrusteeError(
                f"trustee {sealed.dealing.dealer}'s share to you cannot be opened: do not confirm; "
                "ask the organizer to restart the key generation"
            ) from error
        share = int.from_bytes(share_bytes, "little")
        if len(share_bytes) != 32 or not th.verify_share(sealed.dealing, index, share):
            raise TrusteeError(
                f"trustee {sealed.dealing.dealer}'s share to you does not match its commitments: do not confirm; "
                "ask the organizer to restart the key generation"
            )
        dealings.append(sealed.dealing)
        total = (total + share) % th.L
    if [d.dealer for d in dealings] != list(range(1, n + 1)):
        raise TrusteeError("the ceremony file does not hold one dealing by each trustee")
    if th.base_mul(total) != th.verification_key(dealings, index):
        raise TrusteeError("your shares do not add up to your verification key")
    proof = th.prove_knowledge(total, th.base_mul(total), record.confirmation_context(election, index))
    state["coefficients"] = []  # the polynomial is forgotten: only x_j remains
    state["share"] = b64(th.scalar_bytes(total))
    state["ballot_key"] = b64(th.election_key(dealings))
    return message(election, "confirmation", trustee=index, proof=b64(record.proof_bytes(proof)))


@dataclass(frozen=True)
class Opening:
    """What the tool checked in the ceremony file's ``opening`` before it mixes or decrypts."""

    index: int
    secret: int
    definition: record.Definition
    digest: str
    chain: list[record.ChainEntry]
    codes: list[str]
    mixes: list[record.Mix]
    current: list[shuffle.Row]

    @property
    def trustee_mixers(self) -> list[int]:
        """Return the trustees who mixed so far, in order (the server's mix is not one)."""
        return [m.mixer for m in self.mixes if m.mixer != record.SERVER_MIXER]


def check_opening(state: dict[str, Any], ceremony: dict[str, Any]) -> Opening:
    """Check the definition against the state, the closed box against the chain, and every mix so far."""
    if state.get("share") is None:
        raise TrusteeError("this state file holds no key share: it never confirmed the key generation")
    index = int(state["trustee"])
    secret = _scalar(state["share"], "the state's key share")
    opening = ceremony["opening"]
    try:
        definition = record.parse_definition(opening["definition"])
    except record.RecordFormatError as error:
        raise TrusteeError(f"the definition does not parse: {error}") from error
    if b64(definition.ballot_key) != state["ballot_key"]:
        raise TrusteeError("the definition's ballot key is not the one you confirmed: do not go on")
    keys = definition.verification_keys()
    if keys.get(index) != th.base_mul(secret):
        raise TrusteeError("the definition's dealings do not give your verification key: do not go on")
    chain = [record.ChainEntry(e["event"], int(e["issued"]), int(e["cast"])) for e in opening["chain"]]
    ballots = opening["ballots"]
    if not chain or chain[-1].event != "close" or chain[-1].cast != len(ballots):
        raise TrusteeError(
            "the box is not the closed box the chain counts: do not go on (a server that asks you to "
            "open a few ballots alone could read them)"
        )
    digest = record.definition_hash(opening["definition"])
    codes = [str(b["tracking"]) for b in ballots]
    if codes != sorted(codes):
        raise TrusteeError("the ballots are not in tracking-code order")
    points = definition.layout.points
    try:
        rows = [ballot_crypto.to_row(unb64(b["ciphertext"], "a ballot"), points=points) for b in ballots]
    except ballot_crypto.BallotError as error:
        raise TrusteeError(f"a ballot is not a row of this election: {error}") from error
    try:
        mixes = [record.read_mix(m) for m in opening["mixes"]]
    except record.RecordFormatError as error:
        raise TrusteeError(f"the shuffle does not parse: {error}") from error
    current = rows
    seen: set[int] = set()
    for number, stage in enumerate(mixes, start=1):
        try:
            outputs = [ballot_crypto.to_row(c, points=points) for c in stage.ciphertexts]
        except ballot_crypto.BallotError as error:
            raise TrusteeError(f"mix {number}: a shuffled row is not a row of this election: {error}") from error
        if not shuffle.verify(definition.ballot_key, current, outputs, stage.proof):
            raise TrusteeError(f"mix {number}: the shuffle proof does not verify: do not go on")
        if stage.mixer == record.SERVER_MIXER:
            if number != 1:
                raise TrusteeError(f"mix {number}: the server's mix may only come first: do not go on")
        elif stage.mixer in seen or not record.mix_signature_valid(
            stage, digest=digest, number=number, verification_keys=keys
        ):
            raise TrusteeError(f"mix {number}: not signed by a trustee who had not mixed yet: do not go on")
        seen.add(stage.mixer)
        current = outputs
    return Opening(index, secret, definition, digest, chain, codes, mixes, current)


def mix(state: dict[str, Any], ceremony: dict[str, Any], opened: Opening | None = None) -> dict[str, Any]:
    """Check the cascade so far, shuffle its last output with fresh randomness, prove and sign it.

    The permutation and the re-encryption randomness live only in this function's frame: nothing of
    them is written to the state file or the message. ``opened``: the checks already made on this ceremony file.
    """
    opened = opened or check_opening(state, ceremony)
    if not opened.current:
        raise TrusteeError("the box is empty: there is nothing to mix")
    if opened.index in opened.trustee_mixers:
        raise TrusteeError("you have mixed already")
    stages, _outputs = record.mix(opened.definition.ballot_key, opened.current)
    stage = record.Mix(stages[0].ciphertexts, stages[0].proof, opened.index)
    signed = record.sign_mix(stage, digest=opened.digest, number=len(opened.mixes) + 1, secret=opened.secret)
    return message(
        str(ceremony["election"]),
        "mix",
        trustee=opened.index,
        number=len(opened.mixes) + 1,
        mix=record.mix_json(signed),
    )


def decrypt(state: dict[str, Any], ceremony: dict[str, Any], opened: Opening | None = None) -> dict[str, Any]:
    """Check the closed box and the whole cascade (k trustees' mixes), then decrypt its output with x_j."""
    election = str(ceremony["election"])
    opened = opened or check_opening(state, ceremony)
    fault = record.mixer_fault(opened.definition, opened.digest, opened.mixes)
    if opened.current and fault is not None:
        raise TrusteeError(f"the ballots are not mixed enough: {fault}: do not decrypt")
    decrypted = record.decrypt_as_trustee(
        trustee=opened.index,
        secret=opened.secret,
        public_key=opened.definition.ballot_key,
        digest=opened.digest,
        tracking_codes=opened.codes,
        rows=opened.current,
    )
    return message(
        election,
        "decryption",
        trustee=opened.index,
        chain_head=record.chain_heads(opened.digest, opened.chain)[-1],
        decryption=record.trustee_decryption_json(decrypted),
    )


def open_step(state: dict[str, Any], ceremony: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """After the close: mix while fewer than k trustees have mixed, then decrypt the last output."""
    opened = check_opening(state, ceremony)
    needed = opened.definition.trustee_threshold
    mixers = opened.trustee_mixers
    if opened.current and len(mixers) < needed:
        if opened.index in mixers:
            return None, f"waiting: {len(mixers)} of the {needed} trustees' mixes are in; decrypt after the last"
        return mix(
            state, ceremony, opened
        ), "mixed: upload the message, then run again to decrypt once enough have mixed"
    return (
        decrypt(state, ceremony, opened),
        "decrypted: upload the message; compare the chain head in it with the copies made during voting",
    )


def step(state: dict[str, Any] | None, ceremony: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None, str]:
    """Do the next step the ceremony file calls for; return the new state, the message to upload, and a note."""
    if ceremony.get("format") != CEREMONY_FORMAT:
        raise TrusteeError("this is not a ceremony file of the staff page")
    election = str(ceremony["election"])
    if state is None:
        state = new_state(election)
        join = message(election, "join", transport_key=b64(transport_public(state)))
        return state, join, "joined: upload the message, then download the ceremony file again once all have joined"
    if state.get("format") != STATE_FORMAT or state.get("election") != election:
        raise TrusteeError("this state file belongs to another election")
    if ceremony.get("opening") is not None:
        outgoing, note = open_step(state, ceremony)
        return state, outgoing, note
    index = _own_index(state, ceremony)
    entries = ceremony["trustees"]
    if len(entries) < int(ceremony["count"]) or any(not e.get("transport_key") for e in entries):
        return state, None, "waiting: not every trustee has joined yet"
    mine = next(e for e in entries if int(e["trustee"]) == index)
    if mine.get("dealing") is None:
        if state["coefficients"]:
            raise TrusteeError("you dealt already but the server does not show it: upload your last message again")
        return state, deal(state, ceremony), "dealt: upload the message"
    if any(e.get("dealing") is None for e in entries):
        return state, None, "waiting: not every trustee has dealt yet"
    if state.get("share") is None:
        return state, confirm(state, ceremony), "confirmed: keep the state file safe and offline until the count"
    return state, None, "nothing to do until the box closes: keep the state file safe"


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Read the state and the ceremony file, do the next step, write the state back and the message to ``out``."""
    parser = argparse.ArgumentParser(prog="python -m solidarity.elections.trustee", description=__doc__)
    parser.add_argument("ceremony", type=Path, help="the ceremony file from the election's staff page")
    parser.add_argument("--state", type=Path, required=True, help="your state file (made at the first run)")
    options = parser.parse_args(argv)
    try:
        ceremony = json.loads(options.ceremony.read_bytes())
        state = json.loads(options.state.read_bytes()) if options.state.exists() else None
        state, outgoing, note = step(state, ceremony)
    except (TrusteeError, ballot_crypto.BallotError, th.ThresholdError, OSError, ValueError, KeyError) as error:
        err.write(f"refused: {error}\n")
        return 1
    temporary = options.state.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=1))
    temporary.chmod(0o600)
    temporary.replace(options.state)
    if outgoing is not None:
        out.write(canonical.dumps(outgoing).decode("utf-8") + "\n")
    err.write(note + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --- the server's ceremony file, and every trustee on one machine (tests, demo, benchmark) --------


def ceremony_document(
    *,
    election: str,
    threshold: int,
    count: int,
    trustees: Sequence[dict[str, Any]],
    opening: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Make the ceremony file the staff page serves: who joined, their dealings, who confirmed, what to open."""
    return {
        "format": CEREMONY_FORMAT,
        "election": election,
        "threshold": threshold,
        "count": count,
        "trustees": list(trustees),
        "opening": opening,
    }


@dataclass
class LocalCeremony:
    """The outcome of a key generation run with every trustee's tool in one process."""

    states: list[dict[str, Any]]
    entries: list[dict[str, Any]]

    @property
    def dealings(self) -> list[dict[str, Any]]:
        """Return the public dealings as the definition lists them."""
        return [{k: v for k, v in e["dealing"].items() if k != "shares"} for e in self.entries]

    @property
    def confirmations(self) -> list[dict[str, Any]]:
        """Return the confirmations as the definition lists them."""
        return [{"trustee": e["trustee"], "proof": e["confirmation"]} for e in self.entries]

    @property
    def ballot_key(self) -> bytes:
        """Return the election key: the sum of the constant terms' commitments."""
        return unb64(self.states[0]["ballot_key"], "the ballot key")


def run_locally(*, election: str, threshold: int, count: int) -> LocalCeremony:
    """Run every trustee's tool in this process, through the same files a real ceremony exchanges.

    Only for tests, the demo and the benchmark: with every trustee on one machine, that machine saw
    every share, which is exactly what a real key generation avoids.
    """
    entries: list[dict[str, Any]] = []
    states: list[dict[str, Any]] = []

    def document() -> dict[str, Any]:
        return ceremony_document(election=election, threshold=threshold, count=count, trustees=entries)

    for number in range(1, count + 1):
        state, join, _ = step(None, document())
        if join is None:  # pragma: no cover - a first step always joins
            raise TrusteeError("no join message")
        states.append(state)
        entries.append(
            {"trustee": number, "name": f"Trustee {number}", "transport_key": join["transport_key"], "dealing": None}
        )
    for number, state in enumerate(states, start=1):
        state, dealt, _ = step(state, document())
        if dealt is None or dealt["trustee"] != number:  # pragma: no cover - every trustee has joined
            raise TrusteeError("a trustee did not deal")
        read_dealing(dealt["dealing"], threshold=threshold, count=count, election=election)
        entries[number - 1]["dealing"] = dealt["dealing"]
    for number, state in enumerate(states, start=1):
        state, confirmed, _ = step(state, document())
        if confirmed is None:  # pragma: no cover - every trustee has dealt
            raise TrusteeError("a trustee did not confirm")
        entries[number - 1]["confirmation"] = confirmed["proof"]
    return LocalCeremony(states=states, entries=entries)


def opening_document(
    *,
    definition: dict[str, Any],
    chain: Sequence[record.ChainEntry],
    cast: Sequence[record.CastBallot],
    mixes: Sequence[record.Mix],
) -> dict[str, Any]:
    """Make the part of the ceremony file that asks the trustees to open the count."""
    ordered = sorted(cast, key=lambda b: b.tracking)
    return {
        "definition": definition,
        "chain": [entry.as_json() for entry in chain],
        "ballots": [{"tracking": b.tracking, "ciphertext": b64(b.ciphertext)} for b in ordered],
        "mixes": [record.mix_json(m) for m in mixes],
    }


def open_locally(
    ceremony: LocalCeremony,
    *,
    definition: dict[str, Any],
    chain: Sequence[record.ChainEntry],
    cast: Sequence[record.CastBallot],
    mixes: Sequence[record.Mix],
    mixers: Sequence[int],
    decryptors: Sequence[int],
) -> tuple[list[record.Mix], list[record.TrusteeDecryption]]:
    """Let trustees (by index) mix in turn, each on the last output, then decrypt; return the cascade and decryptions.

    Each step goes through the ceremony file and the message as in a real opening, and each mix is
    checked as the server checks it. Only for tests, the demo and the benchmark.
    """
    parsed = record.parse_definition(definition)
    cascade = list(mixes)

    def document() -> dict[str, Any]:
        opening = opening_document(definition=definition, chain=chain, cast=cast, mixes=cascade)
        return ceremony_document(
            election=str(definition["election"]),
            threshold=parsed.trustee_threshold,
            count=parsed.trustee_count,
            trustees=ceremony.entries,
            opening=opening,
        )

    for index in mixers:
        _, sent, _ = step(dict(ceremony.states[index - 1]), document())
        if sent is None or sent["kind"] != "mix":
            raise TrusteeError(f"trustee {index} did not mix")
        cascade.append(check_mix(definition, cast, cascade, sent["mix"], trustee=index))
    opened = []
    for index in decryptors:
        _, sent, _ = step(dict(ceremony.states[index - 1]), document())
        if sent is None or sent["kind"] != "decryption":
            raise TrusteeError(f"trustee {index} did not decrypt")
        opened.append(read_decryption(sent["decryption"]))
    return cascade, opened


def read_decryption(raw: Any) -> record.TrusteeDecryption:
    """Read the decryption in a trustee's message (the record's own format for it)."""
    try:
        return record._trustee_decryption(raw)
    except record.RecordFormatError as error:
        raise TrusteeError(str(error)) from error


def check_mix(
    definition: dict[str, Any],
    cast: Sequence[record.CastBallot],
    mixes: Sequence[record.Mix],
    raw: Any,
    *,
    trustee: int,
) -> record.Mix:
    """Check a trustee's mix as the server keeps it: on top of the last output, proven, signed; the new stage.

    Refused (TrusteeError): a mix by another trustee than the sender, a second mix by the same
    trustee, a mix once k trustees have mixed, a mix whose proof does not verify against the current
    last output (a mix of an earlier output, or with an altered proof), a signature that does not
    verify with the trustee's verification key.
    """
    parsed = record.parse_definition(definition)
    try:
        stage = record.read_mix(raw)
    except record.RecordFormatError as error:
        raise TrusteeError(str(error)) from error
    if stage.mixer != trustee:
        raise TrusteeError("this mix names another trustee as its mixer")
    mixers = [m.mixer for m in mixes if m.mixer != record.SERVER_MIXER]
    if trustee in mixers:
        raise TrusteeError("you have mixed already")
    if len(mixers) >= parsed.trustee_threshold:
        raise TrusteeError("enough trustees have mixed: the decryption has begun")
    points = parsed.layout.points
    current = record.rows_to_open(cast, mixes, points=points)
    if not current:
        raise TrusteeError("the box is empty: there is nothing to mix")
    try:
        outputs = [ballot_crypto.to_row(c, points=points) for c in stage.ciphertexts]
    except ballot_crypto.BallotError as error:
        raise TrusteeError(f"a shuffled row is not a row of this election: {error}") from error
    if len(outputs) != len(current) or not shuffle.verify(parsed.ballot_key, current, outputs, stage.proof):
        raise TrusteeError(
            "the shuffle proof does not verify against the last mix's output "
            "(download the ceremony file again: someone may have mixed since)"
        )
    digest = record.definition_hash(definition)
    if not record.mix_signature_valid(
        stage, digest=digest, number=len(mixes) + 1, verification_keys=parsed.verification_keys()
    ):
        raise TrusteeError("the mix's signature does not verify with your share of the key")
    return stage


def check_decryption(
    definition: dict[str, Any],
    cast: Sequence[record.CastBallot],
    mixes: Sequence[record.Mix],
    opened: record.TrusteeDecryption,
) -> bool:
    """Check one trustee's partial decryption of the final output against its verification key, as ``verify`` will."""
    parsed = record.parse_definition(definition)
    if cast and record.mixer_fault(parsed, record.definition_hash(definition), mixes) is not None:
        return False
    keys = parsed.verification_keys()
    if opened.trustee not in keys:
        return False
    verification = keys[opened.trustee]
    try:
        rows = record.rows_to_open(cast, mixes, points=parsed.layout.points)
    except ballot_crypto.BallotError:
        return False
    if record.decryption_fault(parsed.ballot_key, verification, rows, opened) is not None:
        return False
    digest = record.definition_hash(definition)
    codes = sorted(b.tracking for b in cast)
    return th.verify_equal_logs(
        record.lot_base(digest, codes),
        verification,
        opened.lot_value,
        opened.lot_proof,
        record.lot_context(digest, codes),
    )
