"""Template filters of the relay: `inert` renders a text the way it is transmitted."""

from __future__ import annotations

from django import template

from solidarity.relay.inert import make_inert

register = template.Library()


@register.filter(name="inert")
def inert(text: str) -> str:
    """Return the inert form of a text (escaped by the template as usual)."""
    return make_inert(str(text or ""))


@register.filter(name="get_item")
def get_item(mapping: object, key: str) -> object:
    """Look a key up in a dict (counts by status, reason labels)."""
    return mapping.get(key) if isinstance(mapping, dict) else None


_INVISIBLE = {0x200B, 0x200E, 0x200F, 0x061C, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@register.filter(name="reveal")
def reveal(text: str) -> str:
    """Show bidi controls and zero-width characters as visible codes, so moderators see tricks."""
    return "".join(f"[U+{ord(char):04X}]" if ord(char) in _INVISIBLE else char for char in str(text or ""))
