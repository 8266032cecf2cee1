"""The canonical text of a charter put to a vote: one byte string per wording, and its SHA-256.

A charter put to a motion is frozen when the motion's definition is frozen; the SHA-256 of these
bytes enters the election definition (`definition["charter"]["sha256"]`), and the charter's
public page serves the same bytes (`charter-<id>.json`), so anyone can check with `sha256sum` that
the text they read is the text voted on.

The canonical form: each text is put in Unicode NFC, line ends made "\\n" and outer whitespace
stripped; the document is then written as canonical JSON (`elections.canonical.dumps`: sorted keys,
no spaces, UTF-8, no escapes beyond the required ones). Support figures are not part of it: they
describe the text, they are not what is voted on. docs/deliberation.md states the same rules.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from solidarity.elections.canonical import dumps

CHARTER_FORMAT = "solidarity-charter/1"


@dataclass(frozen=True)
class CharterWording:
    """What a charter says, in both languages: title, preamble and its statements in order."""

    charter_id: int
    title_en: str
    title_fa: str
    preamble_en: str
    preamble_fa: str
    items: Sequence[tuple[str, str]]  # (English, Persian), in charter order


def canonical_text(text: str) -> str:
    """Return a text as it is hashed: NFC, "\\n" line ends, no outer whitespace."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", unified).strip()


def canonical_document(wording: CharterWording) -> dict[str, Any]:
    """Return the document whose canonical JSON is hashed."""
    return {
        "format": CHARTER_FORMAT,
        "charter": wording.charter_id,
        "title_en": canonical_text(wording.title_en),
        "title_fa": canonical_text(wording.title_fa),
        "preamble_en": canonical_text(wording.preamble_en),
        "preamble_fa": canonical_text(wording.preamble_fa),
        "statements": [
            {"number": number, "text_en": canonical_text(english), "text_fa": canonical_text(persian)}
            for number, (english, persian) in enumerate(wording.items, start=1)
        ],
    }


def canonical_bytes(wording: CharterWording) -> bytes:
    """Return the canonical bytes of a charter's wording."""
    return dumps(canonical_document(wording))


def charter_hash(wording: CharterWording) -> str:
    """Return the hex SHA-256 of the canonical bytes."""
    return hashlib.sha256(canonical_bytes(wording)).hexdigest()
