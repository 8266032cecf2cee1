"""The pluggable machine-translation seam (no Django). Nothing is configured by default.

An operator who has an offline EN↔FA model installed (for example Argos models obtained elsewhere)
names a class in SOLIDARITY_RELAY_MT_BACKEND ("package.module:ClassName"). Its output is always
stored with `is_machine=True` and shown labelled as machine translation. Services that send text to
a third party are not acceptable here and must not be configured.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol


class MachineTranslator(Protocol):
    name: str

    def translate(self, text: str, *, source: str, target: str) -> str | None:
        """Return the translation, or None when this pair or text is not supported."""


class NoMachineTranslationError(LookupError):
    """No machine-translation backend is configured, or it cannot translate this pair."""


def load_backend(dotted: str) -> MachineTranslator | None:
    """Instantiate the configured backend ("module:Class"), or return None when none is set."""
    if not dotted:
        return None
    module_name, _, class_name = dotted.partition(":")
    backend_class = getattr(import_module(module_name), class_name)
    backend: MachineTranslator = backend_class()
    return backend
