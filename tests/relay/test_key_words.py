"""The signing key as ten Persian words, on the wall, the feeds, the PDF and the audio; no verify page in a bundle."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import feedparser
import pytest
from django.test import Client
from nacl.signing import SigningKey

from solidarity.relay import services
from solidarity.relay.channels import bulletin, bundle, words
from solidarity.relay.conf import signing_public_key
from tests.relay.test_channels import sample


def test_the_list_and_the_rule_give_the_same_words_everywhere():
    listed = words.word_list()
    assert len(listed) == 256 == len(set(listed))
    assert all(len(word) >= 2 and " " not in word for word in listed)
    # A fixed vector: anyone rebuilding the words from docs/relay.md must get these for 32 zero bytes.
    assert words.fingerprint_words(bytes(32)) == (
        "کشتی", "بادبان", "میوه", "زنبور", "آواز", "نمک", "قفل", "ریشه", "صخره", "نور",
    )  # fmt: skip
    assert hashlib.sha256(bytes(32)).digest()[0] == listed.index("کشتی")
    key = bytes(SigningKey.generate().verify_key)
    assert words.words_from_hex_fingerprint(bundle.fingerprint(key)) == words.fingerprint_words(key)
    assert words.fingerprint_words(key) != words.fingerprint_words(bytes(SigningKey.generate().verify_key))


def test_a_bundle_carries_no_verify_page_and_its_feeds_and_pdf_carry_the_words(tmp_path: Path) -> None:
    key = SigningKey.generate()
    public = bytes(key.verify_key)
    # The vector's words (no lam-alef, which poppler's pdftotext extracts as another sequence):
    # the words themselves do not matter here, only that every channel carries them.
    key_words = words.fingerprint_words(bytes(32))
    spec = bundle.BundleSpec(day=date(2026, 3, 2), fingerprint=bundle.fingerprint(public), key_words=key_words)
    built = bundle.build_bundle(
        sample(6, ("fa", "en")),
        spec,
        render_pdf=lambda m, lang, day: bulletin.bulletin_pdf(m, language=lang, day=day, key_words=key_words),
    )
    archive = zipfile.ZipFile(io.BytesIO(built.data))
    names = set(archive.namelist())
    assert "verify.html" not in names
    index = archive.read("index.html").decode()
    assert "verify" not in index.lower() and bundle.fingerprint(public) not in index
    atom = feedparser.parse(archive.read("feeds/fa.atom"))
    assert " ".join(key_words) in atom.feed.subtitle
    assert " ".join(key_words) in json.loads(archive.read("feeds/en.json"))["description"]
    if shutil.which("pdftotext"):
        pdf = tmp_path / "fa.pdf"
        pdf.write_bytes(archive.read("bulletin/fa.pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607  # fixed arguments
        assert all(word.replace("\u200c", "") in text.replace("\u200c", "") for word in key_words)


def test_the_persian_audio_script_reads_the_words_twice():
    key_words = words.fingerprint_words(bytes(32))
    script = bulletin.bulletin_script(sample(2, ("fa",)), language="fa", key_words=key_words)
    assert script.count(words.spoken(key_words)) == 2
    english = bulletin.bulletin_script(sample(2, ("en",)), language="en", key_words=key_words)
    assert "Persian bulletin" in english and "کشتی" not in english


@pytest.mark.django_db
def test_the_wall_the_feeds_and_the_help_page_show_the_configured_key_words():
    public = signing_public_key()
    assert public is not None  # the development key (production requires one configured)
    expected = " ".join(words.fingerprint_words(public))
    assert services.signing_key_words() == words.fingerprint_words(public)
    client = Client()
    assert expected in client.get("/fa/relay/").text
    assert expected in client.get("/en/relay/verify/").text
    assert expected in feedparser.parse(client.get("/relay/feeds/fa.atom").content).feed.subtitle
    assert expected in json.loads(client.get("/relay/feeds/en.json").content)["description"]
