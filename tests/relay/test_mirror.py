"""`relay mirror`: plain files, relative links, no query strings, reproducible byte for byte."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import feedparser
import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from solidarity.core.models import User
from solidarity.relay import conf, mirror, services
from solidarity.relay.channels import bundle
from tests.relay.test_services import _approved

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != mirror.MARKER
    }


def _pdf_form(text: str) -> str:
    """Text as pdftotext gives it back: poppler may give presentation forms, drops the zero-width
    non-joiner, and writes the two letters of the lam-alef ligature (لا) in reverse order in a
    right-to-left run (seen with poppler 22.12: «لاله» comes back as «الله»)."""
    return unicodedata.normalize("NFKC", text).replace("\u200c", "").replace("لا", "ال")


def _release_a_bundle(moderator: User, moderator2: User) -> None:
    with TestCase.captureOnCommitCallbacks(execute=True):
        transmission = services.create_transmission(kind="bundle", day=DAY, moderator=moderator)
    transmission.refresh_from_db()
    services.approve_transmission(transmission=transmission, moderator=moderator)
    services.approve_transmission(transmission=transmission, moderator=moderator2)
    transmission.refresh_from_db()
    key = bundle.load_signing_key(conf.offline_keys_dir() / "relay-signing.key")
    signed = bundle.sign_bundle(services.unsigned_path(transmission).read_bytes(), key)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.attach_signature(transmission=transmission, signed_data=signed, actor=moderator)


def test_the_mirror_is_plain_files_and_the_same_bytes_twice(
    moderator: User, moderator2: User, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _approved(moderator, 6)
    _release_a_bundle(moderator, moderator2)
    first, second = tmp_path / "one", tmp_path / "two"
    call_command("relay", "mirror", str(first), "--day", DAY.isoformat())
    assert "6 messages, 1 signed bundles" in capsys.readouterr().out
    report = mirror.write_mirror(second, day=DAY)
    assert _tree(first) == _tree(second) and report.files == len(_tree(first))
    names = set(_tree(first))
    assert {"index.html", "verify.html", "fa.html", "en.html", "feeds/fa.atom", "feeds/en.json"} <= names
    # Which languages the approved corpus messages are in depends on the tests run before.
    assert any(name.startswith("bulletin/") and name.endswith(".pdf") for name in names)
    assert any(name.startswith("bundles/") for name in names)
    for name in names:
        if name.endswith(".html"):
            page = (first / name).read_text(encoding="utf-8")
            links = re.findall(r'(?:href|src)="([^"]*)"', page)
            assert not [link for link in links if "?" in link or "//" in link], (name, links)
            assert "<script" not in page and "<form" not in page
    verify = (first / "verify.html").read_text(encoding="utf-8")
    assert " ".join(services.signing_key_words()) in verify and conf.signing_fingerprint() in verify
    assert conf.signing_openpgp_fingerprint() in verify
    # The key's words on every channel the mirror carries: its feeds and each PDF bulletin.
    key_words = " ".join(services.signing_key_words())
    assert key_words and key_words in feedparser.parse((first / "feeds/fa.atom").read_bytes()).feed.subtitle
    assert key_words in json.loads((first / "feeds/en.json").read_bytes())["description"]
    if shutil.which("pdftotext"):
        for pdf in first.glob("bulletin/*.pdf"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607  # fixed arguments
            assert all(_pdf_form(word) in _pdf_form(text) for word in key_words.split()), pdf.name
    # The signed bundle in the mirror verifies; the mirror's own copy is the released file.
    signed = next(first.glob("bundles/*.zip")).read_bytes()
    assert bundle.verify_bundle(signed, expected_fingerprint=conf.signing_fingerprint()).messages == 6


def test_a_second_run_replaces_its_own_files_and_a_foreign_folder_is_refused(moderator: User, tmp_path: Path) -> None:
    _approved(moderator, 3)
    folder = tmp_path / "mirror"
    mirror.write_mirror(folder, day=DAY)
    (folder / "stale.html").write_text("old")
    report = mirror.write_mirror(folder, day=DAY)
    assert report.removed == 1 and not (folder / "stale.html").exists()
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(CommandError, match="holds other files"):
        call_command("relay", "mirror", str(foreign))
    assert (foreign / "holiday.jpg").exists()
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("relay", "mirror", str(tmp_path / "x"), "--day", "2026-13-01")
