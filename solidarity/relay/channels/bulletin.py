"""The radio bulletin: a printable PDF script (WeasyPrint) and a spoken draft (espeak-ng).

WeasyPrint gets a URL fetcher that serves only the packaged font and refuses everything else, so
text can never make it fetch a URL or read a file (SR-18). Audio runs espeak-ng and an encoder as
argument lists, never through a shell, and skips cleanly when they are not installed.
"""

from __future__ import annotations

import shutil
import subprocess  # argument lists only, no shell (SR-18)
import tempfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from solidarity.core import pdf

# Re-exported: the relay's callers name them here; the one safe fetcher lives in core.pdf (SR-18).
from solidarity.core.pdf import ASSET_SCHEME as ASSET_SCHEME
from solidarity.core.pdf import FONT_PATH as FONT_PATH
from solidarity.core.pdf import PACKAGED_ASSETS as PACKAGED_ASSETS
from solidarity.core.pdf import RefusedFetchError as RefusedFetchError
from solidarity.core.pdf import safe_url_fetcher as safe_url_fetcher
from solidarity.relay.channels import OutgoingMessage, direction, words

TITLES = {"fa": "بولتن پیام‌های همبستگی", "en": "Bulletin of solidarity messages"}
MACHINE = {"fa": "ترجمهٔ ماشینی", "en": "machine translation"}
TRANSLATION = {"fa": "ترجمه", "en": "translation"}
SENT_BY = {"fa": "نفر فرستاده‌اند", "en": "people sent this"}


def bulletin_html(
    messages: Sequence[OutgoingMessage], *, language: str, day: str, key_words: Sequence[str] = ()
) -> str:
    """Return the bulletin as HTML: one numbered item per message, inert text only."""
    items = []
    for _number, message in enumerate(messages, start=1):
        found = message.text_in(language)
        if found is None:
            continue
        text, is_translation, is_machine = found
        label = ""
        if is_translation:
            kind = (MACHINE if is_machine else TRANSLATION).get(language, "translation")
            label = f' <span class="label">({escape(kind)})</span>'
        place = (
            "، ".join(p for p in (message.city, message.country) if p)
            if language == "fa"
            else ", ".join(p for p in (message.city, message.country) if p)
        )
        who = " — ".join(p for p in (message.display_name, place) if p)
        senders = f" · {message.senders} {escape(SENT_BY.get(language, SENT_BY['en']))}" if message.senders > 1 else ""
        items.append(
            f'<li><p><bdi>{escape(text)}</bdi></p><p class="who"><bdi>{escape(who)}</bdi>{senders}{label}</p></li>'
        )
    css = f"""@font-face {{ font-family: Vazirmatn; src: url("{ASSET_SCHEME}:fonts/Vazirmatn-Regular.ttf"); }}
@page {{ size: A4; margin: 2cm;
  @bottom-center {{ content: counter(page{", persian" if language == "fa" else ""}); font-family: Vazirmatn; }} }}
body {{ font-family: Vazirmatn; font-size: 13pt; line-height: 1.8; }}
h1 {{ font-size: 18pt; }} .who {{ color: #444; font-size: 10pt; }} li {{ margin-block-end: .6em; }}
ol {{ list-style-type: {"persian" if language == "fa" else "decimal"}; }}"""
    title = TITLES.get(language, TITLES["en"])
    return (
        f'<!doctype html><html lang="{escape(language)}" dir="{direction(language)}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body><h1>{escape(title)}</h1><p>{escape(day)}</p><ol>{''.join(items)}</ol>"
        f"{_key_words_html(key_words, language)}</body></html>"
    )


def _key_words_html(key_words: Sequence[str], language: str) -> str:
    if not key_words:
        return ""
    caption = escape(words.CAPTIONS["fa" if language == "fa" else "en"])
    return f'<p class="who">{caption}:</p><p lang="fa" dir="rtl"><strong>{escape(" ".join(key_words))}</strong></p>'


