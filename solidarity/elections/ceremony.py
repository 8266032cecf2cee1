"""The offline key ceremony: make the ballot key on a machine that is not the server.

Run on a computer without network, with the trustees present:

    python -m solidarity.elections.ceremony --threshold 2 --trustees 3

It prints the election's public ballot key and one SLIP-39 share per trustee, after checking that
the shares rebuild the key. Only the public key goes to the server (staff page of the election:
"Register a key from an offline ceremony"), so the private half is never on the server until the
trustees bring their shares after the close (it then opens the shuffled ballots and is not kept).
Needs only PyNaCl and shamir-mnemonic, not Django.
"""

from __future__ import annotations

import argparse
import base64
import sys
from collections.abc import Sequence
from typing import Protocol, TextIO

from solidarity.elections import ballots


class Writer(Protocol):
    """Anything text can be written to: a file, or a management command's output wrapper."""

    def write(self, text: str, /) -> object:
        """Write text."""


def offline_ceremony(*, threshold: int, trustees: int) -> ballots.Ceremony:
    """Hold the ceremony and check that the first and the last k shares both rebuild the key."""
    ceremony = ballots.hold_ceremony(threshold=threshold, trustees=trustees)
    for chosen in (ceremony.shares[:threshold], ceremony.shares[-threshold:]):
        ballots.reconstruct_private_key(list(chosen), public_key=ceremony.public_key)
    return ceremony


def write_ceremony(ceremony: ballots.Ceremony, out: Writer) -> None:
    """Print the public key for the server and the numbered shares for the trustees."""
    out.write("Public ballot key (give this, and only this, to the server):\n")
    out.write(f"  {base64.b64encode(ceremony.public_key).decode('ascii')}\n\n")
    out.write(f"Shares: any {ceremony.threshold} of these {len(ceremony.shares)} open the count.\n")
    out.write("Each trustee copies one share on paper; then clear this screen and power the machine off.\n")
    for number, share in enumerate(ceremony.shares, start=1):
        out.write(f"\nTrustee {number}:\n  {share}\n")


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Parse arguments, hold the ceremony and print its outcome."""
    parser = argparse.ArgumentParser(prog="python -m solidarity.elections.ceremony", description=__doc__)
    parser.add_argument("--threshold", type=int, required=True, help="shares needed to open the count (k)")
    parser.add_argument("--trustees", type=int, required=True, help="number of trustees (n)")
    options = parser.parse_args(argv)
    try:
        ceremony = offline_ceremony(threshold=options.threshold, trustees=options.trustees)
    except ballots.CeremonyError as error:
        parser.error(str(error))
    write_ceremony(ceremony, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
