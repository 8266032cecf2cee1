"""Outputs of the relay: feeds, static pages, the radio bulletin, audio and the signed bundle.

Pure Python (no Django): each renderer takes `OutgoingMessage` values whose text is already inert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

RTL_LANGUAGES = frozenset({"fa", "ar", "he", "ur", "ps", "ckb"})


@dataclass(frozen=True, slots=True)
class OutgoingTranslation:
    language: str
    text: str  # inert
    is_machine: bool


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One approved message as it leaves the server: every text field already inert."""

    id: str  # a server-generated public id, never a database key guessable across instances
    language: str
    text: str
    display_name: str
    country: str  # ISO 3166 alpha-2 or ""
    city: str
    published_at: datetime
    senders: int = 1  # how many people sent this same text (near-duplicate cluster size)
    translations: tuple[OutgoingTranslation, ...] = field(default=())

    def text_in(self, language: str) -> tuple[str, bool, bool] | None:
        """Return (text, is_translation, is_machine) in a language, or None when there is none."""
        if self.language == language:
            return self.text, False, False
        for translation in self.translations:
            if translation.language == language:
                return translation.text, True, translation.is_machine
        return None


def direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RTL_LANGUAGES and not language.endswith("Latn") else "ltr"
