"""Template filters of the relay's staff pages.

No filter cleans text here: what is published is read from the inert forms kept with the message
(`Message.inert_text`), never cleaned again per request.
"""

from __future__ import annotations

from django import template

from solidarity.core.text import is_invisible

register = template.Library()


@register.filter(name="get_item")
def get_item(mapping: object, key: str) -> object:
    """Look a key up in a dict (counts by status, reason labels)."""
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter(name="reveal")
def reveal(text: str) -> str:
    """Show invisible characters (the kernel's set) as visible codes, so moderators see tricks.

    ZWNJ and ZWJ stay as they are: Persian spelling and emoji use them every day.
    """
    return "".join(f"[U+{ord(char):04X}]" if is_invisible(char) else char for char in str(text or ""))


@register.filter(name="channel_label")
def channel_label(code: str) -> str:
    """Name a delivery channel ("public-download") in the reader's language."""
    from solidarity.relay.forms import CHANNEL_LABELS

    label = CHANNEL_LABELS.get(str(code))
    return str(label) if label is not None else str(code)
