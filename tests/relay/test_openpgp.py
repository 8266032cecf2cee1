"""OpenPGP signatures by the bundle's Ed25519 key verify with GnuPG and Sequoia, and with our own reader."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from solidarity.relay.channels import OutgoingMessage, bundle, openpgp

GPG = shutil.which("gpg")
GPGCONF = shutil.which("gpgconf") or "gpgconf"
SQV = shutil.which("sqv")
SQOP = shutil.which("sqop")
needs_gpg = pytest.mark.skipif(GPG is None, reason="Debian package gnupg is not installed")
needs_sequoia = pytest.mark.skipif(SQV is None and SQOP is None, reason="Debian package sqv or sqop is not installed")
KEY = SigningKey(bytes(range(32)))
DAY = date(2026, 3, 1)


def _signed_bundle() -> bytes:
    message = OutgoingMessage(
        id="m1",
        language="fa",
        text="ما با شما هستیم",
        display_name="-",
        country="DE",
        city="",
        published_at=datetime(2026, 3, 1, tzinfo=UTC),
        translations=(),
    )
    public = bytes(KEY.verify_key)
    spec = bundle.BundleSpec(day=DAY, fingerprint=bundle.fingerprint(public), with_pdf=False)
    return bundle.sign_bundle(bundle.build_bundle([message], spec).data, KEY)


def _extract(signed: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(signed)) as archive:
        archive.extractall(folder)
    return folder


def _gpg_verify(folder: Path, home: Path) -> subprocess.CompletedProcess[str]:
    base = [str(GPG), "--homedir", str(home), "--batch", "--no-tty", "--status-fd", "1"]
    subprocess.run([*base, "--import", str(folder / "openpgp.asc")], capture_output=True, check=True)  # noqa: S603  # fixed tool, our files
    return subprocess.run(  # noqa: S603  # fixed tool, our files
        [*base, "--verify", str(folder / "MANIFEST.json.asc"), str(folder / "MANIFEST.json")],
        capture_output=True,
        text=True,
        check=False,
    )


@needs_gpg
def test_gnupg_accepts_the_bundles_openpgp_signature_and_refuses_a_changed_manifest(tmp_path: Path) -> None:
    folder = _extract(_signed_bundle(), tmp_path / "bundle")
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    try:
        run = _gpg_verify(folder, home)
        manifest = folder / "MANIFEST.json"
        manifest.write_bytes(manifest.read_bytes().replace(b'"day"', b'"daY"'))
        refused = _gpg_verify(folder, home)
    finally:  # gpg starts an agent for the home folder that outlives the test: stop it
        subprocess.run([str(GPGCONF), "--homedir", str(home), "--kill", "all"], capture_output=True, check=False)  # noqa: S603  # fixed tool
    assert run.returncode == 0, run.stdout + run.stderr
    expected = openpgp.certificate_fingerprint(bytes(KEY.verify_key)).replace(" ", "")
    assert f"[GNUPG:] VALIDSIG {expected}" in run.stdout
    assert "[GNUPG:] GOODSIG" in run.stdout
    assert refused.returncode != 0 and "[GNUPG:] BADSIG" in refused.stdout


@needs_sequoia
def test_sequoia_accepts_the_bundles_openpgp_signature_and_refuses_a_changed_manifest(tmp_path: Path) -> None:
    folder = _extract(_signed_bundle(), tmp_path)
    expected = openpgp.certificate_fingerprint(bytes(KEY.verify_key)).replace(" ", "")

    def check() -> subprocess.CompletedProcess[str]:
        if SQV is not None:
            command = [SQV, "--keyring", str(folder / "openpgp.asc"), str(folder / "MANIFEST.json.asc")]
            return subprocess.run(  # noqa: S603  # fixed tool, our files
                [*command, str(folder / "MANIFEST.json")], capture_output=True, text=True, check=False
            )
        assert SQOP is not None
        with (folder / "MANIFEST.json").open("rb") as data:
            return subprocess.run(  # noqa: S603  # fixed tool, our files
                [SQOP, "verify", str(folder / "MANIFEST.json.asc"), str(folder / "openpgp.asc")],
                stdin=data,
                capture_output=True,
                text=True,
                check=False,
            )

    run = check()
    assert run.returncode == 0, run.stderr
    assert expected.upper() in run.stdout.upper()
    manifest = folder / "MANIFEST.json"
    manifest.write_bytes(manifest.read_bytes() + b" ")
    assert check().returncode != 0


def test_our_reader_checks_the_signature_the_certificate_and_the_key() -> None:
    public = bytes(KEY.verify_key)
    text = openpgp.sign(b"data", KEY, day=DAY)
    assert openpgp.sign(b"data", KEY, day=DAY) == text  # deterministic: bundles stay reproducible
    checked = openpgp.verify(b"data", text, public)
    assert checked.created == int(datetime(2026, 3, 1, tzinfo=UTC).timestamp())
    assert checked.fingerprint == openpgp.certificate_fingerprint(public)
    with pytest.raises(openpgp.OpenPGPError):
        openpgp.verify(b"datA", text, public)
    other = bytes(SigningKey(bytes(32)).verify_key)
    with pytest.raises(openpgp.OpenPGPError):
        openpgp.verify(b"data", text, other)
    with pytest.raises(openpgp.OpenPGPError):
        openpgp.verify(b"data", text.replace("\n\n", "\nComment: x\n\n", 1), public)
    certificate = openpgp.certificate(KEY)
    assert openpgp.verify_certificate(certificate, public) == openpgp.certificate_fingerprint(public)
    with pytest.raises(openpgp.OpenPGPError):
        openpgp.verify_certificate(certificate, other)
    with pytest.raises(openpgp.OpenPGPError):
        openpgp.verify_certificate(openpgp.certificate(SigningKey(bytes(32))), public)
    # Before the key's fixed creation time a signature is dated at it: verifiers refuse older ones.
    assert openpgp.verify(b"data", openpgp.sign(b"data", KEY, day=date(2001, 1, 1)), public).created == (
        openpgp.KEY_CREATED
    )


def test_a_bundle_with_a_changed_openpgp_file_does_not_verify() -> None:
    signed = _signed_bundle()
    assert bundle.verify_bundle(signed).fingerprint == bundle.fingerprint(bytes(KEY.verify_key))
    files = bundle.read_files(signed)
    for name in (bundle.OPENPGP_SIGNATURE, bundle.OPENPGP_CERTIFICATE):
        changed = dict(files)
        text = changed[name].decode()
        position = text.index("\n\n") + 10  # a character of the base64 body
        flipped = "A" if text[position] != "A" else "B"
        changed[name] = (text[:position] + flipped + text[position + 1 :]).encode()
        with pytest.raises(bundle.BundleError):
            bundle.verify_bundle(bundle._zip(changed))
        missing = {key: value for key, value in files.items() if key != name}
        with pytest.raises(bundle.BundleError):
            bundle.verify_bundle(bundle._zip(missing))


# Made by PGPy 0.6.0, an OpenPGP implementation independent of ours, given the same key (a secret-key
# packet written from the seed: `evaluation.relay.openpgp_libraries.secret_key_block`) and
# `PGPKey.sign(data, created=<the day at 00:00 UTC>)`; PGPy is not a dependency, so its output is kept
# here as a vector. Record and method: `python -m evaluation.relay.openpgp_libraries`, docs/relay.md.
PGPY_VECTORS = (
    (
        b'{"example": "manifest"}\n',
        date(2026, 12, 6),
        "c2750400160a001d05026b14a5801621041ce3d97c71daa3031ce66205e39cbf1c5cd259c9000a0910e39cbf1c5cd259c9"
        "5b8a0100f996e0f741fa87ddf73ce94b81134d7f5eda789d9eeee9f052ba5475d84d16ab0100e7fd9acde7ae000faed98571"
        "e7cc05936eae4e34afbdb8a865439fd67e0ca10f",
    ),
    (
        b"",
        date(2026, 3, 1),
        "c2750400160a001d050269a381801621041ce3d97c71daa3031ce66205e39cbf1c5cd259c9000a0910e39cbf1c5cd259c9"
        "85b80100ff5e1cc4303d436345e4b1f64f57c81769bf64d342dc1fe2b2cb9ddd9f56dd4e00ff4d40767223f3af90e9f0f2"
        "9d7db7feccc01a4d87a96d4b7f22ad2478020ea301",
    ),
)


@pytest.mark.parametrize(("data", "day", "expected"), PGPY_VECTORS)
def test_our_signature_packet_is_byte_for_byte_pgpys(data: bytes, day: date, expected: str) -> None:
    signature = openpgp._read_armor("SIGNATURE", openpgp.sign(data, KEY, day=day))
    assert signature.hex() == expected
