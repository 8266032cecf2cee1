"""A version number of the registry's contents, so that derived views can be cached safely.

Every service that changes what the representation matrix shows calls `changed()`. Cached views
key on `version()`; a backstop expiry covers changes made outside the services (the admin).
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import transaction

KEY = "coalition:registry-version"
BACKSTOP_SECONDS = 300


def _fresh_start() -> int:
    """Return a first version above any an evicted key can have reached: the clock in microseconds.

    Restarting at 1 after the cache evicted the key would serve a view cached under an old version 1.
    """
    return time.time_ns() // 1000


def version() -> int:
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, _fresh_start(), timeout=None)
        value = cache.get(KEY)
    return int(value) if value is not None else _fresh_start()


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # the key expired or was evicted: a fresh start is above every old version
        cache.add(KEY, _fresh_start(), timeout=None)


def changed() -> None:
    """Invalidate cached views now and again at commit (so no reader caches the pre-commit state)."""
    _bump()
    transaction.on_commit(_bump)
