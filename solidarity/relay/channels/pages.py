"""Static HTML pages for the bundle: open from a USB stick with no network and no JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from solidarity.relay.channels import OutgoingMessage, direction

LANGUAGE_NAMES = {
    "fa": "فارسی", "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español",
    "it": "Italiano", "pt": "Português", "nl": "Nederlands", "sv": "Svenska", "tr": "Türkçe",
    "ar": "العربية", "ku": "Kurdî", "ru": "Русский", "uk": "Українська", "ja": "日本語",
    "zh": "中文", "ko": "한국어", "pl": "Polski", "el": "Ελληνικά", "fa-Latn": "Finglish",
}  # fmt: skip

STYLE = """@font-face{font-family:Vazirmatn;src:url("fonts/Vazirmatn-Regular.woff2") format("woff2")}
body{font-family:Vazirmatn,system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;
line-height:1.7;color:#1b1b1b;background:#fffdf8}
h1{font-size:1.5rem}article{border-block-end:1px solid #ddd;padding-block:.75rem}
.meta{color:#555;font-size:.85rem}.label{background:#eee;border-radius:.3rem;padding-inline:.3rem;font-size:.8rem}
nav a{margin-inline-end:1rem}
"""

UI = {
    "fa": {"title": "پیام‌های همبستگی", "from": "از", "translation": "ترجمه", "machine": "ترجمهٔ ماشینی",
           "senders": "نفر این پیام را فرستاده‌اند",
           "intro": "این پیام‌ها را مردم جهان برای شما فرستاده‌اند. هر پیام را یک ناظر خوانده است.",
           "languages": "زبان‌ها"},
    "en": {"title": "Messages of solidarity", "from": "from", "translation": "translation",
           "machine": "machine translation", "senders": "people sent this message",
           "intro": "People around the world sent these messages to you. A moderator read each one.",
           "languages": "Languages"},
}  # fmt: skip


def _ui(language: str) -> dict[str, str]:
    return UI.get(language, UI["en"])


def _page(*, language: str, title: str, body: str) -> bytes:
    lang = escape(language)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}" dir="{direction(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="stylesheet" href="style.css">\n</head>\n<body>\n'
        f"{body}\n</body>\n</html>\n"
    ).encode()


def message_html(message: OutgoingMessage, language: str) -> str:
    """Render one message as HTML: escaped, isolated in <bdi>, labelled when translated."""
    found = message.text_in(language)
    if found is None:
        return ""
    text, is_translation, is_machine = found
    ui = _ui(language)
    labels = ""
    if is_translation:
        labels = f' <span class="label">{escape(ui["machine"] if is_machine else ui["translation"])}</span>'
    place = ", ".join(part for part in (message.city, message.country) if part)
    who = escape(message.display_name) if message.display_name else ""
    meta = " ".join(
        part
        for part in (
            f"<bdi>{who}</bdi>" if who else "",
            f"{escape(ui['from'])} <bdi>{escape(place)}</bdi>" if place else "",
            f"· {message.senders} {escape(ui['senders'])}" if message.senders > 1 else "",
        )
        if part
    )
    paragraphs = "".join(f"<p><bdi>{escape(line)}</bdi></p>" for line in text.splitlines())
    return (
        f'<article lang="{escape(language)}" dir="{direction(language)}">{paragraphs}'
        f'<div class="meta">{meta}{labels}</div></article>'
    )


def language_page(messages: Sequence[OutgoingMessage], *, language: str) -> bytes:
    ui = _ui(language)
    items = "\n".join(html for m in messages if (html := message_html(m, language)))
    name = LANGUAGE_NAMES.get(language, language)
    nav = f'<nav><a href="index.html">{escape(ui["languages"])}</a></nav>'
    body = f"{nav}\n<h1>{escape(ui['title'])} · {escape(name)}</h1>\n{items}"
    return _page(language=language, title=f"{ui['title']} · {name}", body=body)


def index_page(counts: dict[str, int], *, day: str, links: Sequence[tuple[str, str]] = ()) -> bytes:
    """The bundle's first page: its languages. It says nothing of which key signed it: a forged
    bundle would say the same; the key's words are compared on channels the bundle cannot write."""
    rows = []
    for language in sorted(counts):
        name = LANGUAGE_NAMES.get(language, language)
        rows.append(f'<li><a href="{escape(language)}.html"><bdi>{escape(name)}</bdi></a> ({counts[language]})</li>')
    fa, en = UI["fa"], UI["en"]
    body = (
        f'<h1>{escape(fa["title"])} · {escape(en["title"])}</h1>\n<p dir="rtl" lang="fa">{escape(fa["intro"])}</p>\n'
        f"<p>{escape(en['intro'])}</p>\n<p>{escape(day)}</p>\n<ul>\n" + "\n".join(rows) + "\n</ul>\n"
    )
    if links:  # the static mirror's own pages (never a bundle's: see above)
        body += "<p>" + " · ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in links) + "</p>\n"
    return _page(language="en", title=f"{fa['title']} · {en['title']}", body=body)


def mirror_verify_page(
    *, fingerprint: str, key_words: Sequence[str], bundles: Sequence[tuple[str, str]], openpgp_fingerprint: str = ""
) -> bytes:
    """The mirror's instructions for checking a bundle, with the key as words and as hex.

    A mirror is a copy anyone may make, so this page too is only as good as its source: the words
    are the ones to compare with the radio and the other channels.
    """
    listed = "\n".join(
        f'<li><a href="bundles/{escape(name)}"><code>{escape(name)}</code></a>'
        f" SHA-256 <code>{escape(digest)}</code></li>"
        for name, digest in bundles
    )
    body = f"""<h1>How to check a bundle · چگونه یک بسته را بررسی کنیم</h1>
<p dir="rtl" lang="fa">واژه‌های کلید امضای ائتلاف: <strong>{escape(" ".join(key_words))}</strong></p>
<p dir="rtl" lang="fa">این واژه‌ها را با آنچه در رادیو، خوراک‌ها و نشریه‌ها آمده مقایسه کنید.
اگر یکی نبود، به بسته اعتماد نکنید.</p>
<p>The coalition's signing key as Persian words (above) and as hex: <code>{escape(fingerprint)}</code>.
Compare them with the words read on the radio and printed on the other channels; a mirror is a copy
anyone can make, so this page vouches for nothing by itself.</p>
<ol><li>With Solidarity installed:
<code>solidarity relay verify BUNDLE.zip --fingerprint "{escape(fingerprint)}"</code></li>
<li>With Debian's minisign: <code>minisign -Vm MANIFEST.json -p minisign.pub</code>, then
<code>sha256sum</code> every file against MANIFEST.json.</li>
<li>With GnuPG, Sequoia or OpenKeychain: <code>gpg --import openpgp.asc</code>, then
<code>gpg --verify MANIFEST.json.asc MANIFEST.json</code>; the same key as an OpenPGP certificate
has the fingerprint <code>{escape(openpgp_fingerprint or "—")}</code>.</li></ol>
<h2>Signed bundles · بسته‌های امضاشده</h2>
<ul>{listed}</ul>"""
    return _page(language="en", title="Verify · بررسی", body=body)