def render_pdf(html: str, *, requested: list[str] | None = None) -> bytes:
    """Render HTML to PDF with only packaged assets reachable."""
    return pdf.render_pdf(html, identifier=b"solidarity-bulletin", requested=requested)


def bulletin_pdf(
    messages: Sequence[OutgoingMessage], *, language: str, day: str, key_words: Sequence[str] = ()
) -> bytes:
    return render_pdf(bulletin_html(messages, language=language, day=day, key_words=key_words))


# --- audio -----------------------------------------------------------------------------------

VOICES = {"fa": "fa", "en": "en"}


def audio_tools() -> dict[str, str] | None:
    """Return the paths of espeak-ng and an encoder, or None when either is missing."""
    espeak = shutil.which("espeak-ng")
    encoder = shutil.which("oggenc") or shutil.which("ffmpeg") or shutil.which("sox")
    if not espeak or not encoder:
        return None
    return {"espeak": espeak, "encoder": encoder}


SPOKEN_KEY = {
    "fa": "واژه‌های کلید امضای ائتلاف، برای مقایسه با بسته‌ها و نشریه‌ها، این‌هاست:",
    "en": "The coalition's signing key words are read out in Persian in the Persian bulletin.",
}


def bulletin_script(messages: Sequence[OutgoingMessage], *, language: str, key_words: Sequence[str] = ()) -> str:
    """The text read aloud; the signing key's words close it twice (Persian voice only: the words are Persian)."""
    lines = [TITLES.get(language, TITLES["en"])]
    for message in messages:
        found = message.text_in(language)
        if found is not None:
            lines.append(found[0])
    if key_words and language == "fa":
        lines += [SPOKEN_KEY["fa"], words.spoken(key_words), "تکرار می‌کنیم:", words.spoken(key_words)]
    elif key_words:
        lines.append(SPOKEN_KEY["en"])
    return "\n\n".join(lines)


def bulletin_audio(
    messages: Sequence[OutgoingMessage], *, language: str, key_words: Sequence[str] = (), timeout: float = 120.0
) -> bytes | None:
    """Speak the bulletin with espeak-ng and encode it to Ogg Vorbis; None when tools are missing."""
    tools = audio_tools()
    if tools is None or language not in VOICES:
        return None
    script = bulletin_script(messages, language=language, key_words=key_words)
    with tempfile.TemporaryDirectory(prefix="relay-audio-") as folder:
        text_path = Path(folder) / "script.txt"
        wav_path = Path(folder) / "speech.wav"
        ogg_path = Path(folder) / "speech.ogg"
        text_path.write_text(script, encoding="utf-8")
        subprocess.run(  # noqa: S603  # fixed argument list, server-generated file names
            [tools["espeak"], "-v", VOICES[language], "-s", "150", "-f", str(text_path), "-w", str(wav_path)],
            check=True,
            timeout=timeout,
            capture_output=True,
        )
        encoder = tools["encoder"]
        name = Path(encoder).name
        if name == "oggenc":
            # A fixed stream serial number: the same bulletin gives the same bytes (reproducible bundle).
            args = [encoder, "-Q", "-q", "-1", "--resample", "16000", "-s", "1", "-o", str(ogg_path), str(wav_path)]
        elif name == "ffmpeg":
            args = [
                encoder,
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-i",
                str(wav_path),
                "-ar",
                "16000",
                "-c:a",
                "libvorbis",
                "-q:a",
                "0",
                "-fflags",
                "+bitexact",
                "-map_metadata",
                "-1",
                str(ogg_path),
            ]
        else:
            args = [encoder, "-R", str(wav_path), "-r", "16000", "-C", "0", str(ogg_path)]  # -R: repeatable
        subprocess.run(args, check=True, timeout=timeout, capture_output=True)  # noqa: S603  # argument list
        return ogg_path.read_bytes()
