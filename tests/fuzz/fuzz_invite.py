"""atheris harness for the invitation token parser: only InvalidInvite may escape (SR-22).

Run for a bounded time:  .venv/bin/python tests/fuzz/fuzz_invite.py -max_total_time=60
"""

from __future__ import annotations

import contextlib
import inspect
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere in the tree

from solidarity.assemblies import checkin, invitations  # after the path is set


def _instrument(module: object) -> None:
    """Instrument the module's own functions and methods in place.

    atheris.instrument_imports() does not see modules loaded through an editable install's finder,
    and instrument_all() takes many seconds; this gives coverage feedback where it matters.
    """
    for value in vars(module).values():
        if getattr(value, "__module__", None) != getattr(module, "__name__", None):
            continue
        if inspect.isfunction(value):
            atheris.instrument_func(value)
        elif inspect.isclass(value):
            for member in vars(value).values():
                function = getattr(member, "__func__", member)
                if inspect.isfunction(function):
                    atheris.instrument_func(function)
                elif isinstance(member, property) and member.fget is not None:
                    atheris.instrument_func(member.fget)


SIGNER = invitations.Signer.from_seed(bytes(range(32)))
KEYRING = invitations.Keyring([SIGNER.public_key])
NOW = int(datetime(2026, 12, 5, 12, tzinfo=UTC).timestamp())
SEED_TOKEN = invitations.issue(
    SIGNER,
    assembly_id=7,
    venue_id=3,
    role=invitations.InviteRole.DELEGATE,
    not_before=NOW - 3600,
    not_after=NOW + 3600,
    nonce=b"N" * 16,
)


def test_one_input(data: bytes) -> None:
    """Feed bytes as a binary token, as text and as a typed code; anything but InvalidInvite fails."""
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 4)
    rest = provider.ConsumeBytes(len(data))
    try:
        if mode == 0:
            invitations.verify(rest, KEYRING, now=NOW, expected_assembly=7, expected_venue=3)
        elif mode == 1:
            text = rest.decode("latin-1")
            invitations.verify(text, KEYRING, now=NOW, expected_assembly=7, expected_venue=3)
        elif mode == 2:
            invitations.normalize_code(rest.decode("latin-1"))
        elif mode == 4:
            # Queue files come from door devices: any bytes fail with ValueError, KeyError or TypeError.
            with contextlib.suppress(ValueError, KeyError, TypeError, RecursionError):
                checkin.Scanner.from_json(json.loads(rest.decode("utf-8", errors="replace")))
            return
        else:
            mutated = bytearray(SEED_TOKEN)
            for offset, value in enumerate(rest[:8]):
                mutated[(offset * 37 + value) % len(mutated)] ^= value or 1
            if bytes(mutated) != SEED_TOKEN:
                invitations.verify(
                    bytes(mutated),
                    KEYRING,
                    now=NOW,
                    expected_assembly=7,
                    expected_venue=3,
                )
                raise AssertionError("a mutated token was accepted")
    except invitations.InvalidInvite:
        return
    if mode == 2:
        return  # a well-formed code is a normal outcome
    if mode in (0, 1):
        raise AssertionError("random input verified as a token")


def seed_corpus() -> list[bytes]:
    """Return starting inputs: the valid token in each mode."""
    text = invitations.to_text(SEED_TOKEN).encode()
    return [
        b"\x00" + SEED_TOKEN,
        b"\x01" + text,
        b"\x02" + invitations.short_code(SEED_TOKEN).encode(),
        b"\x03" * 9,
        b"\x04"
        + json.dumps(checkin.Scanner(checkin.Manifest(7, 3, KEYRING, frozenset(), {}, NOW), "d").to_json()).encode(),
    ]


def run_iterations(count: int, seed: int = 1) -> None:
    """Run the harness body on pseudo-random inputs without libFuzzer (for the bounded pytest)."""
    import random

    rng = random.Random(seed)
    corpus = seed_corpus()
    for _ in range(count):
        base = bytearray(rng.choice(corpus))
        for _ in range(rng.randint(0, 6)):
            if base and rng.random() < 0.7:
                base[rng.randrange(len(base))] = rng.randrange(256)
            else:
                base.insert(rng.randrange(len(base) + 1), rng.randrange(256))
        test_one_input(bytes(base))


def main() -> None:
    _instrument(invitations)
    _instrument(checkin)
    arguments = list(sys.argv)
    if not any(not argument.startswith("-") for argument in arguments[1:]):
        # No corpus directory given: start from the seeds (the valid token in each mode).
        import tempfile

        corpus = Path(tempfile.mkdtemp(prefix="fuzz-invite-"))
        for index, seed in enumerate(seed_corpus()):
            (corpus / f"seed-{index}").write_bytes(seed)
        arguments.append(str(corpus))
    atheris.Setup(arguments, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
