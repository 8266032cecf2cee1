"""Feeds, bulletin PDF, audio and the signed reproducible bundle (SR-17, SR-18)."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import socket
import subprocess
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from nacl.signing import SigningKey

from solidarity.relay.channels import OutgoingMessage, OutgoingTranslation, bulletin, bundle, feeds
from solidarity.relay.inert import make_inert


def sample(n: int = 30, languages: tuple[str, ...] = ("fa", "en", "de")) -> list[OutgoingMessage]:
    texts = {
        "fa": "ما با شما هستیم، زن زندگی آزادی",
        "en": "We stand with you, people of Iran",
        "de": "Wir stehen an eurer Seite",
    }
    start = datetime(2026, 3, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        language = languages[i % len(languages)]
        translations = (OutgoingTranslation("fa", "ما کنار شما هستیم", False),) if language == "en" and i % 2 else ()
        out.append(
            OutgoingMessage(
                id=f"m{i:05d}",
                language=language,
                text=f"{texts[language]} {i}",
                display_name=f"Name {i}",
                country="DE",
                city="Berlin",
                published_at=start + timedelta(minutes=i),
                senders=1 + i % 3,
                translations=translations,
            )
        )
    return out


def test_atom_and_json_feed_validate() -> None:
    messages = sample(12)
    atom = feeds.atom(
        messages, language="fa", title="پیام‌ها", feed_id="urn:solidarity:fa", updated=datetime(2026, 3, 2, tzinfo=UTC)
    )
    parsed = feedparser.parse(atom)
    assert not parsed.bozo
    assert parsed.feed.title == "پیام‌ها"
    assert len(parsed.entries) == 4 + 2  # four Persian originals and two translations
    assert any(tag.term == "translation" for e in parsed.entries for tag in e.get("tags", []))
    document = json.loads(feeds.json_feed(messages, language="en", title="t", feed_id="urn:x"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert all(item["content_text"] and item["id"] for item in document["items"])


def _key(tmp_path: Path) -> tuple[SigningKey, Path]:
    path = tmp_path / "offline" / "relay-signing.key"
    bundle.generate_key_file(path)
    assert path.stat().st_mode & 0o777 == 0o600
    return bundle.load_signing_key(path), path


def _build(messages: list[OutgoingMessage], key: SigningKey, **options: object) -> bundle.BuiltBundle:
    fp = bundle.fingerprint(bytes(key.verify_key))
    spec = bundle.BundleSpec(day=date(2026, 3, 2), fingerprint=fp, **options)  # type: ignore[arg-type]  # test options
    return bundle.build_bundle(
        messages, spec, render_pdf=lambda m, lang, day: bulletin.bulletin_pdf(m, language=lang, day=day)
    )


def test_bundle_is_reproducible_signed_and_tamper_evident(tmp_path: Path) -> None:
    key, _ = _key(tmp_path)
    first = _build(sample(), key)
    second = _build(sample(), key)
    assert first.data == second.data
    signed = bundle.sign_bundle(first.data, key)
    assert signed == bundle.sign_bundle(second.data, key)
    fp = bundle.fingerprint(bytes(key.verify_key))
    result = bundle.verify_bundle(signed, expected_fingerprint=fp)
    assert result.messages == 30
    assert result.fingerprint == fp
    with zipfile.ZipFile(io.BytesIO(signed)) as archive:
        names = archive.namelist()
        assert {"index.html", "fa.html", "feeds/fa.atom", "feeds/en.json", "bulletin/fa.pdf", "MANIFEST.json"} <= set(
            names
        )
        contents = {n: archive.read(n) for n in names}
    for name in names:
        tampered = dict(contents)
        changed = bytearray(tampered[name])
        changed[len(changed) // 2] ^= 0x01
        tampered[name] = bytes(changed)
        with pytest.raises(bundle.BundleError):
            bundle.verify_bundle(bundle._zip(tampered), expected_fingerprint=fp)
    with pytest.raises(bundle.BundleError):
        bundle.verify_bundle(signed, expected_fingerprint=bundle.fingerprint(bytes(SigningKey.generate().verify_key)))
    extra = dict(contents) | {"extra.html": b"<p>hi</p>"}
    with pytest.raises(bundle.BundleError):
        bundle.verify_bundle(bundle._zip(extra), expected_fingerprint=fp)


def test_unsigned_or_wrong_key_is_refused(tmp_path: Path) -> None:
    key, _ = _key(tmp_path)
    built = _build(sample(6), key)
    with pytest.raises(bundle.BundleError):
        bundle.verify_bundle(built.data)
    with pytest.raises(bundle.BundleError):
        bundle.sign_bundle(built.data, SigningKey.generate())
    with pytest.raises(bundle.BundleError):
        bundle.verify_bundle(b"not a zip")


def test_budget_is_fair_across_languages() -> None:
    flood = [
        OutgoingMessage(
            id=f"e{i:05d}",
            language="en",
            text="We stand with you " * 20,
            display_name="",
            country="",
            city="",
            published_at=datetime(2026, 3, 1, tzinfo=UTC) + timedelta(seconds=i),
        )
        for i in range(2000)
    ]
    few = [m for m in sample(30) if m.language != "en"]
    chosen = bundle.select_fairly(flood + few, budget_bytes=60_000)
    languages = {m.language for m in chosen}
    assert {"fa", "de", "en"} <= languages
    assert sum(1 for m in chosen if m.language == "fa") == 10  # every Persian message fits
    again = bundle.select_fairly(flood + few, budget_bytes=60_000, already_sent=frozenset(m.id for m in chosen))
    assert not {m.id for m in again} & {m.id for m in chosen}  # incremental


def test_bundle_respects_its_size_budget(tmp_path: Path) -> None:
    key, _ = _key(tmp_path)
    many = sample(3000)
    built = _build(many, key, budget_bytes=120_000, with_pdf=False)
    assert len(built.data) <= 120_000
    assert 0 < len(built.message_ids) < 3000


def test_pdf_fetcher_serves_only_packaged_assets(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while rendering a PDF")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    hostile = '<img src="http://169.254.169.254/"> file:///etc/passwd <link rel=stylesheet href="file:///etc/passwd">'
    message = sample(1, ("fa",))[0]
    message = dataclasses.replace(message, text=make_inert(hostile))
    requested: list[str] = []
    pdf = bulletin.render_pdf(bulletin.bulletin_html([message], language="fa", day="2026-03-02"), requested=requested)
    assert pdf.startswith(b"%PDF")
    assert requested == ["solidarity-asset:fonts/Vazirmatn-Regular.ttf"]
    # Even raw HTML that reaches the renderer cannot make it fetch: the fetcher refuses.
    requested.clear()
    bulletin.render_pdf(f"<html><body>{hostile}</body></html>", requested=requested)
    assert set(requested) <= {"http://169.254.169.254/", "file:///etc/passwd"}
    assert b"root:" not in pdf


def test_no_shell_in_subprocess_calls() -> None:
    root = Path(bulletin.__file__).resolve().parents[1]
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "shell=True" not in source, path
        assert "os.system" not in source, path
        assert "os.popen" not in source, path


@pytest.mark.skipif(bulletin.audio_tools() is None, reason="espeak-ng or an audio encoder is not installed")
def test_audio_bulletin_is_compressed() -> None:
    audio = bulletin.bulletin_audio(sample(3, ("fa",)), language="fa")
    assert audio is not None
    assert audio.startswith(b"OggS")
    assert bulletin.bulletin_audio(sample(3, ("fa",)), language="fa") == audio  # reproducible
    wav_size_estimate = 16_000 * 2 * 3  # at least three seconds of 16-bit speech, uncompressed
    assert len(audio) < wav_size_estimate


def test_audio_skips_cleanly_without_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a subprocess ran although the tools are missing")

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(subprocess, "run", never)
    assert bulletin.bulletin_audio(sample(3, ("fa",)), language="fa") is None


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_persian_bulletin_text_reads_in_logical_order(tmp_path: Path) -> None:
    messages = [dataclasses.replace(m, text="ما با شما هستیم، زن زندگی آزادی") for m in sample(3, ("fa",))]
    pdf = tmp_path / "bulletin.pdf"
    pdf.write_bytes(bulletin.bulletin_pdf(messages, language="fa", day="2026-03-02"))
    pdffonts = shutil.which("pdffonts") or "pdffonts"
    pdftotext = shutil.which("pdftotext") or "pdftotext"
    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=False).stdout  # noqa: S603  # fixed arguments
    assert "Vazirmatn" in fonts
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603  # fixed arguments
    assert "بولتن پیام‌های همبستگی" in text or "بولتن پیامهای همبستگی" in text.replace("\u200c", "")
    assert "ما با شما هستیم" in text
