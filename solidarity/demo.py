"""Build the demo: each app's `demo.build(context)` runs in the order below on an empty database.

Add a line to DEMO_MODULES when an app gains demo data. Every builder must be deterministic for a
given seed, invent every name (no real organization or person) and go through the app's services.
Builders take a `DemoContext` (defined in the kernel, `solidarity/core/demo.py`; importable from here too).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from importlib import import_module

from solidarity.core.demo import DemoContext

__all__ = ["DEMO_MODULES", "DemoContext", "build_all"]

DEMO_MODULES = [
    "solidarity.core.demo",
    "solidarity.coalition.demo",
    "solidarity.relay.demo",
    "solidarity.monitor.demo",
    "solidarity.assemblies.demo",
    "solidarity.deliberation.demo",
    "solidarity.elections.demo",
]


def build_all(*, seed: int = 2026, progress: Callable[[str], None] = print) -> DemoContext:
    context = DemoContext(rng=random.Random(seed), progress=progress)
    for name in DEMO_MODULES:
        module = import_module(name)
        progress(f"demo: {name.split('.')[1]}")
        module.build(context)
    return context
