"""minisign signatures written with PyNaCl verify with Debian's `minisign` and with our own reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from solidarity.relay.channels import minisign

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="Debian package minisign is not installed")


def _files(tmp_path: Path, data: bytes, key: SigningKey) -> tuple[Path, Path, Path]:
    document = tmp_path / "MANIFEST.json"
    document.write_bytes(data)
    signature = tmp_path / "MANIFEST.json.minisig"
    signature.write_text(minisign.sign(data, key, trusted_comment="day:2026-03-01 relay"))
    public = tmp_path / "minisign.pub"
    public.write_text(minisign.public_key_file(key.verify_key))
    return document, signature, public


@needs_minisign
def test_debian_minisign_accepts_our_signature(tmp_path: Path) -> None:
    key = SigningKey(bytes(range(32)))
    document, signature, public = _files(tmp_path, '{"day": "2026-03-01", "پیام": 1}'.encode(), key)
    run = subprocess.run(  # noqa: S603  # a fixed tool on files we wrote
        [str(MINISIGN), "-V", "-m", str(document), "-x", str(signature), "-p", str(public)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Signature and comment signature verified" in run.stdout + run.stderr
    assert "day:2026-03-01 relay" in run.stdout + run.stderr


@needs_minisign
def test_debian_minisign_refuses_a_changed_file_and_comment(tmp_path: Path) -> None:
    key = SigningKey(bytes(range(32)))
    document, signature, public = _files(tmp_path, b"original", key)
    document.write_bytes(b"originaL")
    command = [str(MINISIGN), "-V", "-m", str(document), "-x", str(signature), "-p", str(public)]
    assert subprocess.run(command, capture_output=True, check=False).returncode != 0  # noqa: S603
    document.write_bytes(b"original")
    lines = signature.read_text().splitlines()
    lines[2] = "trusted comment: day:2099-01-01 relay"
    signature.write_text("\n".join(lines) + "\n")
    assert subprocess.run(command, capture_output=True, check=False).returncode != 0  # noqa: S603


def test_our_reader_checks_both_signatures_and_the_key() -> None:
    key = SigningKey(bytes(range(32)))
    text = minisign.sign(b"data", key, trusted_comment="c")
    public = minisign.public_key_file(key.verify_key)
    checked = minisign.verify(b"data", text, public)
    assert checked.trusted_comment == "c"
    assert checked.key_id == minisign.key_id_text(bytes(key.verify_key))
    assert minisign.sign(b"data", key, trusted_comment="c") == text  # deterministic: bundles stay reproducible
    with pytest.raises(minisign.MinisignError):
        minisign.verify(b"datA", text, public)
    with pytest.raises(minisign.MinisignError):
        minisign.verify(b"data", text.replace("trusted comment: c", "trusted comment: d"), public)
    other = minisign.public_key_file(SigningKey(bytes(32)).verify_key)
    with pytest.raises(minisign.MinisignError):
        minisign.verify(b"data", text, other)
    with pytest.raises(minisign.MinisignError):
        minisign.sign(b"data", key, trusted_comment="two\nlines")


@needs_minisign
def test_a_signed_bundle_verifies_with_minisign(tmp_path: Path) -> None:
    import io
    import zipfile
    from datetime import UTC, date, datetime

    from solidarity.relay.channels import OutgoingMessage, bundle

    key = SigningKey(bytes(range(32)))
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
    public = bytes(key.verify_key)
    spec = bundle.BundleSpec(day=date(2026, 3, 1), fingerprint=bundle.fingerprint(public), with_pdf=False)
    unsigned = bundle.build_bundle([message], spec).data
    signed = bundle.sign_bundle(unsigned, key)
    assert bundle.verify_bundle(signed).fingerprint == bundle.fingerprint(public)
    assert bundle.strip_signature(signed) == unsigned
    with zipfile.ZipFile(io.BytesIO(signed)) as archive:
        archive.extractall(tmp_path)
    run = subprocess.run(  # noqa: S603
        [str(MINISIGN), "-Vm", str(tmp_path / "MANIFEST.json"), "-p", str(tmp_path / "minisign.pub")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
