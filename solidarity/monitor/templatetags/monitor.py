"""Template filters of the monitor: the unit of a claim in the reader's language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The units the claim extractor reads in English (solidarity.monitor.pipeline.claims), by name in
# the reader's language; a Persian unit is shown as it was written.
UNIT_LABELS = {
    "protest": _("protests"),
    "protests": _("protests"),
    "protest actions": _("protest actions"),
    "protest gatherings": _("protest gatherings"),
    "strikes": _("strikes"),
    "rallies": _("rallies"),
    "gatherings": _("gatherings"),
    "demonstrations": _("demonstrations"),
    "labor protests": _("labour protests"),
    "labour protests": _("labour protests"),
    "sit-ins": _("sit-ins"),
}


@register.filter
def unit_label(unit: str | None) -> str:
    """Name a claim's unit ("protests") in the reader's language ("اعتراض")."""
    text = (unit or "").strip()
    label = UNIT_LABELS.get(text.lower())
    return str(label) if label is not None else text
