"""Can a maintained OpenPGP library sign a bundle as `channels/openpgp.py` does?

`python -m evaluation.relay.openpgp_libraries` (in an environment with the libraries tried: PGPy,
pysequoia; GnuPG's `gpg` on the path) takes a fixed test key, gives each library the bundle's own
Ed25519 key (a secret-key packet written from the raw seed, RFC 9580 section 5.5.3), signs one
manifest twice, and prints for each: whether it took the key (same fingerprint), whether the two
signatures are the same bytes, the signature time, and whether its signature is byte for byte the
one `channels/openpgp.py` writes. None of these libraries is in the project's locks: this is the
record behind the choice written in `docs/relay.md` ("OpenPGP: why the packets are ours"), to
run again when a library changes.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import shutil
import subprocess
import tempfile
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

from nacl.signing import SigningKey

from solidarity.relay.channels import openpgp

DAY = date(2026, 12, 6)
MANIFEST = b'{"example": "manifest"}\n'


def secret_key_block(key: SigningKey) -> bytes:
    """The bundle key's certificate with its public-key packet replaced by an unencrypted secret one."""
    public = bytes(key.verify_key)
    secret = openpgp._mpi(bytes(key))
    body = openpgp._public_key_body(public) + b"\x00" + secret + (sum(secret) % 65536).to_bytes(2, "big")
    certificate = openpgp._read_armor("PUBLIC KEY BLOCK", openpgp.certificate(key))
    head = openpgp._packet(6, openpgp._public_key_body(public))
    return openpgp._packet(5, body) + certificate[len(head) :]


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def try_pgpy(key: SigningKey, ours: bytes) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PGPy 0.6.0 imports `imghdr` (removed in Python 3.13)
        pgpy = importlib.import_module("pgpy")
    loaded, _ = pgpy.PGPKey.from_blob(secret_key_block(key))
    when = datetime(DAY.year, DAY.month, DAY.day, tzinfo=UTC)
    first, second = bytes(loaded.sign(MANIFEST, created=when)), bytes(loaded.sign(MANIFEST, created=when))
    ours_fingerprint = openpgp.fingerprint(bytes(key.verify_key)).hex().upper()
    return (
        f"took the key: {loaded.fingerprint.replace(' ', '') == ours_fingerprint}; "
        f"same bytes twice: {first == second}; time chosen: yes (created=); same bytes as ours: {first == ours}"
    )


def try_pysequoia(key: SigningKey, ours: bytes) -> str:
    sequoia = importlib.import_module("pysequoia")
    tsk = sequoia.Tsk.from_bytes(secret_key_block(key))
    signer = tsk.signer()
    first = sequoia.sign(signer, MANIFEST, mode=sequoia.SignatureMode.DETACHED, armor=False)
    second = sequoia.sign(signer, MANIFEST, mode=sequoia.SignatureMode.DETACHED, armor=False)
    notations = [n.key for packet in sequoia.packet.PacketPile.from_bytes(first) for n in packet.notations or []]
    created = sequoia.Sig.from_bytes(first).created
    return (
        f"took the key: {tsk.extract_certificate().fingerprint == openpgp.fingerprint(bytes(key.verify_key)).hex()}; "
        f"same bytes twice: {first == second}; time chosen: no (signed at {created}, the clock); "
        f"notations added: {notations}; same bytes as ours: {first == ours}"
    )


def try_gnupg(key: SigningKey, ours: bytes) -> str:
    gpg = shutil.which("gpg")
    if gpg is None:
        return "gpg not on the path"
    stamp = DAY.strftime("%Y%m%dT000000!")
    outputs = []
    with tempfile.TemporaryDirectory() as scratch:
        Path(scratch, "manifest").write_bytes(MANIFEST)
        for run in range(2):
            home = Path(scratch, f"home{run}")
            home.mkdir(mode=0o700)
            (home / "key.pgp").write_bytes(secret_key_block(key))
            base = [gpg, "--homedir", str(home), "--batch", "--quiet"]
            subprocess.run([*base, "--import", str(home / "key.pgp")], check=True, capture_output=True)  # noqa: S603
            out = home / "manifest.sig"
            subprocess.run(  # noqa: S603
                [*base, "--faked-system-time", stamp, "--detach-sign", "-o", str(out), str(Path(scratch, "manifest"))],
                check=True,
                capture_output=True,
            )
            outputs.append(out.read_bytes())
            subprocess.run([*base, "--kill", "gpg-agent"], check=False, capture_output=True)  # noqa: S603
    return (
        "took the key: True (imported into a keyring on disk, served by a gpg-agent); "
        f"same bytes twice: {outputs[0] == outputs[1]}; time chosen: only with the debugging option "
        f"--faked-system-time; same bytes as ours: {outputs[0] == ours}"
    )


def main() -> int:
    key = SigningKey(bytes(range(32)))
    ours = openpgp._read_armor("SIGNATURE", openpgp.sign(MANIFEST, key, day=DAY))
    for name, package, attempt in (
        ("PGPy", "pgpy", try_pgpy),
        ("pysequoia", "pysequoia", try_pysequoia),
        ("GnuPG", None, try_gnupg),
    ):
        version = _version(package) if package else "(the gpg binary)"
        try:
            outcome = attempt(key, ours)
        except Exception as error:  # the record says what failed, whatever it is
            outcome = f"failed: {type(error).__name__}: {error}"
        print(f"{name} {version}: {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
