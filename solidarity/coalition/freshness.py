"""A version number of the registry's contents, so that derived views can be cached safely.

Every service that changes what the representation matrix shows calls `changed()`. Cached views
key on `version()`; a backstop expiry covers changes made outside the services (the admin).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

KEY = "coalition:registry-version"
BACKSTOP_SECONDS = 300


def version() -> int:
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, 1, timeout=None)
        value = cache.get(KEY, 1)
    return int(value)


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # the key expired or was evicted: any new value invalidates
        cache.add(KEY, 1, timeout=None)


def changed() -> None:
    """Invalidate cached views now and again at commit (so no reader caches the pre-commit state)."""
    _bump()
    transaction.on_commit(_bump)
