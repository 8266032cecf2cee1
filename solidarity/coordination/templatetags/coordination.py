"""Template filters of coordination: a sector's code by its name in the reader's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from solidarity.coordination import selectors

register = template.Library()


@register.filter
def sector_name(sector: str | None) -> str:
    """Name a sector code ("bazaar") in the reader's language ("بازار")."""
    language = "fa" if (get_language() or "en").startswith("fa") else "en"
    return selectors.sector_label(sector or "", language)


@register.filter
def area_name(area: str | None) -> str:
    """Name a cell's area ("IR-07:Shiraz") by its province in the reader's language ("Shiraz (فارس)")."""
    language = "fa" if (get_language() or "en").startswith("fa") else "en"
    return selectors.area_label(area or "", language)
