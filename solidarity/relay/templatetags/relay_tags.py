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
